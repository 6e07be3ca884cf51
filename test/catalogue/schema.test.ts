import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/catalogue.schema.json' with { type: 'json' };
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function errorsOf(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** A deep copy that a test may damage. */
function copy(): Record<string, unknown> {
  return structuredClone(EMBEDDED_CATALOGUE) as unknown as Record<string, unknown>;
}

describe('catalogue schema', () => {
  it('accepts the embedded catalogue', () => {
    expect(errorsOf(EMBEDDED_CATALOGUE)).toEqual([]);
  });

  const DELETE = Symbol('delete');
  it.each<[string, (string | number)[], unknown, string]>([
    ['an unknown top-level key', ['extra'], 1, ' must NOT have additional properties'],
    [
      'an unknown endpoint-set field',
      ['clouds', 'worldwide', 'endpointSets', 0, 'extra'],
      true,
      '/clouds/worldwide/endpointSets/0 must NOT have additional properties',
    ],
    [
      'a cloud filed under another instance',
      ['clouds', 'china', 'instance'],
      'worldwide',
      '/clouds/china/instance must be equal to constant',
    ],
    [
      'a port range with three numbers',
      ['clouds', 'worldwide', 'endpointSets', 0, 'tcpPortRanges'],
      [[80, 80, 80]],
      '/clouds/worldwide/endpointSets/0/tcpPortRanges/0 must NOT have more than 2 items',
    ],
    [
      'a port out of range',
      ['clouds', 'worldwide', 'endpointSets', 0, 'udpPortRanges'],
      [[0, 70000]],
      '/clouds/worldwide/endpointSets/0/udpPortRanges/0/1 must be <= 65535',
    ],
    [
      'an unknown service area',
      ['clouds', 'worldwide', 'endpointSets', 0, 'serviceArea'],
      'Teams',
      '/clouds/worldwide/endpointSets/0/serviceArea must be equal to one of the allowed values',
    ],
    [
      'a missing provenance date',
      ['clouds', 'usgovdod', 'provenance', 'dataDate'],
      DELETE,
      "/clouds/usgovdod/provenance must have required property 'dataDate'",
    ],
    [
      'an other-endpoints record without destinations',
      ['otherEndpoints', 0, 'destinations'],
      DELETE,
      "/otherEndpoints/0 must have required property 'destinations'",
    ],
    [
      'an unknown direction',
      ['otherEndpoints', 0, 'direction'],
      'sideways',
      '/otherEndpoints/0/direction must be equal to one of the allowed values',
    ],
  ])('rejects %s', (_name, where, value, expected) => {
    const c = copy();
    let node = c as Record<string | number, unknown>;
    for (const step of where.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    const last = where[where.length - 1]!;
    if (value === DELETE) delete node[last];
    else node[last] = value;
    expect(errorsOf(c)).toContain(expected);
  });
});
