import { describe, expect, it } from 'vitest';
import {
  addFontPreloads,
  builtFontFaces,
  fontPreloadUrls,
  fontStem,
  removeFontPreloads,
  stylesheetHrefs,
} from '../../integrations/fonts/preload';

const css =
  '@font-face{font-family:Noto Sans Arabic Variable;font-weight:400 700;src:url(/_astro/noto-sans-arabic-arabic-wght-normal.DEaz4Zqv.woff2)format("woff2-variations");unicode-range:U+6??}' +
  '@font-face{font-family:Noto Sans Arabic Variable;src:url(/_astro/noto-sans-arabic-latin-ext-wght-normal.CIz31GGw.woff2)format("woff2-variations")}' +
  '@font-face{font-family:Noto Sans Arabic Variable;src:url(/_astro/noto-sans-arabic-latin-wght-normal.4ypDacBV.woff2)format("woff2-variations")}' +
  "@font-face{font-family:'Inter Variable';src:url(/_astro/inter-latin-wght-normal.Bfvevc_g.woff2)}body{color:red}";
const arabic = [
  { family: 'Noto Sans Arabic Variable', stem: 'noto-sans-arabic-arabic-wght-normal' },
  { family: 'Noto Sans Arabic Variable', stem: 'noto-sans-arabic-latin-wght-normal' },
];

describe('font preloads', () => {
  it('names a face by its file', () => {
    expect(fontStem('@fontsource-variable/inter/files/inter-latin-wght-normal.woff2')).toBe(
      'inter-latin-wght-normal',
    );
  });

  it("reads the built stylesheet's faces", () => {
    expect(builtFontFaces(css).map((f) => f.family)).toEqual([
      'Noto Sans Arabic Variable',
      'Noto Sans Arabic Variable',
      'Noto Sans Arabic Variable',
      'Inter Variable',
    ]);
  });

  it("picks the hashed files of the language's subset faces, not the whole ones", () => {
    expect(fontPreloadUrls('ar/index.html', arabic, builtFontFaces(css))).toEqual([
      '/_astro/noto-sans-arabic-arabic-wght-normal.DEaz4Zqv.woff2',
      '/_astro/noto-sans-arabic-latin-wght-normal.4ypDacBV.woff2',
    ]);
  });

  it('preloads nothing on a page without the family', () => {
    expect(fontPreloadUrls('ar/x/index.html', arabic, [])).toEqual([]);
  });

  it('fails, naming page and file, when the stylesheet has the family without the file', () => {
    expect(() =>
      fontPreloadUrls('ar/index.html', arabic, [
        { family: 'Noto Sans Arabic Variable', url: '/_astro/other.woff2' },
      ]),
    ).toThrow(/ar\/index\.html.*noto-sans-arabic-arabic-wght-normal\.woff2/);
  });

  it('adds the links after the last stylesheet, and the offline copy removes them', () => {
    const html =
      '<html lang="ar"><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/x.js"></script></head><body></body></html>';
    expect(stylesheetHrefs(html)).toEqual(['/_astro/a.css']);
    const out = addFontPreloads(html, ['/_astro/f.1.woff2']);
    expect(out).toBe(
      '<html lang="ar"><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css"><link rel="preload" href="/_astro/f.1.woff2" as="font" type="font/woff2" crossorigin><script type="module" src="/x.js"></script></head><body></body></html>',
    );
    expect(removeFontPreloads(out)).toBe(html);
    expect(addFontPreloads(html, [])).toBe(html);
  });
});
