import { createRequire } from 'node:module';
import { crc32, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { ogSvg, renderOptions, renderPng, wrap } from '../../integrations/social-images/image';
import { drawingEnv, renderPool } from '../../integrations/social-images/pool';
import { indexedPng } from '../../integrations/social-images/png.mjs';

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

/** The chunks of a PNG, each CRC checked. */
function chunks(png: Buffer): Map<string, Buffer> {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const out = new Map<string, Buffer>();
  for (let o = 8; o < png.length;) {
    const length = png.readUInt32BE(o);
    const type = png.toString('latin1', o + 4, o + 8);
    expect(png.readUInt32BE(o + 8 + length), `CRC of ${type}`).toBe(
      crc32(png.subarray(o + 4, o + 8 + length)),
    );
    out.set(type, png.subarray(o + 8, o + 8 + length));
    o += 12 + length;
  }
  return out;
}

/** The RGBA pixels of an 8-bit indexed PNG whose rows are not filtered (what indexedPng writes). */
function decodeIndexed(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const c = chunks(png);
  const header = c.get('IHDR')!;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect([...header.subarray(8)]).toEqual([8, 3, 0, 0, 0]);
  const palette = c.get('PLTE')!;
  const rows = inflateSync(c.get('IDAT')!);
  expect(rows.length).toBe((width + 1) * height);
  const pixels = new Uint8Array(width * height * 4);
  let filters = 0;
  let outside = 0;
  for (let y = 0; y < height; y++) {
    filters += rows[y * (width + 1)]!;
    for (let x = 0; x < width; x++) {
      const i = rows[y * (width + 1) + 1 + x]!;
      if (i * 3 >= palette.length) outside += 1;
      pixels.set([...palette.subarray(i * 3, i * 3 + 3), 255], (y * width + x) * 4);
    }
  }
  expect(filters, 'rows with a filter').toBe(0);
  expect(outside, 'indexes past the palette').toBe(0);
  return { width, height, pixels };
}

describe('indexed PNG encoder', () => {
  it('holds the drawn pixels exactly, in fewer bytes than resvg’s PNG', () => {
    const svg = ogSvg({
      title: 'الحوافز الضريبية (AIR) 2026',
      kicker: 'الحوافز',
      site: 'أوفشورينغ المغرب',
      rtl: true,
    });
    const image = new Resvg(svg, renderOptions(fonts)).render();
    const png = indexedPng(image.width, image.height, image.pixels)!;
    const decoded = decodeIndexed(png);
    expect([decoded.width, decoded.height]).toEqual([1200, 630]);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(image.pixels))).toBe(true);
    expect(png.length).toBeLessThan(image.asPng().length);
  });

  it('gives no PNG for an image it cannot hold, and stays the same for the same pixels', () => {
    const opaque = (n: number) =>
      Uint8Array.from({ length: n * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i >> 2) % 256));
    expect(indexedPng(16, 16, opaque(256))).toBeInstanceOf(Buffer); // 256 colours: fits
    const many = Uint8Array.from({ length: 257 * 4 }, (_, i) =>
      i % 4 === 3 ? 255 : i % 4 === 0 ? (i >> 2) % 256 : (i >> 2) >> 8,
    );
    expect(indexedPng(257, 1, many)).toBeUndefined(); // 257 colours
    const clear = opaque(4);
    clear[7] = 128;
    expect(indexedPng(2, 2, clear)).toBeUndefined(); // a pixel not opaque
    expect(() => indexedPng(3, 3, opaque(4))).toThrow(/do not match/);
    expect(indexedPng(16, 16, opaque(256))!.equals(indexedPng(16, 16, opaque(256))!)).toBe(true);
  });
});

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

  it('starts the drawing processes with an allocator that keeps its memory, leaving the build’s alone', () => {
    const env = { PATH: '/usr/bin', MIMALLOC_PURGE_DELAY: '0', BUILD_CACHE_DIR: '/tmp/c' };
    expect(drawingEnv(env)).toEqual({
      PATH: '/usr/bin',
      BUILD_CACHE_DIR: '/tmp/c',
      MIMALLOC_PURGE_DELAY: '-1',
      MIMALLOC_ALLOW_LARGE_OS_PAGES: '1',
    });
    expect(env.MIMALLOC_PURGE_DELAY).toBe('0');
  });

  it('lays an Arabic line out right to left: a final «،» ends it on the left, the start stays on the right', () => {
    /** The leftmost and rightmost columns of the title's white ink. */
    const inkSpan = (title: string) => {
      const image = new Resvg(
        ogSvg({ title, kicker: '', site: '', rtl: true }),
        renderOptions(fonts),
      ).render();
      const pixels = image.pixels; // a copy at each read: read once
      let left = image.width;
      let right = 0;
      for (let y = 250; y < 420; y++)
        for (let x = 0; x < image.width; x++)
          if (pixels[(y * image.width + x) * 4]! > 200) {
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
      return { left, right };
    };
    const word = inkSpan('سيدي عثمان');
    const withComma = inkSpan('سيدي عثمان،');
    expect(withComma.right).toBe(word.right);
    expect(withComma.left).toBeLessThan(word.left);
  });

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
