/**
 * The PDF brochures: one per language, printed by Chromium at build time, read back
 * with pdftotext (Debian's poppler-utils, installed when missing and root, see
 * scripts/ensure-chromium.mjs). Arabic text may come out in logical or visual order, and in
 * presentation forms: it is compared after NFKC, in either order.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dist, localeCodes, root } from '../support/site';
import fr from '../../src/i18n/ui/fr.json';
import en from '../../src/i18n/ui/en.json';
import ar from '../../src/i18n/ui/ar.json';

const ui = { fr, en, ar };
let pdftotext = '';
beforeAll(() => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/ensure-chromium.mjs'), 'pdftotext'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  pdftotext = r.stdout.trim().split('\n').at(-1)!;
}, 300_000); // run alone on a fresh machine, this may install poppler-utils

const pdfOf = (lang: string) => join(root, 'dist-export', `offshoring-maroc-${lang}.pdf`);
const textOf = (lang: string, layout = false) =>
  execFileSync(pdftotext, [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdfOf(lang), '-'], {
    encoding: 'utf8',
  })
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '');
const reversed = (s: string) => [...s].reverse().join('');
/** pdftotext writes the lam-alef ligature (لأ) as «أل»: both sides are compared in that order. */
const lamAlef = (s: string) => s.replace(/ل([اأإآ])/g, '$1ل');
/**
 * Whether the PDF's text holds a word or phrase, in logical or visual order. White space is
 * ignored: pdftotext breaks Arabic words where Chromium positioned glyphs apart («الت حف ي ز ي»).
 */
const says = (text: string, phrase: string) => {
  const flat = lamAlef(text.replace(/\s+/g, ''));
  const p = lamAlef(phrase.replace(/\s+/g, ''));
  return flat.includes(p) || flat.includes(reversed(p));
};

/** Figures of content/data/figures.yaml as each language prints them. */
const figures = {
  fr: ['26,22', '148 500', '2030'],
  en: ['26.22', '148,500', '2030'],
  ar: ['26,22', '148.500', '2030'],
};

describe.each(localeCodes)('the %s brochure', (lang) => {
  const t = ui[lang];

  it('exists, is a PDF of a few A4 pages, and is the one the site links to', () => {
    expect(existsSync(pdfOf(lang))).toBe(true);
    const info = execFileSync(pdftotext.replace(/pdftotext$/, 'pdfinfo'), [pdfOf(lang)], {
      encoding: 'utf8',
    });
    expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBeGreaterThanOrEqual(4);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(statSync(join(dist, 'downloads', `offshoring-maroc-${lang}.pdf`)).size).toBe(
      statSync(pdfOf(lang)).size,
    );
  });

  it('has the cover, the three pillars, key figures, the incentive table, the parks and the sources', () => {
    const text = textOf(lang);
    const phrases = [
      t.site.name,
      t.brochure.title,
      t.nav.pillars,
      t.brochure.figures,
      t.brochure.incentives,
      t.rules.tableCaption,
      t.brochure.parks,
      t.brochure.sources,
    ];
    const missing = phrases.filter((p) => !says(text, p));
    expect(missing, `not found in the ${lang} PDF`).toEqual([]);
    for (const n of figures[lang]) expect(text.replace(/[\u202f\u00a0]/g, ' '), n).toContain(n);
    for (const code of ['AIR', 'AIS', 'PAE', 'PAF']) expect(text).toContain(code);
    expect(text).toContain('https://');
  });
});

describe('the Arabic brochure', () => {
  it('is right to left: Arabic words come out whole, with the park names of the site', () => {
    const text = textOf('ar');
    for (const word of ['الحوافز', 'المنصات', 'المصادر', 'كازا نيرشور', 'فاس شور'])
      expect(says(text, word), word).toBe(true);
    // A right-to-left page sets its text from the right margin: with -layout, most Arabic lines
    // end near the right edge and start at different places.
    const lines = textOf('ar', true)
      .split('\n')
      .filter((l) => /[\u0600-\u06ff]{3}/.test(l));
    const width = Math.max(...lines.map((l) => l.trimEnd().length));
    const flushRight = lines.filter((l) => l.trimEnd().length > width * 0.8).length;
    expect(flushRight / lines.length).toBeGreaterThan(0.5);
  });
});

// The investor's path in short: the setting-up steps in order, with the online page.
describe.each(localeCodes)('the %s brochure, setting up', (lang) => {
  it('lists every setting-up step by its title and points to the online page', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const steps: { title: Record<string, string> }[] = parse(
      readFileSync(join(root, 'content/data/setup-steps.yaml'), 'utf8'),
    );
    // pdftotext moves Arabic marks (shadda…) and Latin runs around: compare without the marks,
    // the Arabic parts of a title one by one.
    const bare = (x: string) => x.replace(/[\u064b-\u0652]/g, '');
    const text = bare(textOf(lang));
    const parts = (title: string) =>
      lang === 'ar'
        ? bare(title)
            .split(/[()A-Za-z0-9]+/)
            .map((p) => p.trim())
            .filter((p) => p.length > 2)
        : [title];
    expect(says(text, ui[lang].investor.brochure.setup)).toBe(true);
    const missing = steps
      .map((s) => s.title[lang]!)
      .filter((title) => !parts(title).every((p) => says(text, p)));
    expect(missing, `not found in the ${lang} PDF`).toEqual([]);
    expect(text).toMatch(new RegExp(`/${lang}/setting-up/`));
  });
});
