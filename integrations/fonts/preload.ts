/**
 * Preload links for the fonts a page's language is set in. Without them the browser finds the
 * font files only once the stylesheet has arrived and the text is laid out: on an Arabic page on
 * a slow mobile link that delays the largest contentful paint by about 150 ms.
 *
 * Pure: the build step (subset.ts, `preload`) reads the pages and their stylesheets. A page gets
 * one link per subset face (the @font-face rules of global.css cut down to the site's text) of
 * the families its language uses, at the hashed URL Vite gave the file in the built stylesheet;
 * the whole faces (Latin Extended) are fetched only when a rare character needs them and are not
 * preloaded. The built HTML is Astro's own output (attributes in double quotes).
 */

/** A face's file name without folder and extension: '@x/files/inter-latin-wght-normal.woff2' → 'inter-latin-wght-normal'. */
export function fontStem(source: string): string {
  return source.slice(source.lastIndexOf('/') + 1).replace(/\.woff2$/, '');
}

/** The font URLs of a built stylesheet's @font-face rules, with their family. */
export function builtFontFaces(css: string): { family: string; url: string }[] {
  const out: { family: string; url: string }[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const family = /(?:^|;)\s*font-family\s*:\s*([^;]+)/
      .exec(body!)?.[1]
      ?.trim()
      .replace(/^['"]|['"]$/g, '');
    const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(body!)?.[1];
    if (family && url) out.push({ family, url });
  }
  return out;
}

/** The stylesheets a page links, in order. */
export function stylesheetHrefs(html: string): string[] {
  const head = html.slice(0, html.search(/<\/head>/i) >>> 0);
  return [...head.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\srel="stylesheet"/.test(tag))
    .map((tag) => /\shref="([^"]*)"/.exec(tag)?.[1])
    .filter((href): href is string => href !== undefined);
}

/**
 * The URLs to preload on a page: for each face (family, file stem) the page's language uses, the
 * built URL of that file in the page's stylesheets, which Vite names `{stem}.{hash}.woff2`.
 * A stylesheet that declares the family without that file is a build error, naming page and file.
 */
export function fontPreloadUrls(
  page: string,
  faces: readonly { family: string; stem: string }[],
  built: readonly { family: string; url: string }[],
): string[] {
  const urls: string[] = [];
  for (const face of faces) {
    const ofFamily = built.filter((b) => b.family === face.family);
    if (ofFamily.length === 0) continue; // the page does not load this family at all
    const file = (url: string) => url.slice(url.lastIndexOf('/') + 1);
    const match = ofFamily.find((b) =>
      new RegExp(`^${escape(face.stem)}(\\.[\\w-]+)?\\.woff2$`).test(file(b.url)),
    );
    if (!match)
      throw new Error(
        `${page}: its stylesheet declares "${face.family}" but no ${face.stem}.woff2 to preload (${ofFamily.map((b) => b.url).join(', ')})`,
      );
    if (!urls.includes(match.url)) urls.push(match.url);
  }
  return urls;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A `<link rel="preload">` for each URL, after the page's last stylesheet link (or before `</head>`). */
export function addFontPreloads(html: string, urls: readonly string[]): string {
  if (urls.length === 0) return html;
  const links = urls
    .map((u) => `<link rel="preload" href="${u}" as="font" type="font/woff2" crossorigin>`)
    .join('');
  const end = html.search(/<\/head>/i);
  if (end < 0) return html;
  const head = html.slice(0, end);
  let at = -1;
  for (const m of head.matchAll(/<link\b[^>]*\srel="stylesheet"[^>]*>/g)) at = m.index! + m[0].length;
  if (at < 0) at = end;
  return html.slice(0, at) + links + html.slice(at);
}

/** Removes the font preload links (the offline copy carries its fonts inside the stylesheet). */
export function removeFontPreloads(html: string): string {
  return html.replace(/<link\b(?=[^>]*\srel="preload")(?=[^>]*\sas="font")[^>]*>/g, '');
}
