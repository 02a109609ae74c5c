/**
 * Files static hosts read from the site root, written after the build so they follow the
 * configured site URL and base path: robots.txt, _headers (security and caching) and _redirects
 * (language negotiation at `/` for hosts that understand `Language=` conditions, e.g. Netlify).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { netlifyRedirects } from '../src/data/redirects';

/** Headers for every response; the page's own <meta> CSP carries script-src/style-src hashes. */
export const securityHeaders = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
};

/** Writes robots.txt, _headers and _redirects into `dist`, for the site URL and base path of the build. */
export async function writeHostFiles(
  dist: string,
  { site, base, languages }: { site: string; base: string; languages: readonly string[] },
): Promise<string> {
  await writeFile(
    join(dist, 'robots.txt'),
    `User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${base}sitemap-index.xml`, site).href}\n`,
  );
  const headers = [
    `${base}*`,
    ...Object.entries(securityHeaders).map(([k, v]) => `  ${k}: ${v}`),
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}pagefind/*`,
    '  Cache-Control: public, max-age=3600',
    `${base}og/*`,
    '  Cache-Control: public, max-age=86400',
  ];
  await writeFile(join(dist, '_headers'), `${headers.join('\n')}\n`);
  const redirects = languages.map((l) => `${base}  ${base}${l}/  302  Language=${l}`);
  await writeFile(
    join(dist, '_redirects'),
    `# Language negotiation at the root (Netlify syntax); other visitors get the chooser page.\n${redirects.join('\n')}\n# Pages that moved (src/data/redirects.ts).\n${netlifyRedirects(base, languages).join('\n')}\n`,
  );
  return 'robots.txt, _headers and _redirects written';
}
