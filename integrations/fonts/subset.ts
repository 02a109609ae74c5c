/**
 * Web fonts cut down to the site's own text at build time, with HarfBuzz's subsetter
 * (subset-font, its WebAssembly build). Noto Sans Arabic's Arabic file was 166 KB for the
 * whole Arabic script (Persian, Urdu, Sindhi letters, every weight from 100 to 900); an Arabic
 * page now fetches the letters Arabic uses and the weights the site uses.
 *
 * Before Vite runs, each @font-face of src/styles/global.css whose src is
 * `@subset-fonts/<package path>` gets its file: the package's font, kept to
 * - the characters of the face's unicode-range that the text of the languages set in that
 *   family uses (read from content/ and src/, see textByLanguage: a new page or entry is
 *   covered without a list to update), plus ALWAYS_KEPT (src/lib/font-subset.ts);
 * - the weights of the face's font-weight range (the variable font's wght axis, instanced);
 * - every OpenType layout feature, and HarfBuzz's glyph closure over them: the Arabic joining
 *   forms (init, medi, fina), the lam-alef ligatures (rlig) and mark positioning (mark, mkmk) of
 *   the letters kept are kept with them.
 * The files go to a folder of the build cache, which `@subset-fonts/` points to; Vite then
 * names them by content hash like any asset. A subset is cached under the hash of its font,
 * characters and weights (integrations/cache.ts).
 *
 * After the build (the `fonts` step of integrations/offshoring.ts), every page is read once: a
 * character its font's range covers but the subset lacks (text made at run time that no source
 * holds) fails the build, naming page and character, and the page gets preload links for its
 * language's subset files (preload.ts) and for the modules its scripts import (module-preload.ts);
 * its Content-Security-Policy keeps the hashes of its own inline code only (page-policy.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Options as SubsetOptions } from 'subset-font';
import { parse as parseYaml } from 'yaml';
import {
  charsInRanges,
  codePointsOf,
  missingChars,
  SUBSET_PREFIX,
  subsetFaces,
  textByLanguage,
  type SourceText,
  type SubsetFace,
} from '../../src/lib/font-subset';
import { buildCache, cacheDir, codeOf, type BuildCache } from '../cache';
import { addFontPreloads, builtFontFaces, fontPreloadUrls, fontStem, stylesheetHrefs } from './preload';
import { addModulePreloads, modulePreloadUrls, staticImports } from '../module-preload';
import { trimPolicyHashes } from '../page-policy';

interface Options {
  languages: readonly string[];
  /** The languages each font family is set in (global.css: :lang(ar) body uses the Arabic one). */
  families: Record<string, readonly string[]>;
  /** The stylesheet with the @font-face rules, from the project root. */
  stylesheet?: string;
}

const textFile = /\.(mdx?|ya?ml|json|astro|ts|tsx|mjs|js|css)$/;

/**
 * The site's text sources: content/ and src/, sorted. A data file's value is kept in the build
 * cache as JSON under its text's hash: parsing the YAML took about 0.2 s of every build's start.
 */
async function readSources(root: string, cache: BuildCache, yamlCode: string): Promise<SourceText[]> {
  const out: SourceText[] = [];
  for (const top of ['content', 'src']) {
    const files = (await readdir(join(root, top), { recursive: true }))
      .map((f) => f.split(sep).join('/'))
      .filter((f) => textFile.test(f))
      .sort();
    for (const f of files) {
      const path = `${top}/${f}`;
      const text = await readFile(join(root, path), 'utf8');
      let data: unknown;
      try {
        if (/\.ya?ml$/.test(f)) {
          const json = await cache.get('yaml-json', cache.key(text, yamlCode), async () =>
            Buffer.from(JSON.stringify(parseYaml(text)) ?? 'null'),
          );
          data = JSON.parse(Buffer.from(json).toString('utf8'));
        } else if (f.endsWith('.json')) data = JSON.parse(text);
      } catch {
        data = undefined; // the content schema names a broken data file; here its text is enough
      }
      out.push(data === undefined ? { path, text } : { path, text, data });
    }
  }
  return out;
}

export interface FontSubsets {
  /** The Vite alias that points `@subset-fonts/` at the subset files. */
  alias: { find: string; replacement: string };
  /** One line for the log: each file's characters and size. */
  summary: string;
  /**
   * After the build, each page read once: it is checked (a character its font's range covers but
   * the subset lacks — text made at run time that no source holds — fails the build, naming page
   * and character), and it gets preload links for the subset files of its language's fonts
   * (preload.ts), at the URLs Vite gave them in the page's stylesheets.
   */
  checkAndPreload(dist: string, base: string): Promise<string>;
}

/** The built HTML pages of dist/, sorted (Pagefind's own files aside). */
async function builtPages(dist: string): Promise<string[]> {
  return (await readdir(dist, { recursive: true }))
    .map((f) => f.split(sep).join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .sort();
}

const workerFile = fileURLToPath(new URL('./subset-worker.mjs', import.meta.url));

/**
 * subset-font in a worker thread (subset-worker.mjs), one per face, so that the faces are cut in
 * parallel and HarfBuzz's WebAssembly memory (over 100 MB for the Arabic variable font) is given
 * back when the thread ends rather than held while Astro renders the pages.
 */
function subsetInWorker(font: Uint8Array, chars: string, options: SubsetOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { font, chars, options } });
    worker.once('message', (bytes: Uint8Array) => resolve(bytes));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the font subsetting thread ended with code ${code}`));
    });
  });
}

const pageLang = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1]?.split('-')[0];

/** Writes the subset of every @font-face that asks for one; runs before Vite bundles the CSS. */
export async function subsetFonts({
  root,
  languages,
  families,
  stylesheet = 'src/styles/global.css',
}: Options & { root: string }): Promise<FontSubsets> {
  const kept = new Map<string, Set<number>>();
  const require = createRequire(join(root, 'package.json'));
  const cache = buildCache(root);
  const faces: SubsetFace[] = subsetFaces(await readFile(join(root, stylesheet), 'utf8'));
  const texts = textByLanguage(await readSources(root, cache, await codeOf(root, ['yaml'], [])), languages);
  const code = await codeOf(root, ['subset-font', 'harfbuzzjs'], ['integrations/fonts/subset-worker.mjs']);
  // One folder per project root: two builds of different trees (the bad-content tests build
  // copies of the project) never write each other's fonts.
  const out = join(
    cacheDir(root),
    'subset-fonts',
    createHash('sha256').update(root).digest('hex').slice(0, 16),
  );
  const sizes: string[] = [];
  await Promise.all(
    faces.map(async (face) => {
      const langs = families[face.family];
      if (!langs)
        throw new Error(
          `${stylesheet}: the font family "${face.family}" is not in the offshoring integration's fontFamilies (astro.config.mjs): which languages is it set in?`,
        );
      const chars = charsInRanges(langs.map((l) => texts[l] ?? '').join('\n'), face.ranges);
      const font = await readFile(require.resolve(face.source));
      const [min, max] = face.weight;
      const bytes = await cache.get('fonts', cache.key(font, chars, `${min} ${max}`, code), () =>
        subsetInWorker(font, chars, {
          targetFormat: 'woff2',
          variationAxes: { wght: min === max ? min : { min, max } },
        }),
      );
      const file = join(out, face.source);
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
      kept.set(face.url, new Set([...chars].map((c) => c.codePointAt(0)!)));
      sizes.push(
        `${face.source.slice(face.source.lastIndexOf('/') + 1)} ${[...chars].length} characters ${(bytes.length / 1000).toFixed(1)} kB`,
      );
    }),
  );
  return {
    alias: { find: SUBSET_PREFIX, replacement: `${out}/` },
    summary: sizes.sort().join('; '),
    async checkAndPreload(dist, base) {
      const b = base.endsWith('/') ? base : `${base}/`;
      const stylesheets = new Map<string, { family: string; url: string }[]>();
      const readCss = async (href: string) => {
        if (!stylesheets.has(href)) {
          const file = href.startsWith(b) ? join(dist, href.slice(b.length)) : undefined;
          stylesheets.set(href, file ? builtFontFaces(await readFile(file, 'utf8')) : []);
        }
        return stylesheets.get(href)!;
      };
      const pages = await builtPages(dist);
      // The static imports of every built script, for the module preload links.
      const imports = new Map<string, string[]>();
      const assets = join(dist, '_astro');
      for (const f of existsSync(assets) ? await readdir(assets) : [])
        if (f.endsWith('.js')) {
          const url = `${b}_astro/${f}`;
          imports.set(url, staticImports(await readFile(join(assets, f), 'utf8'), url));
        }
      const problems: string[] = [];
      const counts = new Map<string, number>();
      let withModules = 0;
      for (const page of pages) {
        const html = await readFile(join(dist, page), 'utf8');
        const lang = pageLang(html);
        if (!lang) continue;
        const mine = faces.filter((f) => families[f.family]?.includes(lang));
        const cps = codePointsOf(html);
        for (const face of mine) {
          const missing = missingChars(cps, face.ranges, kept.get(face.url)!);
          if (missing.length > 0) problems.push(`${page}: ${missing.join(', ')} (${face.source})`);
        }
        const built = (await Promise.all(stylesheetHrefs(html).map(readCss))).flat();
        const used = mine.map((f) => ({ family: f.family, stem: fontStem(f.source) }));
        const urls = fontPreloadUrls(page, used, built);
        const modules = modulePreloadUrls(html, (url) => imports.get(url) ?? []);
        if (urls.length > 0) counts.set(lang, urls.length);
        if (modules.length > 0) withModules += 1;
        const next = trimPolicyHashes(addModulePreloads(addFontPreloads(html, urls), modules), page);
        if (next !== html) await writeFile(join(dist, page), next);
      }
      if (problems.length > 0) {
        throw new Error(
          `font subsets: these pages use characters their font's subset does not have, which no source file holds (text made at run time?); add them to ALWAYS_KEPT in src/lib/font-subset.ts:\n${problems.join('\n')}`,
        );
      }
      return `${pages.length} pages use only characters their font subsets have; font preload links: ${[...counts].map(([l, n]) => `${l} ${n}`).join(', ') || 'none'}; module preload links on ${withModules} pages; each page's policy names only its own inline code`;
    },
  };
}
