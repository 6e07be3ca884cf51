#!/usr/bin/env node
import module from 'node:module';
try {
  module.enableCompileCache?.();
} catch {
  // A cache that cannot be set up only costs time.
}
await import('./cli/index.js');
