import { defaultLocale, isLocale, localeCodes, type Locale } from './locales';

/** Joins the site base with a path: ('/offshoring/', '/fr/') → '/offshoring/fr/'. */
export function withBase(path: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Strips the base from a pathname: ('/offshoring/fr/x/', '/offshoring/') → '/fr/x/'. */
export function stripBase(pathname: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return pathname.startsWith(b) ? `/${pathname.slice(b.length)}` : pathname;
}

/** Locale of a base-less pathname: '/ar/parks/' → 'ar'; '/' → undefined. */
export function localeFromPath(pathname: string): Locale | undefined {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : undefined;
}

/** Path within a locale, without the locale: '/en/parks/fes-shore/' → '/parks/fes-shore/'. */
export function pathWithoutLocale(pathname: string): string {
  const lang = localeFromPath(pathname);
  return lang ? pathname.slice(lang.length + 1) || '/' : pathname;
}

/** Localised path: ('en', '/parks/') → '/en/parks/'. Always ends with a slash unless it has a fragment or query. */
export function localizePath(lang: Locale, path = '/', base = '/'): string {
  let p = path.startsWith('/') ? path : `/${path}`;
  if (!/[#?]/.test(p) && !p.endsWith('/')) p += '/';
  return withBase(`/${lang}${p === '/' ? '/' : p}`, base);
}

/** The same page in every locale: '/fr/parks/' → { fr: '/fr/parks/', en: '/en/parks/', ar: '/ar/parks/' }. */
export function alternatePaths(pathname: string, base = '/'): Record<Locale, string> {
  const rest = pathWithoutLocale(stripBase(pathname, base));
  return Object.fromEntries(localeCodes.map((l) => [l, localizePath(l, rest, base)])) as Record<
    Locale,
    string
  >;
}

/** Picks the best site locale from an ordered list such as navigator.languages. */
export function negotiateLocale(preferred: readonly string[], fallback: Locale = defaultLocale): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return fallback;
}
