import { describe, expect, it } from 'vitest';
import { ALLOWLIST_FORMATS } from '../../src/formats/allowlist/index.js';
import { DNS_FORMATS } from '../../src/formats/dns/index.js';
import type { AllowlistFormat, DnsFormat } from '../../src/formats/format.js';
import {
  ALLOWLIST_REGISTRY,
  DNS_REGISTRY,
  loadedFormat,
  loadEveryFormat,
  type FormatEntry,
} from '../../src/formats/registry.js';

const FAMILIES = [
  ['allowlist', ALLOWLIST_REGISTRY, ALLOWLIST_FORMATS],
  ['dns', DNS_REGISTRY, DNS_FORMATS],
] as const;

/** The registry as a check sees it: each entry with its format, by family. */
function pairs(): [FormatEntry<AllowlistFormat | DnsFormat>, AllowlistFormat | DnsFormat][] {
  return FAMILIES.flatMap(([, registry, formats]) =>
    (registry as readonly FormatEntry<AllowlistFormat | DnsFormat>[]).map(
      (entry, i) => [entry, formats[i]!] as [typeof entry, AllowlistFormat | DnsFormat],
    ),
  );
}

describe('the format registry', () => {
  it.each(FAMILIES)(
    'lists the %s formats of the complete list, in its order',
    (_, registry, formats) => {
      expect(registry.map((f) => f.id)).toEqual(formats.map((f) => f.id));
    },
  );

  it('describes each format as the format itself does', () => {
    for (const [entry, format] of pairs()) {
      expect(entry.title, format.id).toBe(format.title);
      expect(entry.filePatterns, format.id).toEqual(format.filePatterns);
      expect(entry.settings, format.id).toEqual(format.settings);
      expect(entry.detect, format.id).toBe(format.detect);
      expect('capabilities' in entry ? entry.capabilities : undefined, format.id).toEqual(
        'capabilities' in format ? format.capabilities : undefined,
      );
    }
  });

  it('loads the large parsers only when asked for', async () => {
    const pac = ALLOWLIST_REGISTRY.find((f) => f.id === 'pac')!;
    expect(pac.loaded).toBeUndefined();
    expect(() => loadedFormat(pac)).toThrow('the parser of format pac was not loaded');
    const format = await pac.load();
    expect(format).toBe(ALLOWLIST_FORMATS.find((f) => f.id === 'pac'));
    expect(loadedFormat(pac)).toBe(format);
    expect(
      format
        .parse({
          path: 'proxy.pac',
          text: 'function FindProxyForURL(url, host) {\n  if (dnsDomainIs(host, ".office.com")) return "DIRECT";\n  return "PROXY p:8080";\n}\n',
        })
        .entries.map((e) => e.text),
    ).toEqual(['.office.com']);
  });

  it('gives every format with its parser once all are loaded', async () => {
    await loadEveryFormat();
    for (const [entry, format] of pairs()) {
      expect(entry.loaded, format.id).toBe(format);
      expect(await entry.load(), format.id).toBe(format);
    }
  });
});
