/** Reading the built site (dist/) for link, head-tag and budget checks. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dist } from './site';

export const base = process.env.BASE_PATH ?? '/';

/** Every built HTML page as a site path: 'fr/index.html' → '/fr/'. */
export function builtPages(): { path: string; file: string }[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ file: join(dist, f), path: `/${f.replace(/index\.html$/, '')}` }));
}

export const read = (file: string) => readFileSync(file, 'utf8');

/** Resolves a site path (without base) to a file in dist, as a static host would; undefined when missing. */
export function fileFor(path: string): string | undefined {
  const file = join(dist, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Attribute values of a tag in an HTML string: attrs(html, 'a', 'href'). */
export function attrs(html: string, tag: string, attr: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*?\\s${attr}="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

export function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** Attributes of every `<tag …>` in an HTML string: elements(html, 'link') → [{ rel: 'stylesheet', href: '/…' }, …]. */
export function elements(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, (a[2] ?? '').replace(/&amp;/g, '&')])),
  );
}

/**
 * Where a reference made from a site path points, as a static host resolves it:
 * resolveRef('../x/#a', '/fr/sites/') → { sitePath: '/fr/x/', hash: '#a' }; undefined for another
 * origin or scheme (https:, mailto:…), `outside` when it leaves the base path.
 */
export function resolveRef(ref: string, from: string): { sitePath: string; hash: string } | 'outside' | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return undefined;
  const target = new URL(ref, `http://x${base.replace(/\/$/, '')}${from}`);
  if (!target.pathname.startsWith(base)) return 'outside';
  return { sitePath: `/${target.pathname.slice(base.length)}`, hash: target.hash };
}

/** Files a stylesheet loads: url(…) values (fonts, images), quotes removed. */
export const cssUrls = (css: string) => [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!).filter((u) => !u.startsWith('data:'));

/** Modules a built script imports: `static` ones load with it, `dynamic` ones (import('…')) on demand. */
export function jsImports(code: string): { static: string[]; dynamic: string[] } {
  const literal = `["'\`]([^"'\`$]+)["'\`]`;
  return {
    static: [...code.matchAll(new RegExp(`(?:^|[;\\s}])import\\s*(?:[\\w*{}\\s,$]+from\\s*)?${literal}`, 'g'))].map((m) => m[1]!),
    dynamic: [...code.matchAll(new RegExp(`\\bimport\\(\\s*${literal}\\s*\\)`, 'g'))].map((m) => m[1]!),
  };
}
