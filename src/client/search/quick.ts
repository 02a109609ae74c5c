/**
 * The header box's quick search: the language's text from `pagefind/quick.{lang}.json`
 * (written by integrations/search-index/pagefind.ts, with its index made there), searched by
 * src/lib/offline-search.ts as the offline copy's search is. 49–63 kB gzipped for the guide,
 * where Pagefind needs 86 kB of script and WebAssembly before its first index chunk; results are
 * in the shape the panel draws. Undefined when the file holds no page (a site too large for it)
 * or cannot be loaded: the panel then uses Pagefind.
 */
import {
  createOfflineIndex,
  findOffline,
  type OfflineIndex,
  type OfflineIndexData,
} from '../../lib/offline-search';
import { quickIndexFile, type Hit } from '../../lib/search';
import { withBase } from '../../i18n/paths';

let quick: Promise<OfflineIndex | undefined> | undefined;

/**
 * The language's quick index, indexed once. `fetched`: the file's data when the caller started
 * the download already (the header box does, on the reader's first sign of intent).
 */
export function loadQuickIndex(
  lang: string,
  fetched?: Promise<OfflineIndexData | undefined>,
): Promise<OfflineIndex | undefined> {
  quick ??= (fetched ?? fetchQuickIndex(lang))
    .then((data) =>
      data && data.lang === lang && data.docs.length > 0 ? createOfflineIndex(data) : undefined,
    )
    .catch(() => undefined);
  return quick;
}

function fetchQuickIndex(lang: string): Promise<OfflineIndexData | undefined> {
  return fetch(withBase(`/pagefind/${quickIndexFile(lang)}`, import.meta.env.BASE_URL)).then((r) =>
    r.ok ? (r.json() as Promise<OfflineIndexData>) : undefined,
  );
}

/**
 * The quick index's results: the count, and each slice's excerpts made when asked for (the
 * panel draws five), with the site's base path in front of their URLs.
 */
export function quickSearch(
  index: OfflineIndex,
  text: string,
): { total: number; hits(from: number, to: number): Hit[] } {
  const base = import.meta.env.BASE_URL;
  const found = findOffline(index, text);
  return {
    total: found.total,
    hits: (from, to) =>
      found.hits(from, to).map((h) => ({
        ...h,
        url: withBase(h.url, base),
        sections: h.sections.map((s) => ({ ...s, url: withBase(s.url, base) })),
      })),
  };
}
