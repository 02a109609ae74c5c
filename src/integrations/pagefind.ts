/**
 * Builds the Pagefind search index after `astro build` (issue 4), with Pagefind's Node API.
 * Pagefind reads `<html lang>` and writes one index per language into dist/pagefind/; only the
 * elements marked `data-pagefind-body` are indexed. Any Pagefind error, or a site language that
 * ends up with no indexed page, fails the build.
 *
 * The index lives at dist/pagefind/ whatever Astro's `base`: dist/ is the site root, and the
 * browser imports `${base}pagefind/pagefind.js`, from which Pagefind derives the result URLs.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { indexableHtml } from '../lib/search';

interface Options {
  /** Language codes that must each get an index with at least one page. */
  languages: readonly string[];
}

/** Pagefind's ready-made UI bundles: we ship our own small UI, whose strings we control. */
const unusedBundles = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

export default function pagefindIndex({ languages }: Options): AstroIntegration {
  return {
    name: 'offshoring:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('pagefind');
        const site = fileURLToPath(dir);
        const outputPath = join(site, 'pagefind');
        const started = performance.now();
        try {
          const { index } = ok(await pagefind.createIndex({}), log);
          if (!index) throw new Error('Pagefind returned no index');
          // Each page as HTML text rather than addDirectory, to fix two word-splitting problems
          // first (see indexableHtml); the URL is the page's path under the site root.
          // Sorted: readdir order depends on the file system, and Pagefind numbers pages in the
          // order they are added, so an unsorted walk could change the index between builds.
          const files = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`)).sort();
          for (const file of files) {
            const url = `/${file.split(sep).join('/')}`.replace(/index\.html$/, '');
            ok(await index.addHTMLFile({ url, content: indexableHtml(await readFile(join(site, file), 'utf8')) }), log);
          }
          ok(await index.writeFiles({ outputPath }), log);
          await Promise.all(unusedBundles.map((f) => rm(join(outputPath, f), { force: true })));
          const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
          const missing = languages.filter((l) => !(entry.languages[l]?.page_count));
          if (missing.length > 0) throw new Error(`no page indexed in ${missing.join(', ')}: is data-pagefind-body missing, or <html lang> wrong?`);
          const counts = Object.entries(entry.languages).map(([l, v]) => `${l} ${v.page_count}`).join(', ');
          log.info(`read ${files.length} HTML files; indexed pages by language: ${counts}; took ${Math.round(performance.now() - started)} ms`);
        } catch (cause) {
          throw new Error('Building the search index with Pagefind failed', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/** Throws on any error Pagefind reports, after logging each one. */
function ok<T extends { errors: string[] }>(response: T, log: AstroIntegrationLogger): T {
  if (response.errors.length === 0) return response;
  for (const e of response.errors) log.error(e);
  throw new Error(`Pagefind: ${response.errors.join('; ')}`);
}
