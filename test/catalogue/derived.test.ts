import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DERIVED_PATH, derivedFileText } from '../../scripts/catalogue-derived.js';
import {
  fingerprintOf,
  serializeDerivations,
  shippedDerivations,
  type CloudDerivations,
} from '../../src/catalogue/derived.js';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import {
  allSources,
  deriveAllSources,
  deriveM365Namespaces,
  m365Namespaces,
} from '../../src/catalogue/select.js';
import { INSTANCES, type Catalogue, type Requirement } from '../../src/catalogue/types.js';
import { check, type Result } from '../../src/diff/engine.js';
import { PLAIN } from '../../src/formats/allowlist/plain.js';
import { formatPortSpec } from '../../src/model/ports.js';

/** Everything a requirement holds, in a form two derivations can be compared by. */
function summary(r: Requirement): unknown {
  return {
    ...r,
    ...(r.kind === 'host' ? { pattern: r.pattern.key() } : { block: r.block.key() }),
    ports: formatPortSpec(r.ports),
    sources: r.sources.map((s) => ({ ...s, ports: formatPortSpec(s.ports) })),
  };
}

function derivedFrom(catalogue: Catalogue, instance: (typeof INSTANCES)[number]): CloudDerivations {
  return {
    requirements: deriveAllSources(catalogue, instance),
    namespaces: deriveM365Namespaces(catalogue, instance),
  };
}

describe('data/catalogue-derived.json', () => {
  // Derived anew: data/catalogue.json changed without `npm run build:catalogue-derived` fails here.
  it('is what the embedded catalogue derives', () => {
    expect(readFileSync(DERIVED_PATH, 'utf8') === derivedFileText()).toBe(true);
  });

  it.each(INSTANCES)('gives %s the requirements and namespaces a run would derive', (instance) => {
    const shipped = shippedDerivations(EMBEDDED_CATALOGUE, instance);
    expect(shipped).toBeDefined();
    const derived = derivedFrom(EMBEDDED_CATALOGUE, instance);
    expect(shipped!.requirements.map(summary)).toEqual(derived.requirements.map(summary));
    expect(shipped!.namespaces.domains).toEqual(derived.namespaces.domains);
    expect(shipped!.namespaces.ips.toCidrs().map((b) => b.text)).toEqual(
      derived.namespaces.ips.toCidrs().map((b) => b.text),
    );
    const fingerprint = fingerprintOf(EMBEDDED_CATALOGUE, instance);
    expect(serializeDerivations(shipped!, fingerprint)).toEqual(
      serializeDerivations(derived, fingerprint),
    );
    // The check's own entry points take the shipped values.
    expect(allSources(EMBEDDED_CATALOGUE, instance).map(summary)).toEqual(
      shipped!.requirements.map(summary),
    );
    expect(m365Namespaces(EMBEDDED_CATALOGUE, instance).domains).toEqual(
      shipped!.namespaces.domains,
    );
  });

  it('is not used for any other catalogue', () => {
    const copy = structuredClone(EMBEDDED_CATALOGUE);
    expect(shippedDerivations(copy, 'worldwide')).toBeUndefined();
    const fewer: Catalogue = { ...copy, otherEndpoints: copy.otherEndpoints.slice(1) };
    expect(fingerprintOf(fewer, 'worldwide')).not.toBe(
      fingerprintOf(EMBEDDED_CATALOGUE, 'worldwide'),
    );
  });

  it('hands out lists a caller may change without changing the next run', () => {
    const first = allSources(EMBEDDED_CATALOGUE, 'worldwide');
    const count = first.length;
    first.length = 0;
    m365Namespaces(EMBEDDED_CATALOGUE, 'worldwide').domains.length = 0;
    expect(allSources(EMBEDDED_CATALOGUE, 'worldwide')).toHaveLength(count);
    expect(m365Namespaces(EMBEDDED_CATALOGUE, 'worldwide').domains.length).toBeGreaterThan(0);
  });

  it('makes the same findings as the derivations of a copy of the catalogue', () => {
    const text = [
      'outlook.office365.com',
      '*.sharepoint.com',
      'login.microsoftonline.com',
      'autodiscover.contoso.onmicrosoft.com',
      'example.org',
      '*.microsoft.com',
      '13.107.6.152/31',
      '40.96.0.0/13',
      '2603:1006::/40',
      '52.96.0.0/14',
      '203.0.113.7',
    ].join('\n');
    const run = (catalogue: Catalogue, scope: 'dedicated' | 'mixed'): Result =>
      check({
        catalogue,
        selection: {
          instance: 'worldwide',
          serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
          categories: ['Optimize', 'Allow', 'Default'],
          includeOptional: false,
          ipv6: true,
          tenant: 'contoso',
          scenarios: [],
        },
        files: [
          {
            parsed: PLAIN.parse({ path: 'list.txt', text }),
            capabilities: PLAIN.capabilities,
            scope,
            group: 'default',
          },
        ],
      });
    for (const scope of ['dedicated', 'mixed'] as const) {
      const shipped = run(EMBEDDED_CATALOGUE, scope);
      expect(shipped.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(shipped)).toBe(
        JSON.stringify(run(structuredClone(EMBEDDED_CATALOGUE), scope)),
      );
    }
  });
});
