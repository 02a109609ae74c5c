/**
 * Fonts cut down at build time (integrations/fonts/subset.ts): each page fetches
 * its language's subsets and draws its text in them; and the subsets draw every word of the site
 * exactly as the whole fonts do: same glyphs, joined the same way (Arabic initial, medial and final
 * forms, lam-alef ligatures, vowel marks), at the weights the site uses.
 *
 * "The same" is measured in Chromium: the advance width of each distinct word of the built pages,
 * drawn with the subset and with the package's whole file (canvas measureText). A letter drawn
 * in its isolated form instead of its joined one, a lost ligature or a missing glyph (drawn by
 * another font) changes the width by far more than the rounding the weight instancing leaves;
 * the test first checks, on the whole font, that it does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subsetFaces, inRanges, type SubsetFace } from '../../src/lib/font-subset';
import { builtPages, read } from '../support/built';
import { dist, root } from '../support/site';
import { closeBrowser, getBrowser, openPage, url } from './browser';

afterAll(closeBrowser);
const require = createRequire(join(root, 'package.json'));
const faces = subsetFaces(readFileSync(join(root, 'src/styles/global.css'), 'utf8'));
const familyLangs: Record<string, string[]> = {
  'Inter Variable': ['fr', 'en'],
  'Noto Sans Arabic Variable': ['ar'],
};
const fileName = (face: SubsetFace) =>
  face.source.slice(face.source.lastIndexOf('/') + 1).replace(/\.woff2$/, '');
const builtFont = (face: SubsetFace) => {
  const name = readdirSync(join(dist, '_astro')).find(
    (f) => f.startsWith(`${fileName(face)}.`) && f.endsWith('.woff2'),
  );
  if (!name) throw new Error(`no ${fileName(face)}.*.woff2 in dist/_astro`);
  return name;
};

/** The distinct words of a language's built pages whose every character is in the face's range. */
function words(lang: string, face: SubsetFace): string[] {
  const found = new Set<string>();
  for (const p of builtPages().filter((b) => b.path.startsWith(`/${lang}/`))) {
    const text = read(p.file)
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&[a-z]+;|&#\d+;|&#x[0-9a-f]+;/gi, ' ');
    for (const w of text.split(/[\s\u00a0\u202f]+/))
      if (w && [...w].every((c) => inRanges(c.codePointAt(0)!, face.ranges))) found.add(w);
  }
  return [...found].sort();
}

describe('fonts', () => {
  it('the stylesheet names the faces the build subsets', () => {
    expect(faces.map(fileName).sort()).toEqual([
      'inter-latin-wght-normal',
      'noto-sans-arabic-arabic-wght-normal',
      'noto-sans-arabic-latin-wght-normal',
    ]);
  });

  it.each([
    ['fr', '/fr/pillars/incentive-framework/', 'Inter Variable'],
    ['en', '/en/parks/', 'Inter Variable'],
    ['ar', '/ar/pillars/incentive-framework/', 'Noto Sans Arabic Variable'],
  ])('%s: %s fetches only its language’s subsets and draws its text in them', async (lang, path, family) => {
    const { page, problems } = await openPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.woff2')) fetched.push(r.url().slice(r.url().lastIndexOf('/') + 1));
    });
    await page.goto(url(path), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const expected = faces.filter((f) => familyLangs[f.family]!.includes(lang)).map(builtFont);
    // The Latin Extended faces (whole files) only if a character of theirs is on the page: none today.
    expect(fetched.sort()).toEqual(expected.sort());
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
    );
    expect(loaded).toContain(family);
    // The heading is drawn in the web font at the weight the site uses, inside the subset's range.
    const drawn = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      return {
        family: getComputedStyle(h1).fontFamily,
        weight: getComputedStyle(h1).fontWeight,
        fits: document.fonts.check(
          `700 32px ${getComputedStyle(h1).fontFamily.split(',')[0]}`,
          h1.textContent!.trim(),
        ),
      };
    });
    expect(drawn.family.startsWith(`"${family}"`) || drawn.family.startsWith(family)).toBe(true);
    expect(Number(drawn.weight)).toBeGreaterThanOrEqual(400);
    expect(Number(drawn.weight)).toBeLessThanOrEqual(700);
    expect(drawn.fits).toBe(true);
    expect(problems).toEqual([]);
  });

  describe.each(faces.map((f) => [fileName(f), f] as const))(
    '%s draws every word of the site as the whole font does',
    (_name, face) => {
      let page: Page;
      beforeAll(async () => {
        const context = await (await getBrowser()).newContext();
        page = await context.newPage();
        await page.setContent('<!doctype html><title>fonts</title>');
        const subset = readFileSync(join(dist, '_astro', builtFont(face))).toString('base64');
        const whole = readFileSync(require.resolve(face.source)).toString('base64');
        await page.evaluate(
          async ([s, w]) => {
            const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
            for (const [name, data] of [
              ['Subset', s],
              ['Whole', w],
            ] as const) {
              const font = new FontFace(name, bytes(data), { weight: '100 900' });
              document.fonts.add(await font.load());
            }
          },
          [subset, whole] as const,
        );
      });

      const widths = (list: string[], family: string, weight: number) =>
        page.evaluate(
          ([l, f, w]) => {
            const ctx = document.createElement('canvas').getContext('2d')!;
            ctx.font = `${w} 40px ${f}, monospace`;
            return l.map((s) => Math.round(ctx.measureText(s).width * 10) / 10);
          },
          [list, family, weight] as const,
        );

      it('the measure sees shaping: broken joins, a lost ligature or a missing glyph change a width', async () => {
        const arabic = face.ranges.some(([a]) => a === 0x0600);
        const [joined, broken] = arabic
          ? ['الاستثمار', 'ا\u200cل\u200cا\u200cس\u200cت\u200cث\u200cم\u200cا\u200cر']
          : ['office', 'o\u200cf\u200cf\u200ci\u200cc\u200ce'];
        const [whole] = await widths([joined], 'Whole', 400);
        const [fallback] = await widths([joined], 'monospace', 400);
        expect(whole).not.toBe(fallback);
        if (arabic) expect((await widths([broken], 'Whole', 400))[0]).not.toBe(whole);
      });

      it.each([400, 700])('at weight %i', async (weight) => {
        const langs = familyLangs[face.family]!;
        const list = [...new Set(langs.flatMap((l) => words(l, face)))];
        // Vowel marks, shadda and lam-alef forms too, which the prose rarely writes.
        const arabic = face.ranges.some(([a]) => a === 0x0600);
        if (arabic) list.push('مُسْتَثْمِرٌ', 'لا', 'لأن', 'لإ', 'لآ', 'شَدَّة', 'ـلا');
        expect(list.length).toBeGreaterThan(arabic ? 300 : 20);
        const [sub, whole] = [await widths(list, 'Subset', weight), await widths(list, 'Whole', weight)];
        // Instancing the weight axis to 400–700 rounds a few outline deltas: a tenth of a pixel at
        // 40 px (a few font units) is that; a joined form, a ligature or a missing glyph is tens of units.
        const differ = list
          .filter((_, i) => Math.abs(sub[i]! - whole[i]!) > 0.2)
          .map((w) => `${w}: ${sub[list.indexOf(w)]} ≠ ${whole[list.indexOf(w)]}`);
        expect(differ, differ.slice(0, 20).join('\n')).toEqual([]);
      });
    },
  );
});
