/**
 * Prefix-coverage benchmark: "required minus union(entries)" on a seeded random allowlist,
 * against FireHOL `iprange --except` when it is installed. iprange only handles IPv4, so the
 * comparison uses the IPv4 half of the data on both sides; the both-families figure is ours only.
 *
 *   tsx bench/prefix.ts [entries]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IpSet, parseIpBlock, type IpBlock } from '../src/model/ip.js';

/** Milliseconds over repeated runs (other processes share the machine, so not just one run). */
export interface Timing {
  readonly median: number;
  readonly min: number;
}

export interface PrefixBenchResult {
  readonly entries: number;
  readonly ipv4Entries: number;
  readonly required: number;
  /** Build both sets, subtract, split into CIDRs: both families, from parsed blocks. */
  readonly ours: Timing;
  /** The same on the IPv4 half only. */
  readonly oursIpv4: Timing;
  /** The IPv4 half from text lines, parsing included: like for like with iprange. */
  readonly oursIpv4FromText: Timing;
  /** `iprange required.txt --except entries.txt`: one process, reading two files. */
  readonly iprange: Timing | undefined;
  /** oursIpv4FromText / iprange, medians (below 2 means within 2x). */
  readonly ratio: number | undefined;
  /** oursIpv4 / iprange, medians: our set algebra alone against the whole iprange run. */
  readonly ratioSetAlgebra: number | undefined;
  /** Uncovered CIDRs found (both families). */
  readonly uncoveredCidrs: number;
  /** Whether iprange printed exactly our IPv4 CIDRs. */
  readonly sameAsIprange: boolean | undefined;
  readonly note: string;
}

/** xorshift32: small, seedable, good enough to spread prefixes around. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

function v4Text(addr: number, len: number): string {
  const a = len === 0 ? 0 : (addr & ((0xffffffff << (32 - len)) >>> 0)) >>> 0;
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${len}`;
}

function v6Text(groups: readonly number[], len: number): string {
  const g = groups.map((x, i) => {
    const kept = Math.max(0, Math.min(16, len - 16 * i));
    return kept === 0 ? 0 : x & ((0xffff << (16 - kept)) & 0xffff);
  });
  return `${g.map((x) => x.toString(16)).join(':')}/${len}`;
}

interface Data {
  readonly required: string[];
  readonly entries: string[];
}

/**
 * About 250 required prefixes shaped like the catalogue (IPv4 /14-/28 in a few /8s, IPv6
 * /32-/64 under 2603:10xx and 2620:1ec), and N entries: a third carved out of the required
 * space (so the difference has holes to find), the rest spread over the whole space.
 */
function generate(n: number, seed: number): Data {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rnd() % xs.length]!;
  const v4Pools = [13, 20, 40, 52, 104, 132, 150, 204];
  const reqV4: [number, number][] = [];
  const reqV6: [number[], number][] = [];
  for (let i = 0; i < 100; i++) {
    const len = 14 + (rnd() % 15);
    reqV4.push([((pick(v4Pools) << 24) | (rnd() & 0xffffff)) >>> 0, len]);
  }
  for (let i = 0; i < 150; i++) {
    const len = 32 + (rnd() % 33);
    const top = pick([0x2603, 0x2620]);
    const second = top === 0x2620 ? 0x1ec : 0x1000 + (rnd() % 0x60);
    reqV6.push([[top, second, rnd() & 0xffff, rnd() & 0xffff, 0, 0, 0, 0], len]);
  }
  const required = [...reqV4.map(([a, l]) => v4Text(a, l)), ...reqV6.map(([g, l]) => v6Text(g, l))];
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const inside = rnd() % 3 === 0;
    if (i % 2 === 0) {
      if (inside) {
        const [a, l] = pick(reqV4);
        const len = Math.min(32, l + 1 + (rnd() % 8));
        const hostMask = len === 32 ? 0 : 0xffffffff >>> len;
        entries.push(v4Text((a | (rnd() & hostMask)) >>> 0, len));
      } else {
        entries.push(v4Text(rnd(), rnd() % 4 === 0 ? 16 + (rnd() % 8) : 24 + (rnd() % 9)));
      }
    } else if (inside) {
      const [g, l] = pick(reqV6);
      const len = Math.min(128, l + 1 + (rnd() % 16));
      const groups = g.map((x, k) => (16 * (k + 1) <= l ? x : rnd() & 0xffff));
      entries.push(v6Text(groups, len));
    } else {
      const groups = [
        0x2000 + (rnd() % 0x1000),
        ...Array.from({ length: 7 }, () => rnd() & 0xffff),
      ];
      entries.push(v6Text(groups, 32 + (rnd() % 97)));
    }
  }
  return { required, entries };
}

function parseAll(lines: readonly string[]): IpBlock[] {
  return lines.map((t) => {
    const r = parseIpBlock(t);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  });
}

function uncovered(required: readonly IpBlock[], entries: readonly IpBlock[]): IpBlock[] {
  return IpSet.of(required).subtract(IpSet.of(entries)).toCidrs();
}

function time(runs: number, f: () => void): Timing {
  f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[runs >> 1]!, min: ms[0]! };
}

function hasIprange(): boolean {
  // `iprange --version` exits with status 1, so only a failure to start counts as absent.
  const r = spawnSync('iprange', ['--version'], { encoding: 'utf8' });
  return r.error === undefined;
}

const RUNS = 9;

export async function benchPrefix(opts: { entries: number }): Promise<PrefixBenchResult> {
  const data = generate(opts.entries, 0x5eed);
  const required = parseAll(data.required);
  const entries = parseAll(data.entries);
  const reqV4Lines = data.required.filter((t) => !t.includes(':'));
  const entV4Lines = data.entries.filter((t) => !t.includes(':'));
  const reqV4 = parseAll(reqV4Lines);
  const entV4 = parseAll(entV4Lines);
  const reqV4File = `${reqV4Lines.join('\n')}\n`;
  const entV4File = `${entV4Lines.join('\n')}\n`;
  const lines = (file: string): string[] => file.split('\n').filter((l) => l !== '');

  let all: IpBlock[] = [];
  let v4: IpBlock[] = [];
  const ours = time(RUNS, () => {
    all = uncovered(required, entries);
  });
  const oursIpv4 = time(RUNS, () => {
    v4 = uncovered(reqV4, entV4);
  });
  const oursIpv4FromText = time(RUNS, () => {
    uncovered(parseAll(lines(reqV4File)), parseAll(lines(entV4File)));
  });
  const base = {
    entries: opts.entries,
    ipv4Entries: entV4Lines.length,
    required: data.required.length,
    ours,
    oursIpv4,
    oursIpv4FromText,
    uncoveredCidrs: all.length,
  };
  if (!hasIprange()) {
    return {
      ...base,
      iprange: undefined,
      ratio: undefined,
      ratioSetAlgebra: undefined,
      sameAsIprange: undefined,
      note: 'iprange is not installed (Debian package "iprange"): no comparison made',
    };
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'prefix-bench-'));
  try {
    const reqPath = path.join(dir, 'required.txt');
    const entPath = path.join(dir, 'entries.txt');
    writeFileSync(reqPath, reqV4File);
    writeFileSync(entPath, entV4File);
    let out = '';
    const iprange = time(RUNS, () => {
      const r = spawnSync('iprange', [reqPath, '--except', entPath], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      if (r.status !== 0) throw new Error(`iprange failed: ${r.stderr}`);
      out = r.stdout;
    });
    // iprange prints a /32 as a bare address.
    const theirs = lines(out).map((l) => (l.includes('/') ? l : `${l}/32`));
    const mine = v4.map((b) => b.text);
    return {
      ...base,
      iprange,
      ratio: oursIpv4FromText.median / iprange.median,
      ratioSetAlgebra: oursIpv4.median / iprange.median,
      sameAsIprange: theirs.length === mine.length && theirs.every((t, i) => t === mine[i]),
      note:
        'IPv4 only in the comparison (iprange has no IPv6). iprange is timed as a whole process ' +
        '(start, read two files, print); ours from the same text lines, warm, in process.',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const invoked = process.argv[1] === undefined ? undefined : path.resolve(process.argv[1]);
if (invoked === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 500_000);
  const r = await benchPrefix({ entries: n });
  const t = (x: Timing | undefined): string =>
    x === undefined ? 'n/a' : `${x.median.toFixed(1)} ms (min ${x.min.toFixed(1)})`;
  const x = (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(2));
  console.log(
    `entries ${r.entries} (${r.ipv4Entries} IPv4), required ${r.required}, median of ${RUNS}`,
  );
  console.log(`ours, both families, blocks -> CIDRs:   ${t(r.ours)}, ${r.uncoveredCidrs} CIDRs`);
  console.log(`ours, IPv4, blocks -> CIDRs:            ${t(r.oursIpv4)}`);
  console.log(`ours, IPv4, text lines -> CIDRs:        ${t(r.oursIpv4FromText)}`);
  console.log(`iprange --except, IPv4, files -> CIDRs: ${t(r.iprange)}`);
  console.log(`ratio ours/iprange (text -> CIDRs):     ${x(r.ratio)}`);
  console.log(`ratio ours/iprange (set algebra only):  ${x(r.ratioSetAlgebra)}`);
  if (r.sameAsIprange !== undefined) console.log(`same CIDRs as iprange: ${r.sameAsIprange}`);
  console.log(r.note);
}
