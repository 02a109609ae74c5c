/**
 * Site search, the parts that need neither a browser nor Astro: page types and the
 * attributes that put a page in the Pagefind index, query clean-up, merging the results of
 * several searches, safe excerpts, plural choice and section anchors.
 */

/** What a result is, set in templates (never guessed from URLs) and offered as a filter. */
export const pageTypes = ['pillar', 'park', 'incentive', 'glossary', 'other'] as const;
export type PageType = (typeof pageTypes)[number];

export function isPageType(value: unknown): value is PageType {
  return typeof value === 'string' && (pageTypes as readonly string[]).includes(value);
}

/**
 * Attributes for the element that holds a page's content, spread in templates:
 * `<article {...indexedAs('pillar')}>` → data-pagefind-body, data-pagefind-filter="type:pillar".
 */
export function indexedAs(type: PageType): Record<'data-pagefind-body' | 'data-pagefind-filter', string> {
  return { 'data-pagefind-body': '', 'data-pagefind-filter': `type:${type}` };
}

/**
 * Block elements that Pagefind (1.6) does not treat as breaks: it runs their text into the
 * next block's, so a park fact reads «RégionCasablanca-Settat» and a glossary entry
 * «formationParticipation», and neither word can be found.
 */
const unspacedBlocks = [
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'tr',
  'th',
  'figure',
  'figcaption',
  'blockquote',
  'details',
  'summary',
  'fieldset',
  'legend',
  'address',
  'aside',
  'header',
  'footer',
  'main',
];
const blockTag = new RegExp(`</?(?:${unspacedBlocks.join('|')})\\b[^>]*>`, 'gi');
/** A typographic apostrophe between letters: l’impôt, d’emploi, Morocco’s. */
const curlyApostrophe = /(\p{L})\u2019(?=\p{L})/gu;

/**
 * The HTML that Pagefind indexes (the served page is not changed):
 * - white space around the blocks above: '<dt>Région</dt><dd>Fès</dd>' → ' <dt> Région </dt>  <dd> Fès </dd> ';
 * - in text, the apostrophe of an elision as ASCII: Pagefind splits «l'impôt» into «l» and
 *   «impôt», but keeps «l’impôt» as one word, so «impôt» or «emploi» would not find most
 *   French pages. Results show it curly again (restoreApostrophes). Attribute values, where
 *   filters and metadata may be set inline, are left alone.
 */
export function indexableHtml(html: string): string {
  return html.replace(blockTag, ' $& ').replace(/>[^<]+</g, (text) => text.replace(curlyApostrophe, "$1'"));
}

/** Undoes the ASCII apostrophes of indexableHtml for display: "l'impôt" → 'l’impôt'. */
export function restoreApostrophes(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019');
}

/** Longer queries are cut (and the reader told): nobody types more, and every word costs a lookup. */
export const maxQueryLength = 200;

/**
 * Trims and collapses white space, then caps the length (in characters, not UTF-16 units):
 * '  Fès   Shore ' → { text: 'Fès Shore', truncated: false }.
 */
export function prepareQuery(raw: string, max = maxQueryLength): { text: string; truncated: boolean } {
  const text = raw.replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= max) return { text, truncated: false };
  // Cut before the word the limit falls in, so the last word searched is a whole one.
  const cut = chars.slice(0, max + 1).join('');
  const space = cut.lastIndexOf(' ');
  return { text: (space > 0 ? cut.slice(0, space) : chars.slice(0, max).join('')).trim(), truncated: true };
}

/**
 * A French query in both spellings of œ, which Pagefind indexes as different words (the guide writes
 * «main-d’œuvre», some sources' titles «oeuvre»): 'oeil' → ['oeil', 'œil']; 'œuvre' → ['œuvre', 'oeuvre'].
 */
export function ligatureVariants(query: string): string[] {
  const variants = [query];
  if (/oe/i.test(query)) variants.push(query.replace(/oe/g, 'œ').replace(/O[Ee]/g, 'Œ'));
  if (/[œŒ]/.test(query)) variants.push(query.replace(/œ/g, 'oe').replace(/Œ/g, 'OE'));
  return variants;
}

/** The part of a Pagefind result that ranking needs. */
export interface Ranked {
  id: string;
  score: number;
}

/**
 * Merges result lists of several searches of the same index, each page once, by the best rank it
 * has in any list; at equal rank the first list (the query as typed) goes first, then the next.
 * Ranks, not scores: the spellings' scores are not on one scale (a bare stem scores higher). So a
 * page another spelling ranks first (an exact title the typed form misses) is not put last.
 * Example, as (page, score) pairs: first (a, 1) (b, 3); second (c, 2) (a, 5) → (a, 1) (c, 2) (b, 3).
 * (Not in bracket-and-colon notation: Tailwind scans src/ and turns such a pair into a CSS rule.)
 */
export function mergeResults<T extends Ranked>(lists: readonly (readonly T[])[]): T[] {
  const best = new Map<string, { r: T; rank: number; list: number }>();
  lists.forEach((list, i) =>
    list.forEach((r, rank) => {
      const had = best.get(r.id);
      if (!had || rank < had.rank) best.set(r.id, { r, rank, list: i });
    }),
  );
  return [...best.values()].sort((a, b) => a.rank - b.rank || a.list - b.list).map((b) => b.r);
}

export interface TextRun {
  text: string;
  mark: boolean;
}

/** A heading's part of a page that matched, with its own link (`url#id`). */
export interface Section {
  url: string;
  title: string;
  excerpt: TextRun[];
}
/** One page found, as the search UI draws it: from Pagefind online, from the offline index in the exported copy. */
export interface Hit {
  url: string;
  title: string;
  type: PageType;
  region: string | undefined;
  /** The page's best excerpt (quick results). */
  excerpt: TextRun[];
  /** Matches before the first heading with an id; empty when every match is in a section. */
  lead: TextRun[];
  sections: Section[];
}
export interface Filters {
  type?: PageType | undefined;
  region?: string | undefined;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * A Pagefind excerpt as plain text runs, marked or not, for building DOM nodes without innerHTML.
 * Only <mark> is markup: Pagefind writes the page's text as it is around it (R&D, not R&amp;D),
 * so any other '<' is text and stays; entities are decoded and elisions get their curly
 * apostrophe back:
 * 'a <mark>b</mark> &lt;c&gt;' → [{ text: 'a ', mark: false }, { text: 'b', mark: true }, { text: ' <c>', mark: false }].
 */
export function excerptRuns(html: string): TextRun[] {
  const out: TextRun[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark\s*>)/i)) {
    if (/^<mark\s*>$/i.test(part)) {
      mark = true;
      continue;
    }
    if (/^<\/mark\s*>$/i.test(part)) {
      mark = false;
      continue;
    }
    const text = restoreApostrophes(decodeEntities(part));
    if (!text) continue;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  }
  return out;
}

/**
 * Splits a dictionary template into literal text and filled-in variables, so that a variable
 * can be rendered apart (e.g. the reader's query inside <bdi>):
 * ('{{count}} results for “{{query}}”', { count: '3', query: 'KPO' }) →
 * [{ text: '3', name: 'count' }, { text: ' results for “' }, { text: 'KPO', name: 'query' }, { text: '”' }].
 */
export function templateParts(
  template: string,
  vars: Record<string, string>,
): { text: string; name?: string }[] {
  return template
    .split(/(\{\{\s*\w+\s*\}\})/)
    .filter(Boolean)
    .map((part) => {
      const name = part.match(/^\{\{\s*(\w+)\s*\}\}$/)?.[1];
      return name !== undefined && Object.hasOwn(vars, name) ? { text: vars[name]!, name } : { text: part };
    });
}

/**
 * A result count as Intl.NumberFormat writes it in `intl`. Below 1,000 that is the bare Latin
 * digits in each of the site's locales (Arabic too: ar-MA), so no formatter is made for it: a
 * page's first Intl.NumberFormat costs Chromium 30–80 ms of main thread, which sat between the
 * first keystroke and the first results (tests/unit/search.test.ts holds the two equal).
 */
export function formatCount(count: number, intl: string): string {
  return Number.isInteger(count) && count >= 0 && count < 1000
    ? String(count)
    : new Intl.NumberFormat(intl).format(count);
}

/** Plural templates of one dictionary key, by CLDR category (search.results_one → one). */
export type PluralTemplates = Partial<Record<Intl.LDMLPluralRule, string>>;

/**
 * The template for a count, as i18next picks it: `zero` for 0 when the language has one,
 * else the CLDR category of `intl`: (ar templates, 3, 'ar-MA') → templates.few.
 */
export function pluralTemplate(templates: PluralTemplates, count: number, intl: string): string {
  const category = new Intl.PluralRules(intl).select(count);
  return (count === 0 ? templates.zero : undefined) ?? templates[category] ?? templates.other ?? '';
}

/** An element with an id in an indexed page, as Pagefind reports it. */
export interface Anchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/**
 * Where a match should land: the id of the last element with an id that starts at or before the
 * first matching word, e.g. the glossary entry `term-kpo` rather than the list's heading.
 * Headings h1 are skipped (the page itself is the target); undefined when no anchor precedes.
 */
export function landingAnchor(locations: readonly number[], anchors: readonly Anchor[]): string | undefined {
  if (locations.length === 0) return undefined;
  const first = Math.min(...locations);
  let best: Anchor | undefined;
  for (const a of anchors) {
    if (a.element === 'h1' || a.location > first) continue;
    if (!best || a.location >= best.location) best = a;
  }
  return best?.id;
}

/** A page URL with its fragment replaced: ('/fr/glossary/#terms', 'term-kpo') → '/fr/glossary/#term-kpo'. */
export function withFragment(url: string, id: string | undefined): string {
  const page = url.split('#')[0] ?? url;
  return id ? `${page}#${encodeURIComponent(id)}` : page;
}

/** The dictionary strings the search scripts need, passed from the page to the browser as JSON. */
export interface SearchStrings {
  /** Intl locale for numbers and plural rules, e.g. 'ar-MA'. */
  intl: string;
  results: PluralTemplates;
  empty: string;
  noResultsHint: string;
  tooLong: string;
  unavailable: string;
  sections: string;
  types: Record<PageType, string>;
}

/**
 * The quick index of a language, under pagefind/: the header box's first results,
 * without loading Pagefind. 'fr' → 'quick.fr.json'.
 */
export const quickIndexFile = (lang: string) => `quick.${lang}.json`;
