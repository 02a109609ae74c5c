/**
 * The theme choice carried from page to page of the offline copy. Firefox gives each
 * file:// page its own origin, so localStorage is not shared between pages: the choice travels
 * as `?theme=light|dark` on the links instead (file:// ignores the query when opening a file).
 * Pure: the offline site script passes URLs in and out.
 */

export type Theme = 'light' | 'dark';

/** The theme a URL carries: '…/index.html?theme=dark#x' → 'dark'; undefined without one. */
export function carriedTheme(url: string): Theme | undefined {
  const m = /[?&]theme=(light|dark)(?:[&#]|$)/.exec(url);
  return m ? (m[1] as Theme) : undefined;
}

/**
 * A link of the copy with the theme set on it (replacing one it had): only file: URLs, so links
 * to the hosted site or elsewhere are left alone, and a link to the same page (a #fragment) too.
 */
export function withTheme(href: string, theme: Theme, current: string): string {
  let url: URL;
  try {
    url = new URL(href, current);
  } catch {
    return href;
  }
  if (url.protocol !== 'file:') return href;
  const here = new URL(current);
  if (url.pathname === here.pathname && url.search === here.search && url.hash) return href;
  url.searchParams.set('theme', theme);
  return url.href;
}
