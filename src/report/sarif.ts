import { createHash } from 'node:crypto';
import { findingIdentity } from '../diff/compare.js';
import type { Assessment } from '../diff/assess.js';
import { RULES, type RuleId, type Severity } from '../model/finding.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const HELP_URI = 'https://github.com/endpoint-drift/endpoint-drift#findings';
/** Key of the fingerprint in `partialFingerprints`; the version changes if the identity ever does. */
export const FINGERPRINT_KEY = 'endpointDriftIdentity/v1';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

/** Fingerprint of a finding: a hash of rule, file and value, so it survives edits above it. */
export function fingerprint(identity: string): string {
  return createHash('sha256').update(identity).digest('hex');
}

function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 for code scanning (`github/codeql-action/upload-sarif`): every rule of the RULES
 * table with its help, one result per finding, waived findings as suppressed results, and the
 * new/pre-existing state as `baselineState` when the base was compared.
 */
export function renderSarif(a: Assessment, version: string): string {
  const ids = Object.keys(RULES) as RuleId[];
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const r = RULES[id];
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: r.title },
      fullDescription: { text: r.help },
      help: { text: r.help, markdown: `**${r.title}**\n\n${r.help}` },
      helpUri: `${HELP_URI}`,
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: [id.startsWith('dns-') ? 'dns' : 'allowlist', 'network'] },
    };
  });
  const results = a.findings.map(({ finding: f, status, waiver }) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(f.location.file), uriBaseId: '%SRCROOT%' },
          region:
            f.location.line > 0
              ? { startLine: f.location.line, startColumn: Math.max(1, f.location.column) }
              : { startLine: 1 },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(findingIdentity(f)) },
    ...(status !== 'unknown' ? { baselineState: status === 'new' ? 'new' : 'unchanged' } : {}),
    ...(waiver
      ? {
          suppressions: [
            {
              kind: waiver.source === 'inline' ? 'inSource' : 'external',
              status: 'accepted',
              justification: waiver.reason,
            },
          ],
        }
      : {}),
    properties: {
      ...(f.group !== undefined ? { group: f.group } : {}),
      ...(f.entry !== undefined ? { entry: f.entry } : {}),
      ...(f.requirement ? { requirement: f.requirement.pattern } : {}),
    },
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'endpoint-drift',
            version,
            semanticVersion: version,
            informationUri: HELP_URI.replace(/#.*$/, ''),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
