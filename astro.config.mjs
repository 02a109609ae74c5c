// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { locales, defaultLocale, languagesByFontFamily } from './src/i18n/locales.ts';
import offshoring from './integrations/offshoring.ts';
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
    mdx(),
    sitemap({
      // The root chooser is not a page of any one language (it is the x-default); the brochure
      // pages are the PDF's print source (noindex); old URLs of moved pages only redirect.
      filter: (page) =>
        new URL(page).pathname !== basePath &&
        !/\/brochure\/$/.test(new URL(page).pathname) &&
        !isOldPath(new URL(page).pathname, basePath),
      i18n: {
        defaultLocale,
        locales: Object.fromEntries(Object.values(locales).map((l) => [l.code, l.hreflang])),
      },
    }),
    // The build pipeline, in order, is integrations/offshoring.ts: font subsets before Vite; after
    // the pages, social images, search index, offline copy, PDF brochures and precompressed copies.
    // Last, after sitemap's files: it indexes the finished pages and compresses every text file.
    offshoring({
      languages: Object.keys(locales),
      // Each web font with the languages set in it, from the registry's scripts.
      fontFamilies: languagesByFontFamily(),
    }),
  ],
  // Each page gets a <meta> Content-Security-Policy with hashes of its scripts and styles: no
  // 'unsafe-inline'. Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval'. Headers that a
  // <meta> cannot carry (frame-ancestors…) are in _headers (integrations/host-files.ts).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // No code blocks here; Shiki's inline styles would need 'unsafe-inline' under the CSP.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [tailwindcss()],
    build: {
      rolldownOptions: {
        // Astro wraps each MDX entry in a module that opens with a "use astro:head-inject"
        // directive, which Rolldown warns it cannot keep; nothing reads the directive. One warning
        // of ten lines per entry buried the build's log (some 70,000 lines at 100× the pages).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
