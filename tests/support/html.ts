/**
 * Reading built HTML, CSS and JavaScript with regular expressions: enough for the markup Astro,
 * Vite and Tailwind write. No imports of the project, so bench/ can use it under plain Node.
 */

/** Attribute values of a tag in an HTML string: attrs(html, 'a', 'href'). */
export function attrs(html: string, tag: string, attr: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*?\\s${attr}="([^"]*)"`, 'g'))].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  );
}

/** Every id in an HTML string. */
export function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** Attributes of every `<tag …>` in an HTML string: elements(html, 'link') → [{ rel: 'stylesheet', href: '/…' }, …]. */
export function elements(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries(
      [...m[1]!.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [
        a[1]!,
        (a[2] ?? '').replace(/&amp;/g, '&'),
      ]),
    ),
  );
}

/** Files a stylesheet loads: url(…) values (fonts, images), quotes removed. */
export const cssUrls = (css: string) =>
  [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((m) => m[2]!)
    .filter((u) => !u.startsWith('data:'));

/** Modules a built script imports (integrations/module-preload.ts, which the build uses too). */
export { jsImports } from '../../integrations/module-preload.ts';
