import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, referencedFileReader } from '../../src/io/files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readText', () => {
  it.each([
    ['ok.txt', Buffer.from('a.example.com\n'), { text: 'a.example.com\n' }],
    [
      'big.txt',
      Buffer.from('x'.repeat(64)),
      { error: 'big.txt: is too large to check (64 bytes; the limit is 32 bytes)' },
    ],
    [
      'nul.txt',
      Buffer.from([0x61, 0x00]),
      { error: 'nul.txt: is not a text file (NUL byte at offset 1)' },
    ],
    [
      'latin1.txt',
      Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      { error: 'latin1.txt: is not valid UTF-8 text' },
    ],
  ])('%s', async (name, bytes, expected) => {
    writeFileSync(path.join(dir, name), bytes);
    expect(await readText(path.join(dir, name), name, 32)).toEqual(expected);
  });

  it('names missing files and folders', async () => {
    mkdirSync(path.join(dir, 'folder'));
    expect(await readText(path.join(dir, 'none.txt'), 'none.txt')).toEqual({
      error: 'none.txt: cannot be read (no such file)',
    });
    expect(await readText(path.join(dir, 'folder'), 'folder')).toEqual({
      error: 'folder: is a directory, not a file',
    });
  });
});

describe('referencedFileReader', () => {
  it('reads repository paths, and nothing outside the root', () => {
    mkdirSync(path.join(dir, 'root/squid'), { recursive: true });
    writeFileSync(path.join(dir, 'root/squid/m365.acl'), '.office.com\n');
    writeFileSync(path.join(dir, 'secret.txt'), 'no\n');
    const refused: unknown[] = [];
    const read = referencedFileReader(path.join(dir, 'root'), (r, at) => refused.push([r, at]));
    const why = 'is outside the workspace; only files in the repository are read';
    const at = {
      location: { file: 'squid/squid.conf', line: 3, column: 21 },
      written: '../secret.txt',
    };
    expect(read('squid/m365.acl')).toBe('.office.com\n');
    expect(read('/squid/m365.acl')).toBe('.office.com\n');
    expect(read('m365.acl')).toBeUndefined();
    expect(read('../secret.txt', at)).toEqual({ refused: why });
    expect(read('squid/missing.acl')).toBeUndefined();
    expect(refused).toEqual([[{ path: '../secret.txt', why }, at]]);
  });
});
