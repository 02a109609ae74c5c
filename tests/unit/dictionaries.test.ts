import { describe, expect, it } from 'vitest';
import { keyPaths, missingKeys } from '../../src/lib/dictionaries';

describe('UI dictionaries', () => {
  it('lists dotted key paths', () => {
    expect(keyPaths({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual(['a.b', 'a.c.d', 'e']);
  });

  it('finds keys missing or empty in one language, whichever language has them', () => {
    expect(
      missingKeys({
        fr: { a: 'x', b: { c: 'y' } },
        en: { a: ' ', b: {} },
        ar: { a: 'س', b: { c: 'ص' }, d: 'ع' },
      }),
    ).toEqual([
      { lang: 'fr', key: 'd', problem: 'missing' },
      { lang: 'en', key: 'a', problem: 'empty' },
      { lang: 'en', key: 'b.c', problem: 'missing' },
      { lang: 'en', key: 'd', problem: 'missing' },
    ]);
  });

  it('lets plural variants differ by language', () => {
    expect(
      missingKeys({ en: { n_one: 'x', n_other: 'y' }, ar: { n_zero: 'a', n_few: 'b', n_other: 'c' } }),
    ).toEqual([]);
  });
});
