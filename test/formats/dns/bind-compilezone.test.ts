import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DnsRecord } from '../../../src/model/dns.js';
import { BIND } from '../../../src/formats/dns/bind.js';
import { ZONES, zoneInput, type ZoneFixture } from './bind-zones.js';

/**
 * Our reading of a zone file against BIND's own: `named-compilezone` loads the zone and prints
 * every record with absolute owner, TTL, class and data in presentation form. Both sides are
 * compared as sorted lists after the normalisation BIND applies while loading: identical records
 * merge, and a record set gets one TTL.
 */

const compilezone = spawnSync('named-compilezone', ['-v'], { encoding: 'utf8' });
const installed = compilezone.status === 0;
const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

const work = mkdtempSync(path.join(tmpdir(), 'compilezone-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Lower case outside quoted strings: BIND keeps the case names were written in. */
function normalise(line: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      out += c + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    out += quoted ? c : c.toLowerCase();
  }
  return out;
}

/**
 * Our records as BIND stores them. BIND loads a file in runs of lines with the same owner: inside
 * a run a record set keeps the TTL of its first record; a later run of the same set replaces it.
 */
function ours(records: readonly DnsRecord[]): string[] {
  const ttls = new Map<string, number | undefined>();
  let run = new Set<string>();
  let owner = '';
  for (const r of records) {
    if (r.name !== owner) {
      owner = r.name;
      run = new Set();
    }
    const set = `${r.name} ${r.type}`;
    if (!run.has(set)) {
      run.add(set);
      ttls.set(set, r.ttl);
    }
  }
  const lines = new Set<string>();
  for (const r of records) {
    lines.add(normalise(`${r.name} ${ttls.get(`${r.name} ${r.type}`)} IN ${r.type} ${r.data}`));
  }
  return [...lines].sort();
}

/** BIND reads includes relative to its working directory: run it beside the zone file. */
function bind(dir: string, file: string, origin: string): string[] {
  const out = execFileSync(
    'named-compilezone',
    ['-q', '-k', 'ignore', '-i', 'none', '-s', 'full', '-o', '-', origin, file],
    { cwd: dir, encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/.exec(l);
      if (!m) throw new Error(`unexpected named-compilezone line: ${l}`);
      return normalise(`${m[1]} ${m[2]} IN ${m[3]} ${m[4]!.trim()}`);
    })
    .sort();
}

/** Writes the zone's files into a fresh directory. */
function materialise(zone: ZoneFixture, index: number): string {
  const dir = path.join(work, String(index));
  for (const [name, text] of Object.entries(zone.files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A seeded stream of numbers, so that the generated zone is the same on every run. */
function prng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/** Many records written every way the format allows, to find any disagreement with BIND. */
function generatedZone(count: number): ZoneFixture {
  const pick = prng(2024);
  const one = <T>(xs: readonly T[]): T => xs[pick(xs.length)]!;
  const lines = ['$TTL 3600', '@ SOA ns hostmaster 1 2 3 4 5', '@ NS ns', 'ns A 192.0.2.1'];
  let previous = '';
  for (let i = 0; i < count; i++) {
    const owner = one(['host', 'Mail', 'www', '_sip._tls', 'a.b', 'abs']) + pick(4);
    const written = owner.startsWith('abs') ? `${owner}.Example.COM.` : owner;
    const target = one(['target', 'Target.example.net.', 'x.y.z', '@']);
    const [type, data] = one<readonly [string, string]>([
      ['A', `10.${pick(256)}.${pick(256)}.${pick(256)}`],
      ['AAAA', one(['2001:db8::', '2001:0DB8:0:0:1::', '::ffff:10.0.0.']) + String(pick(200) + 1)],
      ['MX', `${pick(100)} ${target}`],
      ['SRV', `${pick(10)} ${pick(10)} ${pick(65536)} ${target}`],
      [
        'TXT',
        one([
          '"v=spf1 -all"',
          'plain',
          '"a b" "c\\"d"',
          '"\\065\\066"',
          '"ümlaut"',
          '( "one"\n  "two" )',
        ]),
      ],
      ['NS', target],
      ['PTR', target],
    ]);
    const ttl = one(['', '300', '1h', '2H30M', '1w']);
    const klass = one(['', 'IN', 'in']);
    const fields = pick(2) === 0 ? [ttl, klass] : [klass, ttl];
    const blankOwner = owner === previous && pick(2) === 0;
    previous = owner;
    const rest = [...fields, one([type, type.toLowerCase()]), data].filter((f) => f !== '');
    lines.push([blankOwner ? '' : written, ...rest].join(one([' ', '\t', '  '])));
  }
  return {
    name: 'generated',
    origin: 'example.com',
    files: { 'example.com.zone': lines.join('\n') },
  };
}

describe.skipIf(!installed)('BIND agrees with named-compilezone', () => {
  it.each([...ZONES, generatedZone(400)].map((z, i) => [z.name, z, i] as const))(
    '%s',
    (_name, zone, index) => {
      const input = zoneInput(zone);
      const parsed = BIND.parse(
        { path: input.path, text: input.text },
        { settings: { origin: zone.origin }, readFile: input.readFile },
      );
      expect(
        parsed.problems.filter((p) => p.severity !== 'warning' && p.severity !== 'notice'),
      ).toEqual([]);
      const main = path.join(materialise(zone, index), input.path);
      expect(parsed.records.length).toBeGreaterThan(3);
      expect(ours(parsed.records)).toEqual(
        bind(path.dirname(main), path.basename(main), zone.origin),
      );
    },
  );

  describe.skipIf(!existsSync(corpus))('corpus', () => {
    it('wyvernsquare.com, with its missing include left out', () => {
      const original = readFileSync(path.join(corpus, 'bind/wyvernsquare.com.zone'), 'utf8');
      const text = original
        .split('\n')
        .filter((l) => !l.startsWith('$INCLUDE'))
        .join('\n');
      const dir = path.join(work, 'corpus');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'wyvernsquare.com.zone'), text);
      const parsed = BIND.parse({ path: 'wyvernsquare.com.zone', text });
      expect(parsed.problems).toEqual([]);
      expect(parsed.records).toHaveLength(29);
      // BIND merges the second, identical lyncdiscover CNAME.
      const expected = bind(dir, 'wyvernsquare.com.zone', 'wyvernsquare.com');
      expect(expected).toHaveLength(28);
      expect(ours(parsed.records)).toEqual(expected);
    });
  });
});
