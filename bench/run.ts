/**
 * `npm run bench`: speed and memory of endpoint-drift, each figure printed beside a baseline
 * measured in the same run on the same machine. Nothing here asserts a time: it prints.
 *
 * - the whole `check` (the committed CLI bundle, as a user runs it) on a generated 1,000,000-line
 *   plain allowlist, against GNU `sort -u` over the same file (one pass over the data);
 * - the whole `check` on a dedicated list the size of the real catalogue;
 * - the prefix-coverage step alone, against FireHOL `iprange --except` (bench/prefix.ts);
 * - `dist/cli.js --help`, against `node -e 0` (bare interpreter start);
 * - the scale rows (bench/scale.ts): random CIDRs against `iprange`, a mixed million lines,
 *   a million findings as JSON, a 5M-line list (BENCH_HUGE_LINES, 0 skips it), `npm start`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMBEDDED_CATALOGUE } from '../src/catalogue/embedded.js';
import { selectRequirements } from '../src/catalogue/select.js';
import { BIND } from '../src/formats/dns/bind.js';
import { TERRAFORM } from '../src/formats/allowlist/terraform.js';
import { benchPrefix } from './prefix.js';
import { benchScale } from './scale.js';

const repo = path.resolve(import.meta.dirname, '..');
/** The CLI bundle measured; BENCH_CLI measures another build (an earlier one, for a before/after). */
const cli = path.resolve(process.env.BENCH_CLI ?? path.join(repo, 'dist/cli.js'));
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Prints the child's peak RSS on exit, so a spawned run reports its own memory. */
const MAXRSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("MAXRSS "+process.resourceUsage().maxRSS+"\\n"))`;

interface Run {
  readonly ms: number;
  readonly maxRssKiB?: number;
  readonly status: number | null;
}

function timed(cmd: string, args: string[], opts: { stdout?: 'ignore' } = {}): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const m = /MAXRSS (\d+)/.exec(r.stderr ?? '');
  return { ms, status: r.status, ...(m ? { maxRssKiB: Number(m[1]) } : {}) };
}

function best(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.ms - b.ms)[0]!;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** xorshift32, seeded: the same list every run. */
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

const WORDS = [
  'cdn',
  'api',
  'login',
  'mail',
  'static',
  'edge',
  'files',
  'auth',
  'img',
  'app',
  'web',
  'data',
];
const TLDS = ['com', 'net', 'org', 'io', 'de', 'co.uk'];

/** A large general allowlist: a quarter each hosts, wildcards, IPv4 and IPv6 CIDRs, plus the catalogue. */
function bigList(lines: number): string {
  const rnd = prng(20261122);
  const out: string[] = ['# generated allowlist for the benchmark'];
  const catalogue = requiredLines();
  for (const l of catalogue) out.push(l);
  while (out.length < lines) {
    const r = rnd();
    const domain = `${WORDS[r % WORDS.length]}${(r >>> 4) % 50000}.${TLDS[(r >>> 20) % TLDS.length]}`;
    switch (out.length % 4) {
      case 0:
        out.push(`${WORDS[(r >>> 8) % WORDS.length]}.${domain}`);
        break;
      case 1:
        out.push(`*.${domain}`);
        break;
      case 2: {
        const a = rnd();
        const len = 16 + (a % 17);
        const addr = (a & ((0xffffffff << (32 - len)) >>> 0)) >>> 0;
        out.push(
          `${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}/${len}`,
        );
        break;
      }
      default: {
        const a = rnd();
        out.push(`2001:${(a >>> 16).toString(16)}:${(a & 0xffff).toString(16)}::/48`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function requiredLines(): string[] {
  const { requirements } = selectRequirements(EMBEDDED_CATALOGUE, {
    instance: 'worldwide',
    serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
    categories: ['Optimize', 'Allow', 'Default'],
    includeOptional: false,
    ipv6: true,
    scenarios: [],
  });
  return requirements.map((r) => (r.kind === 'host' ? r.text : r.block.text));
}

/** Milliseconds of the fastest of RUNS in-process calls. */
function bestMs(fn: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

/** A zone of the given size with the record types a Microsoft 365 domain uses. */
function bigZone(records: number): { text: string; records: number } {
  const out = [
    '$ORIGIN big.example.',
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600',
    '@ IN NS ns1',
    'ns1 IN A 192.0.2.1',
  ];
  let n = 2;
  for (let i = 0; n < records; i++) {
    const host = `h${i}`;
    switch (i % 5) {
      case 0:
        out.push(`${host} IN A 192.0.${(i >> 8) & 255}.${i & 255}`);
        break;
      case 1:
        out.push(`${host} 300 IN CNAME autodiscover.outlook.com.`);
        break;
      case 2:
        out.push(`${host} IN MX 0 ${host}-big-example.mail.protection.outlook.com.`);
        break;
      case 3:
        out.push(`${host} IN TXT "v=spf1 include:spf.protection.outlook.com -all"`);
        break;
      default:
        out.push(`_sipfederationtls._tcp.${host} IN SRV 100 1 5061 sipfed.online.lync.com.`);
    }
    n++;
  }
  return { text: `${out.join('\n')}\n`, records: n };
}

/** Azure Firewall policy rules of about the given number of lines, and the same rules as JSON. */
function bigTerraform(lines: number): {
  text: string;
  json: string;
  lines: number;
  entries: number;
} {
  const out: string[] = [];
  const rules: unknown[] = [];
  let entries = 0;
  for (let c = 0; out.length < lines; c++) {
    out.push(
      `resource "azurerm_firewall_policy_rule_collection_group" "g${c}" {`,
      `  name = "g${c}"`,
      '  priority = 100',
      '  application_rule_collection {',
      `    name = "c${c}"`,
      '    priority = 100',
      '    action = "Allow"',
    );
    for (let r = 0; r < 10; r++) {
      const fqdns = [
        `a${c}-${r}.example.com`,
        `*.b${c}-${r}.example.net`,
        `c${c}-${r}.example.org`,
      ];
      entries += fqdns.length;
      out.push(
        '    rule {',
        `      name = "r${r}"`,
        '      source_addresses = ["10.0.0.0/8"]',
        `      destination_fqdns = [${fqdns.map((f) => `"${f}"`).join(', ')}]`,
        '      protocols {',
        '        type = "Https"',
        '        port = 443',
        '      }',
        '    }',
      );
      rules.push({
        name: `r${r}`,
        source_addresses: ['10.0.0.0/8'],
        destination_fqdns: fqdns,
        protocols: [{ type: 'Https', port: 443 }],
      });
    }
    out.push('  }', '}');
  }
  return { text: `${out.join('\n')}\n`, json: JSON.stringify(rules), lines: out.length, entries };
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function mib(kib: number | undefined): string {
  return kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-bench-'));
  try {
    console.log(`endpoint-drift bench (node ${process.version}, ${RUNS} runs each, best shown)\n`);

    benchScale({
      dir,
      cli,
      examples: path.join(repo, 'examples'),
      requiredIpv4: requiredLines().filter((l) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(l)),
      runs: RUNS,
      lines: LINES,
      hugeLines: Number(process.env.BENCH_HUGE_LINES ?? 5_000_000),
    });
    if (process.env.BENCH_ONLY === 'scale') return;

    // 1. The whole check on a 1M-line list.
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, bigList(LINES));
    const bytes = statSync(big).size;
    const check = (scope: string) => {
      const cfg = path.join(dir, `${scope}.yml`);
      writeFileSync(
        cfg,
        `allowlists:\n  - path: big.txt\n    format: plain\n    scope: ${scope}\n`,
      );
      return best(
        Array.from({ length: RUNS }, () =>
          timed(
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
            { stdout: 'ignore' },
          ),
        ),
      );
    };
    const mixed = check('mixed');
    const sortRun = best(
      Array.from({ length: RUNS }, () =>
        timed('sort', ['-u', '-o', path.join(dir, 'sorted.txt'), big]),
      ),
    );
    console.log(
      `check, ${LINES.toLocaleString('en')}-line plain allowlist (${(bytes / 1e6).toFixed(1)} MB), scope mixed`,
    );
    console.log(
      `  wall ${fmt(mixed.ms)}   peak RSS ${mib(mixed.maxRssKiB)}   ${Math.round(LINES / (mixed.ms / 1000)).toLocaleString('en')} entries/s   exit ${mixed.status}`,
    );
    console.log(
      `  baseline sort -u same file: ${fmt(sortRun.ms)}   ratio ${(mixed.ms / sortRun.ms).toFixed(2)}x`,
    );
    console.log(`  target: under 2 s and 500 MB on 2 cores\n`);

    // 2. A dedicated list the size of the real catalogue.
    const small = path.join(dir, 'm365.txt');
    writeFileSync(small, `${requiredLines().join('\n')}\n`);
    const cfg = path.join(dir, 'small.yml');
    writeFileSync(cfg, 'allowlists:\n  - path: m365.txt\n');
    const dedicated = best(
      Array.from({ length: RUNS }, () =>
        timed(
          process.execPath,
          ['--import', MAXRSS, cli, 'check', '--root', dir, '--config', cfg, '--fail-on', 'never'],
          { stdout: 'ignore' },
        ),
      ),
    );
    const nodeStart = best(Array.from({ length: 10 }, () => timed(process.execPath, ['-e', '0'])));
    console.log(
      `check, dedicated list the size of the catalogue (${requiredLines().length} entries)`,
    );
    console.log(
      `  wall ${fmt(dedicated.ms)}   peak RSS ${mib(dedicated.maxRssKiB)}   baseline node -e 0: ${fmt(nodeStart.ms)}   ratio ${(dedicated.ms / nodeStart.ms).toFixed(2)}x\n`,
    );

    // 3. The prefix-coverage step alone, against iprange.
    const prefix = await benchPrefix({ entries: Math.min(LINES, 500_000) });
    console.log(
      `prefix coverage step, ${prefix.entries.toLocaleString('en')} entries (${prefix.ipv4Entries.toLocaleString('en')} IPv4), ${prefix.required} required`,
    );
    console.log(
      `  ours, both families: ${fmt(prefix.ours.median)}   IPv4 set algebra: ${fmt(prefix.oursIpv4.median)}   IPv4 from text: ${fmt(prefix.oursIpv4FromText.median)}`,
    );
    if (prefix.iprange) {
      console.log(
        `  iprange --except (IPv4): ${fmt(prefix.iprange.median)}   ratio from text ${prefix.ratio!.toFixed(2)}x   set algebra ${prefix.ratioSetAlgebra!.toFixed(2)}x   same CIDRs: ${prefix.sameAsIprange}`,
      );
    }
    console.log(`  ${prefix.note}`);
    console.log(`  target: within 2x of iprange\n`);

    // 4. Parsing a large zone file and a large Terraform file.
    const zone = bigZone(200_000);
    const zonePath = path.join(dir, 'big.example.zone');
    writeFileSync(zonePath, zone.text);
    const zoneMs = bestMs(
      () =>
        BIND.parse(
          { path: 'big.example.zone', text: zone.text },
          { settings: { origin: 'big.example.' } },
        ).records.length,
    );
    const compile = best(
      Array.from({ length: RUNS }, () =>
        timed('named-compilezone', [
          '-q',
          '-k',
          'ignore',
          '-i',
          'none',
          '-o',
          path.join(dir, 'out.zone'),
          'big.example.',
          zonePath,
        ]),
      ),
    );
    console.log(
      `parse a ${zone.records.toLocaleString('en')}-record zone file (${(zone.text.length / 1e6).toFixed(1)} MB): ${fmt(zoneMs)}`,
    );
    console.log(
      compile.status === 0
        ? `  baseline named-compilezone same file: ${fmt(compile.ms)}   ratio ${(zoneMs / compile.ms).toFixed(2)}x`
        : '  baseline named-compilezone: not installed',
    );
    const tf = bigTerraform(50_000);
    const tfMs = bestMs(() => TERRAFORM.parse({ path: 'big.tf', text: tf.text }).entries.length);
    const jsonMs = bestMs(() => (JSON.parse(tf.json) as unknown[]).length);
    console.log(
      `parse a ${tf.lines.toLocaleString('en')}-line Terraform file (${tf.entries.toLocaleString('en')} destinations): ${fmt(tfMs)}`,
    );
    console.log(
      `  baseline JSON.parse of the same rules as JSON: ${fmt(jsonMs)}   ratio ${(tfMs / jsonMs).toFixed(2)}x`,
    );
    console.log('  target: each under 1 s\n');

    // 5. --help start-up.
    const help = Array.from({ length: 15 }, () => timed(process.execPath, [cli, '--help']).ms);
    const bare = Array.from({ length: 15 }, () => timed(process.execPath, ['-e', '0']).ms);
    console.log(
      `dist/cli.js --help: median ${fmt(median(help))}   baseline node -e 0: ${fmt(median(bare))}   ratio ${(median(help) / median(bare)).toFixed(2)}x`,
    );
    console.log(`  target: under 100 ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
