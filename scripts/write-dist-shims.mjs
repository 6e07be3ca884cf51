// ncc writes each bundle into its own folder; the entry points users run are these two shims.
import { chmodSync, writeFileSync } from 'node:fs';

writeFileSync('dist/index.js', "import './action/index.js';\n");
writeFileSync('dist/cli.js', "#!/usr/bin/env node\nimport './cli/index.js';\n");
writeFileSync('dist/package.json', '{ "type": "module" }\n');
chmodSync('dist/cli.js', 0o755);
