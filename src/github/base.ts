import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Octokit } from './client.js';

/** A file of the base commit's tree. */
export interface TreeFile {
  readonly path: string;
  readonly size: number;
  /** Blob id. */
  readonly id: string;
}

/** The base commit's files, from the checkout's git history or from the API. */
export interface BaseTree {
  readonly source: 'git' | 'api';
  list(): Promise<TreeFile[]>;
  read(file: TreeFile): Promise<Buffer>;
}

/** Runs git with arguments (never through a shell) in the workspace and returns its stdout. */
export type Git = (args: readonly string[]) => Promise<Buffer>;

/**
 * The base commit from the checkout's history, if the checkout has it (`fetch-depth: 0`, or 2 for
 * the merge commit a pull_request run checks out). Only plumbing commands that read objects are
 * used: nothing is checked out and no repository code (hooks, filters) runs.
 */
export async function gitBaseTree(git: Git, sha: string): Promise<BaseTree | undefined> {
  try {
    await git(['cat-file', '-e', `${sha}^{commit}`]);
  } catch {
    return undefined;
  }
  return {
    source: 'git',
    async list() {
      const out = (await git(['ls-tree', '-r', '-l', '-z', '--full-tree', sha])).toString('utf8');
      const files: TreeFile[] = [];
      for (const rec of out.split('\0')) {
        // <mode> SP <type> SP <object> SP+ <size> TAB <path>
        const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(rec);
        if (!m || m[2] !== 'blob' || (m[1] !== '100644' && m[1] !== '100755')) continue;
        files.push({ path: m[5]!, size: Number(m[4]), id: m[3]! });
      }
      return files;
    },
    read: (file) => git(['cat-file', 'blob', file.id]),
  };
}

/** The base commit through the git trees and blobs API, for checkouts without it. */
export function apiBaseTree(octokit: Octokit, owner: string, repo: string, sha: string): BaseTree {
  return {
    source: 'api',
    async list() {
      const r = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: 'true' });
      if (r.data.truncated)
        throw new Error(
          'the base tree is too large for one API answer; use fetch-depth: 0 so the base is read from git',
        );
      return r.data.tree
        .filter(
          (e) =>
            e.type === 'blob' && (e.mode === '100644' || e.mode === '100755') && e.path && e.sha,
        )
        .map((e) => ({ path: e.path!, size: e.size ?? 0, id: e.sha! }));
    },
    async read(file) {
      const r = await octokit.rest.git.getBlob({ owner, repo, file_sha: file.id });
      return Buffer.from(r.data.content, r.data.encoding === 'base64' ? 'base64' : 'utf8');
    },
  };
}

export interface BaseBudget {
  readonly maxFiles: number;
  readonly maxBytes: number;
  readonly maxFileBytes: number;
}

export const DEFAULT_BASE_BUDGET: BaseBudget = {
  maxFiles: 2000,
  maxBytes: 64 * 1024 * 1024,
  maxFileBytes: 8 * 1024 * 1024,
};

export const API_BASE_BUDGET: BaseBudget = {
  maxFiles: 300,
  maxBytes: 32 * 1024 * 1024,
  maxFileBytes: 8 * 1024 * 1024,
};

function safePath(p: string): boolean {
  return (
    p !== '' &&
    !p.startsWith('/') &&
    !p.includes('\\') &&
    !p.includes('\0') &&
    p.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && s.toLowerCase() !== '.git')
  );
}

/**
 * Writes the base files the check could read into a new directory under `tmp`: files matching
 * the configured paths and globs, and their neighbours (variable files, referenced files). Within
 * a budget of files and bytes; returns the directory, or why the base cannot be compared.
 */
export async function materialiseBase(
  tree: BaseTree,
  patterns: readonly string[],
  tmp: string,
  budget: BaseBudget = DEFAULT_BASE_BUDGET,
): Promise<{ dir: string; files: number } | { error: string }> {
  const normalised = patterns.map((p) =>
    p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''),
  );
  const match = picomatch(normalised, { dot: true });
  const inside = (p: string) => normalised.some((n) => p.startsWith(`${n}/`));
  const all = (await tree.list()).filter((f) => safePath(f.path));
  const matched = all.filter((f) => match(f.path) || inside(f.path));
  const dirs = new Set(matched.map((f) => path.posix.dirname(f.path)));
  const wanted = all.filter((f) => dirs.has(path.posix.dirname(f.path)));
  const chosen = wanted.filter((f) => f.size <= budget.maxFileBytes);
  if (chosen.length > budget.maxFiles)
    return {
      error: `the base has ${chosen.length} candidate files, more than the ${budget.maxFiles} read for comparison`,
    };
  const bytes = chosen.reduce((n, f) => n + f.size, 0);
  if (bytes > budget.maxBytes)
    return {
      error: `the base files come to ${bytes} bytes, more than the ${budget.maxBytes} read for comparison`,
    };
  const dir = await mkdtemp(path.join(tmp, 'endpoint-drift-base-'));
  try {
    for (const f of chosen) {
      const target = path.join(dir, ...f.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, await tree.read(f));
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, files: chosen.length };
}
