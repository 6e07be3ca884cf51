import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { judgementOf } from '../../src/report/judgement.js';
import { renderJson } from '../../src/report/json.js';
import { fixture } from './pull-request-fixture.js';

describe('JSON report on a pull request', () => {
  it('carries status and waiver per finding, and follows the schema', () => {
    const a = fixture();
    const report = JSON.parse(renderJson(a.result, judgementOf(a)));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(reportSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(
      report.findings.map((f: { entry: string; status?: string; waiver?: unknown }) => [
        f.entry,
        f.status,
        f.waiver,
      ]),
    ).toEqual([
      ['pre.example', 'pre-existing', undefined],
      ['new|<b>.example', 'new', undefined],
      [
        'waived.example',
        'new',
        { source: 'config', reason: 'vendor | <script>', file: 'c.yml', line: 3 },
      ],
    ]);
  });
});
