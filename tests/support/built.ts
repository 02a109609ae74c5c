/** Reading the built site (dist/) for link, head-tag and budget checks. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { basePath, dist } from './site';
import { isRedirectPage } from '../../src/data/redirects';

export { attrs, cssUrls, elements, ids, jsImports } from './html.ts';

export const base = basePath;

/** Every built HTML page as a site path: 'fr/index.html' → '/fr/'. Not the redirect pages left at moved pages' old URLs. */
export function builtPages(): { path: string; file: string }[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !isRedirectPage(readFileSync(join(dist, f), 'utf8')))
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

/**
 * Where a reference made from a site path points, as a static host resolves it:
 * resolveRef('../x/#a', '/fr/parks/') → { sitePath: '/fr/x/', hash: '#a' }; undefined for another
 * origin or scheme (https:, mailto:…), `outside` when it leaves the base path.
 */
export function resolveRef(
  ref: string,
  from: string,
): { sitePath: string; hash: string } | 'outside' | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return undefined;
  const target = new URL(ref, `http://x${base.replace(/\/$/, '')}${from}`);
  if (!target.pathname.startsWith(base)) return 'outside';
  return { sitePath: `/${target.pathname.slice(base.length)}`, hash: target.hash };
}
