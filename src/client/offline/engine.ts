/**
 * The offline copy's search engine, with the interface of ../search/engine.ts so the
 * same UI draws its results: the page's language index comes from a classic script
 * (`_offline/search-index-{lang}.js`), is indexed in the browser and searched with
 * src/lib/offline-search.ts. Result URLs are made relative to the page.
 */
import { createOfflineIndex, searchOffline, type OfflineIndex } from '../../lib/offline-search';
import type { Filters, Found, Hit } from '../search/engine';
import { loadScript, offlineRoot } from './load';

export type { Filters, Found, Hit, Section } from '../search/engine';

let index: Promise<OfflineIndex> | undefined;

/** Loads and indexes the page language's texts once (the name is the online engine's). */
export function loadPagefind(): Promise<OfflineIndex> {
  const lang = document.documentElement.lang;
  index ??= loadScript(`search-index-${lang}.js`).then(() => {
    const data = window.offshoringSearchIndex?.[lang];
    if (!data) throw new Error(`no offline search index for ${lang}`);
    return createOfflineIndex(data);
  });
  index.catch(() => (index = undefined));
  return index;
}

/** Every page of the index that matches, best first; `lang` is the page's, as online. */
export async function search(query: string, _lang: string, filters: Filters = {}): Promise<Found> {
  const root = offlineRoot();
  const hits: Hit[] = searchOffline(await loadPagefind(), query, filters).map((h) => ({
    ...h,
    url: root + h.url,
    sections: h.sections.map((s) => ({ ...s, url: root + s.url })),
  }));
  return { total: hits.length, hits: (from, to) => Promise.resolve(hits.slice(from, to)) };
}

/** The header box's search: offline there is one index, the same as the search page's. */
export const searchQuick = (query: string, lang: string): Promise<Found> => search(query, lang);
export const preloadQuick = (_lang: string): Promise<unknown> => loadPagefind();
