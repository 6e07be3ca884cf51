import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import {
  ALLOWLIST_FORMATS,
  getFormat,
  resolveFormat,
} from '../../../src/formats/allowlist/index.js';

/** Real allowlists kept next to the repository (see PROVENANCE.md there); read, never copied. */
const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

function read(relative: string) {
  return { path: relative, text: readFileSync(path.join(corpus, relative), 'utf8') };
}

function parseAuto(relative: string): ParsedFile {
  const file = read(relative);
  const resolved = resolveFormat(file, 'auto');
  if (!('format' in resolved)) throw new Error(resolved.error);
  return resolved.format.parse(file);
}

const hosts = (entries: readonly Entry[]) => entries.flatMap((e) => (e.kind === 'host' ? [e] : []));
const ips = (entries: readonly Entry[]) => entries.flatMap((e) => (e.kind === 'ip' ? [e] : []));

describe.skipIf(!existsSync(corpus))('corpus', () => {
  it('edl main list: 36 IPv4 prefixes', () => {
    const parsed = parseAuto('edl/cybersethx-m365-main-ip-list.txt');
    expect(parsed.format).toBe('plain');
    expect(parsed.problems).toEqual([]);
    expect(ips(parsed.entries)).toHaveLength(36);
    expect(ips(parsed.entries).every((e) => e.block.family === 4 && e.text.includes('/'))).toBe(
      true,
    );
    expect(parsed.entries[0]).toMatchObject({
      text: '104.146.128.0/17',
      location: { line: 1, column: 1 },
    });
  });

  it('edl additional list: 131 lines, 114 bare addresses read as /32 and 17 prefixes', () => {
    const parsed = parseAuto('edl/cybersethx-m365-additional-ip-list.txt');
    expect(parsed.problems).toEqual([]);
    const blocks = ips(parsed.entries);
    expect(blocks).toHaveLength(131);
    const bare = blocks.filter((e) => !e.text.includes('/'));
    expect(bare).toHaveLength(114);
    expect(bare.every((e) => e.block.prefixLength === 32)).toBe(true);
    expect(blocks.filter((e) => e.text.includes('/'))).toHaveLength(17);
    expect(blocks.find((e) => e.text === '13.78.204.0')?.block.key()).toBe('13.78.204.0/32');
  });

  it('fluffm3ister list: 51 entries, CRLF, section comments and inline comments', () => {
    const parsed = parseAuto('plaintext/fluffm3ister-microsoft-whitelist.txt');
    expect(parsed.format).toBe('plain');
    expect(parsed.problems).toEqual([]);
    const names = hosts(parsed.entries);
    expect(names).toHaveLength(51);
    expect(names.filter((e) => e.pattern.isWildcard)).toHaveLength(37);
    expect(names[0]).toMatchObject({
      text: '*.office.com',
      location: { line: 18, column: 1 },
      comment:
        'Section 1: Office 365 Services\n- Required for Office apps and email via Microsoft 365.',
    });
    expect(names.find((e) => e.text === '*.tenor.com')).toMatchObject({
      location: { line: 38, column: 1 },
      comment: 'For GIFs in Teams chat',
    });
    expect(names.find((e) => e.text === 'akadns.net')?.pattern.key()).toBe('akadns.net');
  });

  it('natecohen China list: 47 entries, 32 wildcards', () => {
    const parsed = parseAuto('plaintext/natecohen-m365-china-fqdn_wildcard.txt');
    expect(parsed.problems).toEqual([]);
    expect(hosts(parsed.entries)).toHaveLength(47);
    expect(hosts(parsed.entries).filter((e) => e.pattern.isWildcard)).toHaveLength(32);
  });

  it('pfBlockerNG whitelist: 114 domains, each covering its subdomains', () => {
    const relative = 'pfblockerng/commsnet-microsoft-products-dnsbl-whitelist.txt';
    const parsed = parseAuto(relative);
    expect(parsed.format).toBe('pfblockerng');
    expect(parsed.problems).toEqual([]);
    const names = hosts(parsed.entries);
    expect(names).toHaveLength(114);
    expect(names.every((e) => e.pattern.key().startsWith('.'))).toBe(true);
    expect(names.filter((e) => e.comment !== undefined).length).toBeGreaterThanOrEqual(105);
    expect(names.find((e) => e.text === 'login.microsoftonline.us')?.comment).toBe(
      'Required for Army_Web_Mail',
    );
    // The last line (141: the file has 140 line breaks) has no line break of its own.
    expect(names.at(-1)).toMatchObject({
      text: 'sharepoint.com',
      location: { line: 141 },
      comment: 'Sharepoint',
    });
    // Read as a plain list the same names mean only themselves.
    const plain = getFormat('plain')!.parse(read(relative));
    expect(
      hosts(plain.entries)
        .find((e) => e.text === 'office365.com')
        ?.pattern.key(),
    ).toBe('office365.com');
  });

  it('every line format reads every list without throwing', () => {
    const lists = ['edl', 'plaintext', 'pfblockerng'].flatMap((dir) =>
      readdirSync(path.join(corpus, dir)).map((name) => `${dir}/${name}`),
    );
    for (const relative of lists) {
      for (const format of ALLOWLIST_FORMATS) {
        const parsed = format.parse(read(relative));
        expect(parsed.path).toBe(relative);
      }
    }
  });
});
