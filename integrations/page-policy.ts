/**
 * Each page's Content-Security-Policy names only the inline scripts and styles that page holds.
 * Astro writes the hashes of every inline script and style of the whole site into every page's
 * <meta> policy (ten script and five style hashes here, about 800 bytes that gzip cannot shrink);
 * a page needs only its own. On the longest pages that is the difference between HTML that arrives
 * in the first round trip of a new connection and HTML that needs a second one.
 *
 * Only removes: an inline script or style whose hash the policy lacks stops the build, as the
 * browser would refuse it. The `fonts` step (fonts/subset.ts) applies it in its pass over the pages.
 */
import { createHash } from 'node:crypto';

const policyMeta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** The policy's source for `text`: `'sha256-…'`. */
export const hashSource = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The inline scripts a browser runs (not JSON data blocks) and the inline styles of a page. */
export function inlineSources(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\ssrc=/i.test(attrs!))
    .filter(([, attrs]) => {
      const type = /\stype="([^"]*)"/i.exec(attrs!)?.[1]?.toLowerCase();
      return type === undefined || type === '' || type === 'module' || type === 'text/javascript';
    })
    .map(([, , body]) => body!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => body!);
  return { scripts, styles };
}

/**
 * The page with its policy's script-src and style-src keeping, of their hashes, only those of the
 * page's own inline scripts and styles. Unchanged when the page has no policy.
 */
export function trimPolicyHashes(html: string, page = 'page'): string {
  const meta = policyMeta.exec(html);
  if (!meta) return html;
  const own = inlineSources(html);
  const wanted = { 'script-src': own.scripts.map(hashSource), 'style-src': own.styles.map(hashSource) };
  const directives = meta[2]!.split(';').map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name !== 'script-src' && name !== 'style-src') return directive;
    const needed = wanted[name];
    const missing = needed.filter((h) => !sources.includes(h));
    if (missing.length > 0)
      throw new Error(
        `${page}: its ${name} lacks the hash of an inline ${name === 'script-src' ? 'script' : 'style'} it holds (${missing.join(' ')}); the browser would refuse it`,
      );
    return [name, ...sources.filter((s) => !s.startsWith("'sha") || needed.includes(s))].join(' ');
  });
  return html.replace(
    policyMeta,
    (_, head: string, __: string, tail: string) => `${head}${directives.join(';')}${tail}`,
  );
}
