/**
 * Pages that moved: in every language, /{lang}/sites/… is now /{lang}/parks/… (the park pages
 * took the word their data, components and search filter use). Old links keep working three ways,
 * all from this list: a static page at each old path that sends the browser on (Astro's
 * `redirects`, astro.config.mjs), `_redirects` lines for Netlify (src/integrations/host-files.ts)
 * and a 301 in server/nginx.conf, written by hand there and compared with this list by
 * tests/unit/redirects.test.ts.
 */
export const movedSections: readonly { from: string; to: string }[] = [{ from: 'sites', to: 'parks' }];

/** Astro's `redirects`: '/[lang]/sites' → '/[lang]/parks', and each page under it, for every language the routes have. */
export function astroRedirects(): Record<string, string> {
  return Object.fromEntries(
    movedSections.flatMap(({ from, to }) => [
      [`/[lang]/${from}`, `/[lang]/${to}`],
      [`/[lang]/${from}/[slug]`, `/[lang]/${to}/[slug]`],
    ]),
  );
}

/**
 * `_redirects` lines (Netlify): ('/', ['fr']) → ['/fr/sites/*  /fr/parks/:splat  301!']. The `!`
 * makes the 301 win over the static redirect page that also sits at the old path.
 */
export function netlifyRedirects(base: string, locales: readonly string[]): string[] {
  return movedSections.flatMap(({ from, to }) => locales.map((l) => `${base}${l}/${from}/*  ${base}${l}/${to}/:splat  301!`));
}

/** Whether a built HTML file is one of those static redirect pages, not a page of the guide. */
export const isRedirectPage = (html: string): boolean => /<meta http-equiv="refresh"/i.test(html);
