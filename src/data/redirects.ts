/**
 * Pages that moved: in every language, /{lang}/sites/… is now /{lang}/parks/… (the park pages
 * took the word their data, components and search filter use). Old links keep working three ways,
 * all from this list: a static page at each old path that sends the browser on
 * (src/pages/[lang]/[moved]/[...rest].astro), `_redirects` lines for Netlify
 * (integrations/host-files.ts) and a 301 in server/nginx.conf, written by hand there and
 * compared with this list by tests/unit/redirects.test.ts.
 *
 * Astro's own `redirects` setting is not used: its static pages point to the new path without the
 * base path (BASE_PATH), and a dynamic destination cannot carry it.
 */
import type { ProseCollection } from '../lib/prose';

/** `collection`: the entries whose pages are under the new path, one redirect page each. */
export const movedSections: readonly { from: string; to: string; collection: ProseCollection }[] = [
  { from: 'sites', to: 'parks', collection: 'parkPages' },
];

/**
 * `_redirects` lines (Netlify): ('/', ['fr']) → ['/fr/sites/*  /fr/parks/:splat  301!']. The `!`
 * makes the 301 win over the static redirect page that also sits at the old path.
 */
export function netlifyRedirects(base: string, locales: readonly string[]): string[] {
  return movedSections.flatMap(({ from, to }) =>
    locales.map((l) => `${base}${l}/${from}/*  ${base}${l}/${to}/:splat  301!`),
  );
}

/** Whether a path (with the base) is an old URL of a moved page: ('/offshoring/fr/sites/x/', '/offshoring/') → true. */
export function isOldPath(pathname: string, base: string): boolean {
  const rest = pathname.slice(base.endsWith('/') ? base.length : base.length + 1);
  const [, section] = rest.split('/');
  return movedSections.some(({ from }) => section === from);
}

/** Whether a built HTML file is one of those static redirect pages, not a page of the guide. */
export const isRedirectPage = (html: string): boolean => /<meta http-equiv="refresh"/i.test(html);
