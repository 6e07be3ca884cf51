/**
 * The scale rows of `npm run bench`: the whole `check` of the committed CLI bundle, as a user
 * runs it, on generated lists of a million lines and more, each beside a baseline measured in
 * the same run (FireHOL `iprange`, GNU `sort -u`, `node -e 0`), with the child's peak RSS.
 */
import { closeSync, openSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Prints the child's peak RSS on exit, so a spawned run reports its own memory. */
const MAXRSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("MAXRSS "+process.resourceUsage().maxRSS+"\\n"))`;

export interface ScaleRun {
  readonly ms: number;
  readonly maxRssKiB?: number;
  readonly status: number | null;
  /** Bytes written to stdout, when it went to a file. */
  readonly outBytes?: number;
  readonly error?: string;
}

function timed(cmd: string, args: string[], out?: string): ScaleRun {
  const fd = out ? openSync(out, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', fd, 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (typeof fd === 'number') closeSync(fd);
  const m = /MAXRSS (\d+)/.exec(r.stderr ?? '');
  const error =
    r.status !== 0 && r.status !== 1 ? (r.stderr ?? '').split('\n').slice(-3).join(' ') : undefined;
  return {
    ms,
    status: r.status,
    ...(m ? { maxRssKiB: Number(m[1]) } : {}),
    ...(out ? { outBytes: statSync(out).size } : {}),
    ...(error ? { error } : {}),
  };
}

function best(runs: readonly ScaleRun[]): ScaleRun {
  return [...runs].sort((a, b) => a.ms - b.ms)[0]!;
}

function repeat(runs: number, f: () => ScaleRun): ScaleRun {
  return best(Array.from({ length: runs }, f));
}

/** xorshift32, seeded: the same lists every run. */
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

function v4(addr: number, len: number): string {
  const a = (addr & (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0)) >>> 0;
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${len}`;
}

/** `n` random IPv4 CIDRs, prefix lengths 12 to 32. */
export function randomCidrs(n: number, seed = 0x1d5): string[] {
  const rnd = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(v4(rnd(), 12 + (rnd() % 21)));
  return out;
}

const WORDS = ['cdn', 'api', 'login', 'mail', 'static', 'edge', 'files', 'auth', 'img', 'app'];
const TLDS = ['com', 'net', 'org', 'io', 'de', 'co.uk'];

/** `n` lines: 50% host names, 10% wildcards, 30% IPv4 CIDRs, 10% IPv6 prefixes. */
export function mixedLines(n: number, seed = 0x3a11): string[] {
  const rnd = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const domain = `${WORDS[r % WORDS.length]}${(r >>> 4) % 100000}.${TLDS[(r >>> 24) % TLDS.length]}`;
    const k = i % 10;
    if (k < 5) out.push(`${WORDS[(r >>> 8) % WORDS.length]}.${domain}`);
    else if (k < 6) out.push(`*.${domain}`);
    else if (k < 9) out.push(v4(rnd(), 12 + (rnd() % 21)));
    else {
      const a = rnd();
      out.push(`2001:${(a >>> 16).toString(16)}:${(a & 0xffff).toString(16)}::/48`);
    }
  }
  return out;
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function mib(kib: number | undefined): string {
  return kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`;
}

function hasCommand(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { encoding: 'utf8' }).error === undefined;
}

export interface ScaleOptions {
  readonly dir: string;
  readonly cli: string;
  readonly examples: string;
  readonly requiredIpv4: readonly string[];
  readonly runs: number;
  readonly lines: number;
  /** Lines of the largest list; 0 skips that row. */
  readonly hugeLines: number;
}

/** Runs the scale rows and prints them. */
export function benchScale(o: ScaleOptions): void {
  const { dir, cli } = o;
  const checkRun = (file: string, scope: string, out?: string): ScaleRun => {
    const cfg = path.join(dir, `${path.basename(file)}.${scope}.yml`);
    writeFileSync(
      cfg,
      `allowlists:\n  - path: ${path.basename(file)}\n    format: plain\n    scope: ${scope}\n`,
    );
    return timed(
      process.execPath,
      [
        '--import',
        MAXRSS,
        cli,
        'check',
        '--root',
        dir,
        '--config',
        cfg,
        '--format',
        'json',
        '--fail-on',
        'never',
      ],
      out,
    );
  };
  const line = (label: string, r: ScaleRun, extra = '') =>
    console.log(
      `  ${label}: wall ${fmt(r.ms)}   peak RSS ${mib(r.maxRssKiB)}   exit ${r.status}${extra}${r.error ? `   (${r.error})` : ''}`,
    );

  // 1. Random IPv4 CIDRs, mixed scope, against iprange computing the same set difference.
  const cidrs = path.join(dir, 'cidrs.txt');
  writeFileSync(cidrs, `${randomCidrs(o.lines).join('\n')}\n`);
  const required = path.join(dir, 'required-v4.txt');
  writeFileSync(required, `${o.requiredIpv4.join('\n')}\n`);
  console.log(`scale 1: ${o.lines.toLocaleString('en')} random IPv4 CIDRs, scope mixed`);
  const mixedCidrs = repeat(o.runs, () => checkRun(cidrs, 'mixed'));
  line('check', mixedCidrs);
  if (hasCommand('iprange', ['--version'])) {
    const ipr = repeat(o.runs, () =>
      timed('iprange', [required, '--except', cidrs], path.join(dir, 'iprange.out')),
    );
    console.log(
      `  baseline iprange required --except list: ${fmt(ipr.ms)}   ratio ${(mixedCidrs.ms / ipr.ms).toFixed(2)}x   target: at most 2x`,
    );
  } else console.log('  baseline iprange: not installed (apt-get install -y iprange)');

  // 2. A mixed list of hosts, wildcards and both address families.
  const mixed = path.join(dir, 'mixed.txt');
  writeFileSync(mixed, `${mixedLines(o.lines).join('\n')}\n`);
  console.log(
    `scale 2: ${o.lines.toLocaleString('en')} lines (50% hosts, 10% wildcards, 30% IPv4, 10% IPv6), scope mixed`,
  );
  const mixedRun = repeat(o.runs, () => checkRun(mixed, 'mixed'));
  line('check', mixedRun);
  const sortRun = repeat(o.runs, () =>
    timed('sort', ['-u', '-o', path.join(dir, 'sorted.txt'), mixed]),
  );
  console.log(
    `  baseline sort -u same file: ${fmt(sortRun.ms)}   ratio ${(mixedRun.ms / sortRun.ms).toFixed(2)}x   target: at most 2 s and 400 MB`,
  );

  // 3. The same CIDRs in a dedicated list: about one finding per line, as JSON.
  console.log(
    `scale 3: the same ${o.lines.toLocaleString('en')} CIDRs, scope dedicated, JSON report`,
  );
  const report = path.join(dir, 'report.json');
  const dedicated = repeat(Math.min(o.runs, 2), () => checkRun(cidrs, 'dedicated', report));
  line('check', dedicated, `   report ${((dedicated.outBytes ?? 0) / 1e6).toFixed(0)} MB`);
  console.log(`  target: at most 8 s and 800 MB`);

  // 4. The largest list: completes, memory in proportion to the report.
  if (o.hugeLines > 0) {
    const huge = path.join(dir, 'huge.txt');
    writeFileSync(huge, `${mixedLines(o.hugeLines, 0x5ca1e).join('\n')}\n`);
    console.log(
      `scale 4: ${o.hugeLines.toLocaleString('en')}-line mixed list, scope dedicated, JSON report`,
    );
    const r = checkRun(huge, 'dedicated', path.join(dir, 'huge.json'));
    const ratio =
      r.maxRssKiB && r.outBytes ? ((r.maxRssKiB * 1024) / r.outBytes).toFixed(2) : 'n/a';
    line(
      'check',
      r,
      `   report ${((r.outBytes ?? 0) / 1e6).toFixed(0)} MB   peak RSS / report ${ratio}`,
    );
    console.log('  target: completes; memory grows no faster than the report');
  }

  // 5. The repository of examples/, end to end, as `npm start` runs it.
  const start = repeat(Math.max(o.runs, 5), () =>
    timed(process.execPath, [
      '--import',
      MAXRSS,
      cli,
      'check',
      '--root',
      o.examples,
      '--fail-on',
      'never',
    ]),
  );
  const bare = repeat(Math.max(o.runs, 5), () => timed(process.execPath, ['-e', '0']));
  console.log('scale 5: npm start (check examples/)');
  line(
    'check',
    start,
    `   baseline node -e 0: ${fmt(bare.ms)}   ratio ${(start.ms / bare.ms).toFixed(2)}x`,
  );
  console.log('  target: at most 0.25 s\n');
}
