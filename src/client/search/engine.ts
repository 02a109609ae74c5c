/**
 * The browser side of the site search: loads Pagefind on first use, searches the
 * index of the page's language (Pagefind reads <html lang>), and turns its results into plain
 * data for our own UI. Nothing here runs until a reader focuses a search box or opens the
 * search page: Pagefind's script, WebAssembly and index are fetched at that moment only.
 */
import { arabicQueryVariants } from '../../lib/arabic-search';
import {
  excerptRuns,
  isPageType,
  landingAnchor,
  ligatureVariants,
  mergeResults,
  restoreApostrophes,
  withFragment,
  type Anchor,
  type Filters,
  type Hit,
} from '../../lib/search';
import { withBase } from '../../i18n/paths';
import type { OfflineIndexData } from '../../lib/offline-search';
import { loadQuickIndex, quickSearch } from './quick';

/** The part of Pagefind's browser API (pagefind.js 1.x) that we use. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(
    term: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<Fragment>;
}
interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  anchor?: Anchor;
}
interface Fragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: Anchor[];
  sub_results: SubResult[];
}

export type { Filters, Hit, Section } from '../../lib/search';
/** A finished search: how many pages match, and their data a slice at a time (each costs a fetch). */
export interface Found {
  total: number;
  hits(from: number, to: number): Promise<Hit[]>;
}

let pagefind: Promise<Pagefind> | undefined;

/** Imports `${base}pagefind/pagefind.js` once; a failed load may be retried by the next call. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const pf = (await import(/* @vite-ignore */ withBase('/pagefind/pagefind.js', base))) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 24 });
    await pf.init();
    return pf;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/**
 * Searches the page's language. Arabic queries are searched under a few spellings (see
 * src/lib/arabic-search.ts), French ones with œ both ways, and the lists merged, each page once.
 */
export async function search(query: string, lang: string, filters: Filters = {}): Promise<Found> {
  const pf = await loadPagefind();
  const variants =
    lang === 'ar' ? arabicQueryVariants(query) : lang === 'fr' ? ligatureVariants(query) : [query];
  const pfFilters: Record<string, string> = {};
  if (filters.type) pfFilters['type'] = filters.type;
  if (filters.region) pfFilters['region'] = filters.region;
  const lists = await Promise.all(variants.map((v) => pf.search(v, { filters: pfFilters })));
  const merged = mergeResults(lists.map((l) => l?.results ?? []));
  return {
    total: merged.length,
    hits: (from, to) => Promise.all(merged.slice(from, to).map(async (r) => toHit(await r.data()))),
  };
}

function toHit(f: Fragment): Hit {
  const type = f.filters['type']?.[0];
  // Sections under a heading with an id; each lands on the closest id before its first match
  // (a glossary entry rather than the glossary's heading).
  const top = f.sub_results.find((s) => !s.anchor || s.anchor.element === 'h1');
  const sections = f.sub_results
    .filter((s) => s !== top)
    .slice(0, 3)
    .map((s) => ({
      url: withFragment(s.url, landingAnchor(s.locations, f.anchors) ?? s.anchor?.id),
      title: restoreApostrophes(s.title),
      excerpt: excerptRuns(s.excerpt),
    }));
  return {
    url: f.url,
    title: restoreApostrophes(f.meta['title'] ?? f.url),
    type: isPageType(type) ? type : 'other',
    region: f.filters['region']?.[0],
    excerpt: excerptRuns(f.excerpt),
    lead: excerptRuns(top?.excerpt ?? (sections.length > 0 ? '' : f.excerpt)),
    sections,
  };
}

/**
 * The header box's search: the quick index (./quick.ts) when the site has one, a
 * fraction of Pagefind's bytes for the first results; Pagefind otherwise.
 */
export async function searchQuick(query: string, lang: string): Promise<Found> {
  const quick = await loadQuickIndex(lang);
  if (!quick) return search(query, lang);
  const found = quickSearch(quick, query);
  return { total: found.total, hits: (from, to) => Promise.resolve(found.hits(from, to)) };
}

/**
 * Fetches what searchQuick will need: the quick index (its data already on its way when
 * `fetched` is given), or Pagefind when there is none.
 */
export function preloadQuick(
  lang: string,
  fetched?: Promise<OfflineIndexData | undefined>,
): Promise<unknown> {
  return loadQuickIndex(lang, fetched).then((quick): Promise<unknown> =>
    quick ? Promise.resolve(quick) : loadPagefind(),
  );
}
