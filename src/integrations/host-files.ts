/**
 * Files static hosts read from the site root, written after the build so they follow the
 * configured site URL and base path: robots.txt, _headers (security and caching) and _redirects
 * (language negotiation at `/` for hosts that understand `Language=` conditions, e.g. Netlify).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { netlifyRedirects } from '../data/redirects';

/** Headers for every response; the page's own <meta> CSP carries script-src/style-src hashes. */
export const securityHeaders = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
};

export default function hostFiles(locales: string[]): AstroIntegration {
  let site = '';
  let base = '/';
  return {
    name: 'host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${base}sitemap-index.xml`, site).href}\n`);
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
        writeFileSync(join(out, '_headers'), `${headers.join('\n')}\n`);
        const redirects = locales.map((l) => `${base}  ${base}${l}/  302  Language=${l}`);
        writeFileSync(join(out, '_redirects'), `# Language negotiation at the root (Netlify syntax); other visitors get the chooser page.\n${redirects.join('\n')}\n# Pages that moved (src/data/redirects.ts).\n${netlifyRedirects(base, locales).join('\n')}\n`);
        logger.info('robots.txt, _headers and _redirects written');
      },
    },
  };
}
