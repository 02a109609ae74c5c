/**
 * Font subsetting, the pure part: which characters each web font of the site must
 * draw, read from the site's own text, and the check that a built page draws nothing its font
 * lost. The subsetting itself (HarfBuzz, through subset-font) and the files are in
 * integrations/fonts/subset.ts.
 *
 * The faces come from the stylesheet: an @font-face whose src is `@subset-fonts/<file>` is the
 * font file `<file>` (a package path, e.g. @fontsource-variable/inter/files/…woff2) cut down to
 * the characters of its unicode-range that the site's text uses, and to the weights of its
 * font-weight range.
 */

export type Range = readonly [first: number, last: number];

/** 'U+0000-00FF,U+0131' → [[0, 255], [305, 305]]; throws on anything else, naming it. */
export function parseUnicodeRange(value: string): Range[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^U\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(part);
      if (!m)
        throw new Error(`unicode-range: cannot read "${part}" (wildcards like U+4?? are not supported here)`);
      const first = parseInt(m[1]!, 16);
      const last = m[2] ? parseInt(m[2], 16) : first;
      if (last < first) throw new Error(`unicode-range: "${part}" ends before it starts`);
      return [first, last] as const;
    });
}

export const inRanges = (cp: number, ranges: readonly Range[]) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** One @font-face that the build subsets. */
export interface SubsetFace {
  family: string;
  /** The font file to cut down, as a package path ('@fontsource-variable/inter/files/x.woff2'). */
  source: string;
  /** The url() as written in the stylesheet. */
  url: string;
  ranges: Range[];
  /** The font-weight range of the face: the weights kept of a variable font. */
  weight: readonly [min: number, max: number];
}

export const SUBSET_PREFIX = '@subset-fonts/';

/** The @font-face rules of a stylesheet whose src is `url('@subset-fonts/…')`. */
export function subsetFaces(css: string): SubsetFace[] {
  const faces: SubsetFace[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const prop = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(body!)?.[1]?.trim();
    const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(prop('src') ?? '')?.[1];
    if (!url?.startsWith(SUBSET_PREFIX)) continue;
    const family = prop('font-family')?.replace(/^['"]|['"]$/g, '');
    const range = prop('unicode-range');
    const weight = (prop('font-weight') ?? '').split(/\s+/).map(Number);
    if (!family || !range)
      throw new Error(`@font-face for ${url}: a subset face needs a font-family and a unicode-range`);
    if (weight.length === 0 || weight.some((w) => !Number.isFinite(w) || w < 1 || w > 1000))
      throw new Error(`@font-face for ${url}: font-weight must be a number or a range of two ("400 700")`);
    faces.push({
      family,
      source: url.slice(SUBSET_PREFIX.length),
      url,
      ranges: parseUnicodeRange(range),
      weight: [weight[0]!, weight[weight.length - 1]!],
    });
  }
  return faces;
}

/**
 * Characters always kept, whatever the text says today, inside each face's range: printable
 * ASCII; the spaces, marks and signs that number and date formatting writes at run time (no-break,
 * narrow no-break and thin spaces, direction marks, the Arabic percent and separators); French letters
 * and typographic signs (a month name formatted in the browser: août); the Arabic letters and
 * their vowel marks (harakat, shadda, sukun, dagger alif), so that a new word or a vocalised one
 * is never drawn half in another font.
 */
export const ALWAYS_KEPT = (() => {
  const cps: number[] = [];
  const add = (a: number, b = a) => {
    for (let c = a; c <= b; c++) cps.push(c);
  };
  add(0x20, 0x7e);
  add(0xa0);
  add(0x2009); // thin space: Intl's span of dates, « novembre – décembre 2025 »
  add(0x202f);
  add(0x200c, 0x200f);
  for (const c of 'àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ«»‘’“”–—…€') add(c.codePointAt(0)!);
  add(0x061c);
  add(0x060c); // Arabic comma
  add(0x061b); // Arabic semicolon
  add(0x061f); // Arabic question mark
  add(0x0621, 0x063a);
  add(0x0640, 0x0652);
  // The Arabic percent and separators; not the Arabic-Indic digits (U+0660–0669): the site writes
  // Latin digits in Arabic (Moroccan usage), and leaving them out keeps the Arabic file under the
  // two round trips a slow link gives it (17.7 → 16.3 kB). A reader who types them in a form sees
  // them in the system's font.
  add(0x066a, 0x066c);
  add(0x0670);
  return String.fromCodePoint(...cps);
})();

/**
 * The characters of `text` (and of ALWAYS_KEPT) inside `ranges`, sorted, each once: what the
 * subset of a face must draw.
 */
export function charsInRanges(text: string, ranges: readonly Range[]): string {
  return String.fromCodePoint(...distinctCodePoints(text + ALWAYS_KEPT).filter((cp) => inRanges(cp, ranges)));
}

/** A source file of the site's text. */
export interface SourceText {
  /** Path from the project root, with '/'. */
  path: string;
  text: string;
  /** The parsed data, for YAML and JSON files (their texts are split by language key). */
  data?: unknown;
}

/**
 * The site's text per language, from its sources: an entry under content/…/{lang}/ or a
 * dictionary src/i18n/ui/{lang}.json is that language's; in data files, a string under a key
 * named after a language is that language's; everything else (other data strings, the
 * components' code) counts for every language. A superset of what the pages show, so that a
 * new page or entry is covered without a list to update.
 */
export function textByLanguage(
  files: readonly SourceText[],
  languages: readonly string[],
): Record<string, string> {
  const parts: Record<string, string[]> = Object.fromEntries(languages.map((l) => [l, []]));
  const all: string[] = [];
  for (const f of files) {
    const segments = f.path.split('/');
    const lang = languages.find((l) => segments.includes(l) || f.path.endsWith(`/ui/${l}.json`));
    if (lang) parts[lang]!.push(f.text);
    else if (f.data !== undefined) walk(f.data, undefined);
    else all.push(f.text);
  }
  function walk(value: unknown, lang: string | undefined) {
    if (typeof value === 'string') (lang ? parts[lang]! : all).push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v, lang);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        // Keys are text too (a glossary keyed by term), for every language.
        all.push(k);
        walk(v, languages.includes(k) ? k : lang);
      }
  }
  const shared = all.join('\n');
  return Object.fromEntries(languages.map((l) => [l, `${parts[l]!.join('\n')}\n${shared}`]));
}

/**
 * Characters of a built page that a face would draw (inside its ranges) but that its subset
 * lacks, e.g. ['U+2248 ≈']. The whole HTML is read, markup included: markup is ASCII, which
 * every subset keeps, and attribute text (placeholders, titles) is drawn too. `html` may be given
 * as its code points (codePointsOf), to check one page against several faces.
 */
export function missingChars(
  html: string | readonly number[],
  ranges: readonly Range[],
  kept: ReadonlySet<number>,
): string[] {
  const cps = typeof html === 'string' ? codePointsOf(html) : html;
  return cps
    .filter((cp) => inRanges(cp, ranges) && !kept.has(cp))
    .map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`);
}

/**
 * The distinct code points of a page, numeric character references decoded, in order: a page
 * of 50,000 characters has a few hundred distinct ones, so each font face checks those once.
 */
export function codePointsOf(html: string): number[] {
  return distinctCodePoints(
    html
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))),
  );
}

/**
 * The distinct code points of `text`, sorted: one pass with a mark per code point (the site's
 * text for a font, megabytes of it, took a Set about 0.3 s to sort out at every build's start).
 */
export function distinctCodePoints(text: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i += 1;
    if (!seen[cp]) {
      seen[cp] = 1;
      cps.push(cp);
    }
  }
  for (const cp of cps) seen[cp] = 0;
  return cps.sort((a, b) => a - b);
}
/** One mark per code point, cleared after each text (distinctCodePoints). */
const seen = new Uint8Array(0x110000);
