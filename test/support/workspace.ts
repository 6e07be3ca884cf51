import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary git repository whose commits are written file by file. */
export class TempRepo {
  readonly dir: string;
  constructor(prefix = 'endpoint-drift-repo-') {
    this.dir = mkdtempSync(path.join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'ci@contoso.example');
    this.git('config', 'user.name', 'CI');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.dir, ...args], { encoding: 'utf8' }).trim();
  }

  /** Writes the files (undefined deletes) and commits; returns the commit id. */
  commit(files: Record<string, string | undefined>, message: string): string {
    for (const [rel, text] of Object.entries(files)) {
      const abs = path.join(this.dir, rel);
      if (text === undefined) rmSync(abs, { force: true });
      else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, text);
      }
    }
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** The unified diff of one file between two commits, as the pull-request files API shows it. */
  patch(from: string, to: string, file: string): string {
    const out = this.git('diff', '--unified=3', from, to, '--', file);
    return out.slice(out.indexOf('@@'));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
