/**
 * Byte budgets: what one page may cost a browser on first view, per page type.
 * The one place where these numbers live: tests/e2e/budgets.test.ts enforces them on every built
 * page, `npm run bench` reports against them. Bytes are as sent over the wire: gzip (zlib's
 * default level 6, what common hosts send; brotli would be smaller still) for HTML, CSS, JS and
 * JSON, the file size for files that are compressed already (woff2, Pagefind's index files).
 *
 * Target: a mid-range Android phone on a 3G connection, taken as WebPageTest's "3G" profile —
 * 1.6 Mbit/s down (≈ 200 KB/s) and 300 ms round trips. Reasoning, per kind of file:
 *
 * - HTML and CSS block the first paint. Opening a connection costs about three round trips (DNS,
 *   TCP, TLS: ≈ 0.9 s), then TCP slow start sends ≈ 14 KB in the first round trip, 28 KB in the
 *   second, 56 KB in the third. A page whose HTML fits in about 20 KB and whose one stylesheet
 *   fits in 10 KB paints after ≈ 5 round trips, about 1.5 s, inside the 2.5 s that Core Web Vitals
 *   call a good Largest Contentful Paint, with room for a slower phone to parse and lay out.
 *   Page types whose text is long (sources, the parks map) get more HTML, never more CSS: the
 *   stylesheet is the same file on every page, cached after the first one.
 * - JavaScript never blocks the first paint here (type="module" scripts are deferred), but a
 *   mid-range phone parses and runs it on a slow core. Content pages run only what the header
 *   needs (search box, theme toggle, share buttons), one script: 2.3 KB, budget 2.5 KB; once
 *   they have loaded and the browser is idle, the search box's panel and search code (5.6 KB,
 *   `headerPanel`), so that a reader who types at once gets results at once. The
 *   estimator and seat-cost pages load their calculator (with a form reader both share) and its
 *   data (rules and words of one language) on the reader's intent or a second after the load
 *   event, out of the first paint's way and out of their HTML, which stays under 14 KB, the first
 *   round trip of a new connection: JS budgets 13 and 17.5 KB, HTML 14 and 12 KB. The search page loads its modules and the Pagefind engine on its first view, since searching
 *   is what the reader came for (at once with a query, else on intent or a second after the load
 *   event): its modules, Pagefind's script, worker, WebAssembly and the language's index
 *   metadata. What a page loads this way is listed in `onOpen`, because no tag in the HTML names it.
 * - Fonts are counted apart (see `fontBudgets`): they never hold back or move the text
 *   (font-display: optional: a font that misses the first paint is used from the next page on),
 *   and they are cached for every other page of the site.
 */
import { localeCodes, locales, type Script } from '../src/i18n/locales.ts';

export interface Budget {
  /** The HTML document, inline scripts and data included. */
  html: number;
  /** Stylesheets the page links (render-blocking). */
  css: number;
  /** Scripts run on first view: module scripts and their static imports, inline scripts, `onOpen` files. */
  js: number;
  /**
   * Files a script of the page fetches as it opens, which no tag names: paths under the site root,
   * `{lang}` is the page's language, `*` any characters.
   */
  onOpen?: string[];
}

const KB = 1000;

/**
 * The header search box's panel and search code, which every page with the header fetches once
 * it has loaded and the browser is idle (src/client/search/header.ts): 5.9 kB. Counted in the
 * JS of those pages, on top of what their first paint needs.
 */
const headerPanel = ['_astro/header-panel.*.js', '_astro/render.*.js'];
const panel = 6.1 * KB;

/** A page type with the header box: `js` is what its first paint runs, to which the panel's code is added. */
const withHeader = ({ js, onOpen = [], ...rest }: Budget): Budget => ({
  ...rest,
  js: js + panel,
  onOpen: [...onOpen, ...headerPanel],
});

/** Budget classes (kinds of page), each with the paths it covers (without base path) and its budget. Every built page must match one. */
export const budgetClasses = [
  {
    type: 'home',
    match: /^\/[a-z]{2}\/$/,
    budget: withHeader({ html: 12 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'pillar',
    match: /^\/[a-z]{2}\/pillars\/[^/]+\/$/,
    budget: withHeader({ html: 15 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'park',
    match: /^\/[a-z]{2}\/parks\/[^/]+\/$/,
    budget: withHeader({ html: 15 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'parks index',
    match: /^\/[a-z]{2}\/parks\/$/,
    budget: withHeader({ html: 12 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'incentive',
    match: /^\/[a-z]{2}\/incentives\/(?!estimator\/)[^/]+\/$/,
    budget: withHeader({ html: 15 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'incentives index',
    match: /^\/[a-z]{2}\/incentives\/$/,
    budget: withHeader({ html: 12 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'estimator',
    match: /^\/[a-z]{2}\/incentives\/estimator\/$/,
    budget: withHeader({
      html: 14 * KB,
      css: 10 * KB,
      // 12 KB until the window's end, the day in Morocco, the rate's decimals and the query kept
      // in shared links and the language picker (December 2026).
      js: 13 * KB,
      // The calculator, its form reader and its language's data, which SiteScript.astro loads
      // on the reader's intent or a second after the load event.
      onOpen: ['_astro/estimator.*.js', '_astro/query-form.*.js', '{lang}/incentives/estimator-data.js'],
    }),
  },
  {
    type: 'search',
    match: /^\/[a-z]{2}\/search\/$/,
    budget: {
      html: 6 * KB,
      css: 10 * KB,
      js: 101 * KB,
      onOpen: [
        // The page's own modules, which SiteScript.astro imports when it starts.
        '_astro/page.*.js',
        '_astro/render.*.js',
        'pagefind/pagefind.js',
        'pagefind/pagefind-worker.js',
        'pagefind/wasm.{lang}.pagefind',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind.{lang}_*.pf_meta',
      ],
    },
  },
  {
    type: 'glossary',
    match: /^\/[a-z]{2}\/glossary\/$/,
    budget: withHeader({ html: 11 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  // The method and every figure with its sources' ids (12.9 kB gzip in Arabic); the sources
  // themselves are listed by kind on the next type's pages (src/lib/sources.ts): together they
  // were 25 kB gzip, one round trip more than a content page. 16 kB gzip is about 13.3 kB in
  // Brotli, as served: still within a new connection's first round trip (14.6 kB), with room
  // for the figures and sources content adds.
  {
    type: 'sources',
    match: /^\/[a-z]{2}\/sources\/$/,
    // js: the site's script and the inline one that sends old links to a source (#src-…) on to its list.
    budget: withHeader({ html: 16 * KB, css: 10 * KB, js: 3 * KB }),
  },
  // One kind of source: publisher, title, date and link of each; the press (112 sources, 13.8 kB
  // gzip in Arabic) is the longest. Past 16 kB gzip, split the kind rather than raise this.
  {
    type: 'source list',
    match: /^\/[a-z]{2}\/sources\/[a-z-]+\/$/,
    budget: withHeader({ html: 16 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  // The print layout the PDF brochures are made from: no script, reached from the download links.
  { type: 'brochure', match: /^\/[a-z]{2}\/brochure\/$/, budget: { html: 14 * KB, css: 10 * KB, js: 0 } },
  { type: 'language chooser', match: /^\/$/, budget: { html: 3 * KB, css: 10 * KB, js: 1 * KB } },
  { type: 'not found', match: /^\/404\.html$/, budget: { html: 3 * KB, css: 10 * KB, js: 1 * KB } },
  // The investor's path. Setting up lists every step with its fields and sources and
  // the bodies to contact: long text (17.3 kB in Arabic at first).
  {
    type: 'setting up',
    match: /^\/[a-z]{2}\/setting-up\/$/,
    budget: withHeader({ html: 20 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'faq',
    match: /^\/[a-z]{2}\/faq\/$/,
    budget: withHeader({ html: 11 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  // The seat-cost calculator: its rates table and the sources each line cites are in the HTML; its script runs the payroll model.
  {
    type: 'seat cost',
    match: /^\/[a-z]{2}\/seat-cost\/$/,
    budget: withHeader({
      html: 12 * KB,
      css: 10 * KB,
      // 17 KB until December 2026, as for the estimator; 17.5 until the CSV carried the inputs and
      // the date in the estimator's layout, and the sources their direction (3 December 2026).
      js: 17.75 * KB,
      // As on the estimator page: the calculator, the form reader and the language's data.
      onOpen: ['_astro/seat-cost.*.js', '_astro/query-form.*.js', '{lang}/seat-cost-data.js'],
    }),
  },
  // Open data, the record of changes, the accessibility statement and the translation status:
  // text pages with the header's scripts. The status table grows with the pages (a row
  // each, three dates), the changes page with its entries: room for both.
  {
    type: 'open data',
    match: /^\/[a-z]{2}\/data\/$/,
    budget: withHeader({ html: 10 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'changes',
    match: /^\/[a-z]{2}\/changes\/$/,
    budget: withHeader({ html: 8 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'accessibility',
    match: /^\/[a-z]{2}\/accessibility\/$/,
    budget: withHeader({ html: 8 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
  {
    type: 'translation status',
    match: /^\/[a-z]{2}\/translation-status\/$/,
    budget: withHeader({ html: 10 * KB, css: 10 * KB, js: 2.5 * KB }),
  },
] as const satisfies readonly { type: string; match: RegExp; budget: Budget }[];

export type BudgetClass = (typeof budgetClasses)[number]['type'];

/** The budget class of a built page ('/fr/parks/fes-shore/' → 'park'), undefined when no type matches. */
export function budgetClassOf(path: string): (typeof budgetClasses)[number] | undefined {
  return budgetClasses.find((t) => t.match.test(path));
}

/**
 * Fonts a page downloads, per script of the page's language (woff2 file sizes).
 *
 * Rule: a browser fetches a @font-face file only when some text it draws needs a character in
 * that face's unicode-range, walking the element's font-family list (CSS Fonts 4, font
 * matching). Which files that makes depends on the text and on the font lists and ranges in
 * src/styles/global.css, so the test does not guess: it opens the page in Chromium with an empty
 * cache and adds up the .woff2 files it fetches. Each list has one web font, then system fonts,
 * and the ranges do not overlap, so that set does not depend on timing. Fonts are cached across
 * pages: this is the cost of the first page a reader opens.
 *
 * - Fonts are cut down at build time to the characters the site's text uses and to the weights
 *   it sets, 400 to 700 (integrations/fonts/subset.ts).
 * - Latin pages (fr, en): Inter's Latin face, 23 KB (48 KB whole); its Latin Extended face (85 KB,
 *   not cut down) would mean a character outside Western European Latin slipped in. Arabic words
 *   on these pages (the language picker's «العربية») use the system's Arabic font.
 * - Arabic pages: Noto Sans Arabic, its Arabic face (16.4 KB: the letters and marks of Arabic,
 *   with their joined forms and lam-alef ligatures; 166 KB whole) and its Latin one (13 KB, for
 *   digits and Latin names; 31 KB whole): 29.5 KB. Under about 17 KB the Arabic file reaches a
 *   slow link in two round trips beside the stylesheet (Lighthouse's LCP about 1065 ms, else 1210).
 * The budgets leave a few KB for text to come (1.5 KB for Arabic, for the reason above); the
 * issue's goal is 60 KB in at most 5 requests.
 */
export const fontBudgetsByScript = { Latn: 28 * KB, Arab: 31 * KB } as const satisfies Record<Script, number>;
/** Per language, from its script in src/i18n/locales.ts: a new language gets its script's budget. */
export const fontBudgets: Record<string, number> = Object.fromEntries(
  localeCodes.map((l) => [l, fontBudgetsByScript[locales[l].script]]),
);

/**
 * The header box's first search, per language: every file it needs, as sent (gzip for scripts
 * and JSON): the panel's script with the search code (5.5 KB), which the page fetches once it is
 * idle after its load event, and from the box's focus on the language's quick index, its pages' text with the
 * index made at build time (49–63 KB at 28 pages a language): 55–69 KB; Pagefind's engine alone
 * would be 86 KB. The goal is 80 KB; the budget keeps the room a few more pages need.
 */
export const headerSearchBudget = 72 * KB;

/**
 * Open datasets, /data/{name}.json and .csv, gzip bytes per file. Not on any page's
 * first view: a reuser downloads them on purpose. Each row repeats its sources in full (so that a
 * row stands alone when copied), which makes the files grow with the citations: the figures file,
 * the largest, is about 15 kB. The budget catches a mapper that starts copying far more per row.
 */
export const dataFileBudget = 30 * KB;

/**
 * A page's social preview image (1200 × 630 PNG), bytes. Drawn as an indexed PNG
 * (integrations/social-images/png.mjs): 11–23 kB today, the longest titles the largest; resvg's
 * own PNG of the same image was 35–45 kB. An image that falls back to it (more than 256 colours, or
 * transparency) goes past the budget.
 */
export const socialImageBudget = 30 * KB;
