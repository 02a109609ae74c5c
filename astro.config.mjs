// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { locales, defaultLocale } from './src/i18n/locales.ts';
import ogImages from './src/integrations/og-images.ts';
import hostFiles from './src/integrations/host-files.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import offlineExport from './src/integrations/offline-export.ts';
import precompress from './src/integrations/precompress.ts';
import fontSubsets from './src/integrations/font-subsets.ts';
import { basePath, siteUrl } from './src/data/deployment.ts';
import { isOldPath } from './src/data/redirects.ts';

export default defineConfig({
  // Deployment settings (SITE_URL, BASE_PATH): src/data/deployment.ts.
  site: siteUrl,
  base: basePath,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: Object.keys(locales),
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    // Web fonts cut down to the site's text and weights before Vite bundles them (issue 17):
    // each family with the languages set in it (global.css).
    fontSubsets({ languages: Object.keys(locales), families: { 'Inter Variable': ['fr', 'en'], 'Noto Sans Arabic Variable': ['ar'] } }),
    mdx(),
    ogImages(),
    hostFiles(Object.keys(locales)),
    sitemap({
      // The root chooser is not a page of any one language (it is the x-default); the brochure
      // pages are the PDF's print source (noindex); old URLs of moved pages only redirect.
      filter: (page) => new URL(page).pathname !== basePath && !/\/brochure\/$/.test(new URL(page).pathname) && !isOldPath(new URL(page).pathname, basePath),
      i18n: {
        defaultLocale,
        locales: Object.fromEntries(Object.values(locales).map((l) => [l.code, l.hreflang])),
      },
    }),
    // Last, so that it indexes the finished pages: one Pagefind index per language (issue 4).
    pagefindIndex({ languages: Object.keys(locales) }),
    // After Pagefind, from the finished pages: the offline copy, its zips and the PDF brochures,
    // in dist-export/ and dist/downloads/ (issue 8).
    offlineExport({ languages: Object.keys(locales) }),
    // Very last: .gz and .br copies of every text file, for servers that send them as they are
    // (server/nginx.conf, issue 19).
    precompress(),
  ],
  // Each page gets a <meta> Content-Security-Policy with hashes of its scripts and styles: no
  // 'unsafe-inline'. Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval'. Headers that a
  // <meta> cannot carry (frame-ancestors…) are in _headers (src/integrations/host-files.ts).
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // No code blocks here; Shiki's inline styles would need 'unsafe-inline' under the CSP.
  markdown: { syntaxHighlight: false },
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
});
