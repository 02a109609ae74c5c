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
