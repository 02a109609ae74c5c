import { describe, expect, it } from 'vitest';
import {
  ALWAYS_KEPT,
  charsInRanges,
  missingChars,
  parseUnicodeRange,
  subsetFaces,
  textByLanguage,
} from '../../src/lib/font-subset';

describe('parseUnicodeRange', () => {
  it('reads single code points and ranges', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+FB50-FDFF')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0xfb50, 0xfdff],
    ]);
  });
  it('names what it cannot read', () => {
    expect(() => parseUnicodeRange('U+4??')).toThrow('"U+4??"');
    expect(() => parseUnicodeRange('U+00FF-0000')).toThrow('ends before it starts');
  });
});

describe('subsetFaces', () => {
  const css = `
    @font-face { font-family: 'Inter Variable'; font-weight: 400 700; src: url('@subset-fonts/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2') format('woff2-variations'); unicode-range: U+0000-00FF; }
    @font-face { font-family: 'Inter Variable'; font-weight: 100 900; src: url('@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2'); unicode-range: U+0100-0130; }`;
  it('finds the faces whose src is under @subset-fonts/, with their file, ranges and weights', () => {
    expect(subsetFaces(css)).toEqual([
      {
        family: 'Inter Variable',
        source: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
        url: '@subset-fonts/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
        ranges: [[0, 255]],
        weight: [400, 700],
      },
    ]);
  });
  it('refuses a subset face without a unicode-range', () => {
    expect(() =>
      subsetFaces("@font-face { font-family: X; font-weight: 400; src: url('@subset-fonts/x.woff2'); }"),
    ).toThrow('needs a font-family and a unicode-range');
  });
});

describe('charsInRanges', () => {
  it('keeps the characters of the text inside the ranges, sorted, once, with those always kept', () => {
    const arabic = parseUnicodeRange('U+0600-06FF');
    const kept = charsInRanges('استثمار é ﷲ', arabic);
    expect(kept).not.toContain('é');
    expect(kept).toContain('ا');
    expect([...kept]).toEqual([...new Set(kept)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
    // Every Arabic letter and vowel mark, even those the text does not use (shadda, sukun).
    for (const c of ['\u0651', '\u0652', 'ظ', '\u0670', '،', '؟']) expect(kept).toContain(c);
    // Latin: printable ASCII and the spaces number formatting writes.
    const latin = charsInRanges('ñ', parseUnicodeRange('U+0000-00FF,U+2000-206F'));
    for (const c of ['A', '~', '\u00a0', '\u202f', 'ñ', 'û', 'É', '’', '…']) expect(latin).toContain(c);
    // Latin letters the text does not use are left out (Spanish, German…), as is € outside the range.
    for (const c of ['õ', 'ß', '€']) expect(latin).not.toContain(c);
    expect(ALWAYS_KEPT).toContain('€');
  });
});

describe('textByLanguage', () => {
  it('gives entries and dictionaries to their language, data strings by their language key, the rest to all', () => {
    const t = textByLanguage(
      [
        { path: 'content/pages/fr/home.mdx', text: 'Été' },
        { path: 'src/i18n/ui/ar.json', text: '{"a":"بحث"}', data: { a: 'بحث' } },
        {
          path: 'content/data/parks.yaml',
          text: '',
          data: { p: [{ name: { fr: 'Ça', en: 'Wharf', ar: 'حديقة' }, code: 'Ω' }] },
        },
        { path: 'src/components/X.astro', text: '<p>×</p>' },
      ],
      ['fr', 'en', 'ar'],
    );
    expect(t['fr']).toContain('Été');
    expect(t['fr']).toContain('Ça');
    expect(t['fr']).not.toContain('حديقة');
    expect(t['en']).not.toContain('Été');
    expect(t['en']).toContain('Wharf');
    expect(t['ar']).toContain('بحث');
    expect(t['ar']).toContain('حديقة');
    expect(t['ar']).not.toContain('Ça');
    for (const l of ['fr', 'en', 'ar']) {
      expect(t[l]).toContain('Ω');
      expect(t[l]).toContain('×');
    }
  });
});

describe('missingChars', () => {
  it('names the characters of a page inside the range that the subset lacks, entities decoded', () => {
    const ranges = parseUnicodeRange('U+0000-00FF,U+2000-206F');
    const kept = new Set([...'<p>abc </'].map((c) => c.codePointAt(0)!));
    expect(missingChars('<p>abc &#233; &#x2014; ж</p>', ranges, kept)).toEqual(['U+00E9 é', 'U+2014 —']);
    expect(missingChars('<p>abc</p>', ranges, kept)).toEqual([]);
  });
});
