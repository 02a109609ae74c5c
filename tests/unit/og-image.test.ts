import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { ogSvg, renderOptions, renderPng, wrap } from '../../integrations/social-images/image';
import { renderPool } from '../../integrations/social-images/pool';

const require = createRequire(import.meta.url);
const fonts = [
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
].map((f) => require.resolve(f));

/** Width of a line of text as resvg lays it out with our fonts. */
function textWidth(text: string, rtl = true) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="200"><text x="1000" y="100" font-size="60" font-family="Noto Sans Arabic" direction="${rtl ? 'rtl' : 'ltr'}">${text}</text></svg>`;
  const r = new Resvg(svg, { font: { fontFiles: fonts, loadSystemFonts: false } });
  return r.innerBBox()!.width;
}

describe('social preview images', () => {
  it('joins Arabic letters (shaped text is narrower than the same letters kept apart)', () => {
    const word = 'بالضريبة';
    const apart = [...word].join('\u200c'); // zero-width non-joiner: every letter in its isolated form
    expect(textWidth(word)).toBeLessThan(textWidth(apart) * 0.9);
  });

  it('renders a 1200 × 630 PNG for an Arabic title', async () => {
    const png = await renderPng(
      ogSvg({
        title: 'الامتياز المتعلق بالضريبة على الدخل (AIR)',
        kicker: 'الحوافز',
        site: 'أوفشورينغ المغرب',
        rtl: true,
      }),
      fonts,
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  it('draws the same bytes in the pool of child processes as in this process, and ends each child after its share', async () => {
    const svgs = ['Incitations fiscales', 'الحوافز الضريبية', 'Tax incentives'].map((title, i) =>
      ogSvg({ title, kicker: 'k', site: 's', rtl: i === 1 }),
    );
    const pool = renderPool({ size: 2, options: renderOptions(fonts), imagesPerChild: 1 });
    try {
      const drawn = await Promise.all(svgs.map((svg) => pool.render(svg)));
      for (const [i, svg] of svgs.entries())
        expect(Buffer.from(drawn[i]!).equals(await renderPng(svg, fonts))).toBe(true);
    } finally {
      pool.close();
    }
  }, 60_000);

  it('anchors Arabic titles on the right and escapes markup', () => {
    const svg = ogSvg({ title: 'a <b> & c', kicker: 'k', site: 's', rtl: true });
    expect(svg).toContain('text-anchor="end"');
    expect(svg).toContain('a &#60;b&#62; &#38; c');
  });

  it('wraps long titles on at most three lines', () => {
    expect(wrap('one two three four five six', 9, 4)).toEqual(['one two', 'three', 'four five', 'six']);
    expect(wrap('one two three four five six', 9, 3)).toEqual(['one two', 'three', 'four five…']);
    expect(wrap('one two three four five six seven eight', 9, 2)).toEqual(['one two', 'three…']);
  });
});
