/**
 * What a built page costs a browser on first view, read from the files in dist/: the
 * HTML, the stylesheets it links, the scripts it runs (module scripts and their static imports,
 * inline scripts) and the files its scripts fetch as it opens (`onOpen` in tests/budgets.ts).
 * Only node: imports, so that bench/ can use it under plain Node.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cssUrls, elements, jsImports } from './html.ts';

/** Files that are compressed already: a host sends them as they are. */
const precompressed =
  /\.(woff2?|png|jpe?g|webp|avif|gif|zip|pdf|pagefind|pf_meta|pf_fragment|pf_index|pf_filter)$/;

/** Bytes on the wire for a file: gzip (zlib default level) for text, its size for compressed formats. */
export function wireBytes(file: string): number {
  return precompressed.test(file) ? statSync(file).size : gzipSync(readFileSync(file)).length;
}

export interface Counted {
  /** Site path of the file, e.g. '/_astro/global.x.css'; '(inline)' for an inline script. */
  path: string;
  kind: 'html' | 'css' | 'js' | 'inline-js' | 'on-open';
  bytes: number;
}
export interface PageWeight {
  html: number;
  css: number;
  js: number;
  files: Counted[];
}

interface Site {
  dist: string;
  base: string;
}

/** Site path of a reference made from `from`, or undefined when it leaves the site. */
function sitePath(ref: string, from: string, { base }: Site): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return undefined;
  const url = new URL(ref, `http://x${base.replace(/\/$/, '')}${from}`);
  return url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : undefined;
}

/** 'pagefind/wasm.{lang}.pagefind' → the matching files under dist, as site paths. */
function expand(pattern: string, lang: string, { dist }: Site): string[] {
  const wanted = pattern.replaceAll('{lang}', lang);
  const dir = dirname(wanted);
  const re = new RegExp(
    `^${wanted
      .slice(dir.length + 1)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')}$`,
  );
  const found = existsSync(join(dist, dir)) ? readdirSync(join(dist, dir)).filter((f) => re.test(f)) : [];
  if (found.length === 0) throw new Error(`budget onOpen "${pattern}" matches no file in ${join(dist, dir)}`);
  return found.map((f) => `/${dir}/${f}`);
}

/**
 * pageWeight({ dist, base: '/' }, '/fr/', []) → { html: 7198, css: 7124, js: 1702, files: [...] }:
 * gzip bytes of one built page's first view.
 */
export function pageWeight(site: Site, path: string, onOpen: readonly string[] = []): PageWeight {
  const file = (p: string) => join(site.dist, decodeURIComponent(p).replace(/\/$/, '/index.html'));
  const html = readFileSync(file(path), 'utf8');
  const lang = html.match(/<html[^>]*\slang="([^"]+)"/)?.[1] ?? '';
  const files: Counted[] = [{ path, kind: 'html', bytes: gzipSync(html).length }];
  const seen = new Set<string>();
  const add = (p: string | undefined, kind: Counted['kind']) => {
    if (!p || seen.has(p)) return;
    seen.add(p);
    if (!existsSync(file(p))) throw new Error(`${path} loads ${p}, which is not in dist/`);
    files.push({ path: p, kind, bytes: wireBytes(file(p)) });
    if (kind === 'js' && p.endsWith('.js'))
      for (const m of jsImports(readFileSync(file(p), 'utf8')).static) add(sitePath(m, p, site), 'js');
  };
  for (const link of elements(html, 'link'))
    if (link.rel === 'stylesheet' && link.href) add(sitePath(link.href, path, site), 'css');
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const type = attributes.match(/\stype="([^"]*)"/)?.[1] ?? '';
    if (!['', 'module', 'text/javascript'].includes(type)) continue; // JSON data, structured data
    const src = attributes.match(/\ssrc="([^"]*)"/)?.[1];
    if (src) add(sitePath(src.replace(/&amp;/g, '&'), path, site), 'js');
    else if (body.trim()) files.push({ path: '(inline)', kind: 'inline-js', bytes: gzipSync(body).length });
  }
  for (const pattern of onOpen) for (const p of expand(pattern, lang, site)) add(p, 'on-open');
  const sum = (...kinds: Counted['kind'][]) =>
    files.filter((f) => kinds.includes(f.kind)).reduce((n, f) => n + f.bytes, 0);
  return { html: sum('html'), css: sum('css'), js: sum('js', 'inline-js', 'on-open'), files };
}

/** Files under dist that a stylesheet declares as fonts: site path → woff2 size. */
export function fontFiles(site: Site): Map<string, number> {
  const sizes = new Map<string, number>();
  const astro = join(site.dist, '_astro');
  for (const css of readdirSync(astro).filter((f) => f.endsWith('.css'))) {
    for (const url of cssUrls(readFileSync(join(astro, css), 'utf8'))) {
      const p = sitePath(url, `/_astro/${css}`, site);
      if (p && /\.woff2?$/.test(p) && existsSync(join(site.dist, p)))
        sizes.set(p, statSync(join(site.dist, p)).size);
    }
  }
  return sizes;
}
