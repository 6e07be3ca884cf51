import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { INSTANCES } from '../../src/catalogue/types.js';
import { PortSet } from '../../src/model/ports.js';

/** Every port string of the embedded catalogue, with the ranges it must parse to. */
const TABLE: [string, [number, number][]][] = [
  ['', []],
  ['25', [[25, 25]]],
  ['80', [[80, 80]]],
  ['123', [[123, 123]]],
  ['443', [[443, 443]]],
  [
    '80,443',
    [
      [80, 80],
      [443, 443],
    ],
  ],
  [
    '80, 443',
    [
      [80, 80],
      [443, 443],
    ],
  ],
  [
    '443,80',
    [
      [80, 80],
      [443, 443],
    ],
  ],
  [
    '25,443',
    [
      [25, 25],
      [443, 443],
    ],
  ],
  [
    '443,49443',
    [
      [443, 443],
      [49443, 49443],
    ],
  ],
  [
    '587,993,995',
    [
      [587, 587],
      [993, 993],
      [995, 995],
    ],
  ],
  [
    '143, 587, 993, 995',
    [
      [143, 143],
      [587, 587],
      [993, 993],
      [995, 995],
    ],
  ],
  [
    '25,143,587,993,995',
    [
      [25, 25],
      [143, 143],
      [587, 587],
      [993, 993],
      [995, 995],
    ],
  ],
  ['3478,3479,3480,3481', [[3478, 3481]]],
  ['3478, 3479, 3480, 3481', [[3478, 3481]]],
  ['50000-59999', [[50000, 59999]]],
  [
    '50000-59999,5061',
    [
      [5061, 5061],
      [50000, 59999],
    ],
  ],
];

function portStrings(): Map<string, readonly (readonly [number, number])[]> {
  const seen = new Map<string, readonly (readonly [number, number])[]>();
  for (const instance of INSTANCES) {
    for (const s of EMBEDDED_CATALOGUE.clouds[instance].endpointSets) {
      seen.set(s.tcpPorts, s.tcpPortRanges);
      seen.set(s.udpPorts, s.udpPortRanges);
    }
  }
  for (const row of EMBEDDED_CATALOGUE.otherEndpoints) {
    seen.set(row.destinations.tcpPorts, row.destinations.tcpPortRanges);
    seen.set(row.destinations.udpPorts, row.destinations.udpPortRanges);
  }
  return seen;
}

describe('port strings of the catalogue', () => {
  it.each(TABLE)('"%s" parses to %j', (text, ranges) => {
    const parsed = PortSet.parse(text);
    expect(parsed.ok && parsed.value.ranges).toEqual(ranges);
  });

  it('the table lists exactly the strings that occur', () => {
    expect([...portStrings().keys()].sort()).toEqual(TABLE.map(([t]) => t).sort());
  });

  it('stores the parsed ranges next to every string', () => {
    const expected = new Map(TABLE);
    for (const [text, ranges] of portStrings()) expect(ranges, text).toEqual(expected.get(text));
  });
});
