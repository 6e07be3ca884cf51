import { describe, expect, it } from 'vitest';
import { LookalikeIndex } from '../../src/diff/lookalike.js';
import { HostPattern } from '../../src/model/host.js';

function pattern(text: string): HostPattern {
  const parsed = HostPattern.parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('LookalikeIndex', () => {
  it('reads the catalogue names only when an internationalised name asks', () => {
    let read = 0;
    function* names(): Generator<HostPattern> {
      read++;
      yield pattern('outlook.office365.com');
      yield pattern('*.sharepoint.com');
    }
    const index = new LookalikeIndex(names());
    expect(index.imitated(pattern('outlook.office365.com'))).toBeUndefined();
    expect(index.imitated(pattern('example.org'))).toBeUndefined();
    expect(read).toBe(0);
    // A Cyrillic о (U+043E) in place of the first letter.
    expect(index.imitated(pattern('\u043eutlook.office365.com'))).toEqual({
      name: 'outlook.office365.com',
      scripts: ['Latin', 'Cyrillic'],
    });
    expect(index.imitated(pattern('contoso.\u0455harepoint.com'))).toEqual({
      name: '*.sharepoint.com',
      scripts: ['Latin', 'Cyrillic'],
    });
    expect(read).toBe(1);
  });
});
