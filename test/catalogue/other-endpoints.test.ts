import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import type { Instance, OtherEndpointRow } from '../../src/catalogue/types.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/reference');
const DOC = path.join(REFERENCE, 'docs/additional-office365-ip-addresses-and-urls.md');
const rows = EMBEDDED_CATALOGUE.otherEndpoints;

const recordsOf = (row: number): OtherEndpointRow[] => rows.filter((r) => r.row === row);

describe('other-endpoints records', () => {
  it('cover rows 1 to 25 in order', () => {
    expect([...new Set(rows.map((r) => r.row))]).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('have the documented scenario ids', () => {
    expect(
      rows.map((r) => (r.part ? `${r.row} ${r.scenario}/${r.part}` : `${r.row} ${r.scenario}`)),
    ).toEqual([
      '1 import-service',
      '2 support-recovery-assistant',
      '3 entra-connect-sso-inbound',
      '4 sts-federation-inbound',
      '5 exchange-um-sbc',
      '6 exchange-mailbox-migration-inbound',
      '7 exchange-hybrid-coexistence-inbound',
      '8 exchange-hybrid-proxy-auth-inbound',
      '9 exchange-hybrid-wizard/worldwide',
      '9 exchange-hybrid-wizard/usgov',
      '9 exchange-2010-hybrid-wizard',
      '10 exchange-autodetect-inbound',
      '11 exchange-hybrid-entra-auth',
      '12 skype-legacy-screen-sharing',
      '13 skype-hybrid-server',
      '14 cloud-pstn-hybrid-inbound',
      '15 trusted-sites-identity',
      '16 trusted-sites-teams',
      '17 trusted-sites-sharepoint',
      '18 trusted-sites-yammer',
      '19 entra-connect-sync',
      '20 azure-ad-connect-21vianet/crl',
      '20 azure-ad-connect-21vianet/service',
      '21 microsoft-stream',
      '22 mfa-server',
      '23 graph-change-notifications/worldwide',
      '23 graph-change-notifications/usgov',
      '23 graph-change-notifications/china',
      '24 network-connectivity-status-indicator',
      '25 teams-mobile-push-notifications',
    ]);
  });

  it('give a note to every record without a concrete endpoint', () => {
    const empty = rows.filter(
      (r) => r.destinations.hosts.length === 0 && r.destinations.ips.length === 0,
    );
    expect(empty.map((r) => r.row)).toEqual([1, 3, 4, 6, 7, 8, 14, 16, 17, 18, 19, 22, 25]);
    for (const r of empty) expect(r.note, `row ${r.row}`).toBeTruthy();
  });

  it('split the Graph change notification addresses by cloud', () => {
    const byCloud = recordsOf(23).map((r) => [
      r.clouds,
      r.destinations.ips.length,
      r.destinations.tcpPorts,
    ]);
    expect(byCloud).toEqual([
      [['worldwide'], 106, '443'],
      [['usgovdod', 'usgovgcchigh'], 19, '443'],
      [['china'], 14, '443'],
    ]);
  });
});

/** The cells of the table row `|n|...|`, pipes inside cells (`\|`) kept. */
function docRow(doc: string, n: number): string {
  const line = doc.split('\n').find((l) => l.startsWith(`|${n}|`));
  if (!line) throw new Error(`row ${n} not found`);
  return line;
}

const IP_TOKEN =
  /(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\/\d{1,3})(?![\w.])/g;

/** Host names as the table writes them in code spans, without scheme, port or path. */
function hostTokens(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)]
    .map((m) => m[1]!.replace(/^https:\/\//, '').replace(/[:/].*$/, ''))
    .filter((h) => h.includes('.') && !/^[\d.]+$/.test(h));
}

describe.skipIf(!existsSync(DOC))('other-endpoints records against the document', () => {
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';

  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('row %i names the same addresses', (n) => {
    const text = docRow(doc, n);
    const fromDoc = [...text.matchAll(IP_TOKEN)].map((m) => m[0]).sort();
    const recorded = recordsOf(n)
      .flatMap((r) => r.destinations.ips)
      .sort();
    expect(recorded).toEqual(fromDoc);
  });

  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('row %i names the same hosts', (n) => {
    const text = docRow(doc, n);
    // Row 9 writes domains.live.com as plain text, every other name in a code span.
    const fromDoc = [...hostTokens(text), ...(n === 9 ? ['domains.live.com'] : [])].sort();
    const recorded = recordsOf(n)
      .flatMap((r) => r.destinations.hosts)
      .sort();
    expect(recorded).toEqual(fromDoc);
  });

  it('row 23 files each address under the cloud the document lists it for', () => {
    const text = docRow(doc, 23);
    const sections: [Instance, string][] = [
      [
        'worldwide',
        text.slice(
          text.indexOf('Public Cloud:'),
          text.indexOf('Microsoft Cloud for US Government'),
        ),
      ],
      [
        'usgovdod',
        text.slice(text.indexOf('Microsoft Cloud for US Government'), text.indexOf('21Vianet')),
      ],
      ['china', text.slice(text.indexOf('21Vianet'))],
    ];
    for (const [cloud, section] of sections) {
      const record = recordsOf(23).find((r) => r.clouds?.includes(cloud));
      expect(record?.destinations.ips, cloud).toEqual(
        [...section.matchAll(IP_TOKEN)].map((m) => m[0]),
      );
    }
  });

  it('row 20 keeps the port the document gives each name', () => {
    const text = docRow(doc, 20);
    for (const r of recordsOf(20)) {
      for (const host of r.destinations.hosts)
        expect(text, host).toContain(`\`${host}:${r.destinations.tcpPorts}\``);
    }
  });
});
