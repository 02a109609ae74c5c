/**
 * The site's own URLs as pages, layouts and data modules write them: the base path (BASE_PATH,
 * src/data/deployment.ts) is read here once, so no caller passes it. The pure functions that take
 * the base as an argument stay in ./paths (unit-tested, and used by browser code).
 */
import type { Locale } from './locales';
import { alternatePaths, localizePath, stripBase, withBase } from './paths';

/** The base path the site is built for, with a trailing slash: '/' or '/offshoring/'. */
export const base: string = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

/** A page in a language: ('en', '/parks/') → '/offshoring/en/parks/' under /offshoring/. */
export const pagePath = (lang: Locale, path = '/'): string => localizePath(lang, path, base);

/** A file outside the language folders: '/favicon.svg' → '/offshoring/favicon.svg'. */
export const filePath = (path: string): string => withBase(path, base);

/** The path of a request without the base: '/offshoring/fr/x/' → '/fr/x/'. */
export const sitePath = (pathname: string): string => stripBase(pathname, base);

/** The same page in every language, from the current pathname (language picker, hreflang). */
export const alternatePagePaths = (pathname: string): Record<Locale, string> =>
  alternatePaths(pathname, base);
