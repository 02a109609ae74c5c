/**
 * Builds the Pagefind search index after `astro build`, with Pagefind's Node API.
 * Pagefind reads `<html lang>` and writes one index per language into dist/pagefind/; only the
 * elements marked `data-pagefind-body` are indexed. Any Pagefind error, or a site language that
 * ends up with no indexed page, fails the build.
 *
 * The index lives at dist/pagefind/ whatever Astro's `base`: dist/ is the site root, and the
 * browser imports `${base}pagefind/pagefind.js`, from which Pagefind derives the result URLs.
 *
 * Beside it, `quick.{lang}.json`: the same text, per language, as the offline copy's
 * search reads it (extract.ts), with its index made here (packIndex), for the header box's
 * first results. Pagefind's script, worker and WebAssembly are 86 kB before any index; this file
 * is 49–63 kB gzipped at the guide's size, searched in the page (src/client/search/quick.ts). Past
 * `quickIndexMaxBytes` gzipped it holds no page, and the header box uses Pagefind.
 *
 * Pagefind's files are kept in the build cache under the hash of what it is made from (each page's
 * path and HTML, Pagefind's version, this code): a rebuild in which no page changed
 * copies them instead of indexing again. Each page's text (for the quick index and the offline
 * copy's search) is kept too, under the page's hash and the code that reads it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { buildCache, codeOf, type BuildCache } from '../cache';
import { indexableHtml, quickIndexFile } from '../../src/lib/search';
import { extractOfflineDoc } from './extract';
import { createOfflineIndex, packIndex, type OfflineDoc } from '../../src/lib/offline-search';

/**
 * The largest quick index (gzip bytes) worth fetching instead of Pagefind for the header box's
 * first results: the goal for the first search is 80 kB, and the header panel's
 * script with its search code takes about 6 of them.
 */
export const quickIndexMaxBytes = 72_000;

/** Pagefind's ready-made UI bundles: we ship our own small UI, whose strings we control. */
const unusedBundles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Logs Pagefind's errors before the step throws on them. */
interface Log {
  error(message: string): void;
}

/**
 * Indexes the pages of `dist` for every language. `docs` receives the text of each page read for
 * a quick index (file from dist, '/'-separated → the page's text, undefined for a page without an
 * indexed region): the offline copy's search indexes the same text and need not read it again.
 */
export async function buildSearchIndex({
  root,
  dist,
  languages,
  log,
  docs,
}: {
  root: string;
  dist: string;
  languages: readonly string[];
  log: Log;
  docs?: Map<string, OfflineDoc | undefined>;
}): Promise<string> {
  const outputPath = join(dist, 'pagefind');
  const cache = buildCache(root);
  try {
    // Each page as HTML text rather than addDirectory, to fix two word-splitting problems
    // first (see indexableHtml); the URL is the page's path under the site root.
    // Sorted: readdir order depends on the file system, and Pagefind numbers pages in the
    // order they are added, so an unsorted walk could change the index between builds.
    const files = (await readdir(dist, { recursive: true }))
      .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
      .sort();
    const input = createHash('sha256').update(
      // Pagefind and the code that feeds it (indexableHtml).
      await codeOf(root, ['pagefind'], ['integrations/search-index/pagefind.ts', 'src/lib/search.ts']),
    );
    // Each page's hash: the page as built, from which both Pagefind's input and its text are made.
    const pageHashes = new Map<string, string>();
    for (const file of files) {
      const hash = createHash('sha256')
        .update(await readFile(join(dist, file)))
        .digest('hex');
      pageHashes.set(file, hash);
      input.update(`${file.length}:${file}:${hash}`);
    }
    const inputKey = input.digest('hex');
    const kept = cache.enabled ? await restoreIndex(cache, inputKey, outputPath) : false;
    const index = kept ? undefined : ok(await pagefind.createIndex({}), log).index;
    if (!kept && !index) throw new Error('Pagefind returned no index');
    // A page's text: htmlparser2 and the code that reads it.
    const textCode = await codeOf(
      root,
      ['htmlparser2'],
      ['integrations/search-index/extract.ts', 'src/lib/search.ts'],
    );
    const quick: Record<string, OfflineDoc[] | undefined> = Object.fromEntries(languages.map((l) => [l, []]));
    const quickChars: Record<string, number> = Object.fromEntries(languages.map((l) => [l, 0]));
    const texts = { all: 0, read: 0 };
    for (const file of files) {
      const path = file.split(sep).join('/');
      const url = `/${path}`.replace(/index\.html$/, '');
      // Read only when Pagefind needs it or its text is not in the cache.
      let html: string | undefined;
      const page = async () => (html ??= await readFile(join(dist, file), 'utf8'));
      // Pagefind indexes the page while this process reads it for the quick index; the next
      // page is sent only once Pagefind has this one, so pages keep their order.
      const added = index?.addHTMLFile({ url, content: indexableHtml(await page()) });
      const lang = languages.find((l) => url.startsWith(`/${l}/`));
      // Read for the quick index while the language fits, and always when the offline copy
      // asked for the texts.
      if (lang && (quick[lang] || docs)) {
        // Kept in the build cache under the page's hash and the code that reads it: a rebuild
        // reads again only the pages that changed. JSON null: a page without an indexed region.
        const stored = await cache.get(
          'page-text',
          cache.key(textCode, url, pageHashes.get(file)!),
          async () => {
            texts.read += 1;
            return Buffer.from(JSON.stringify(extractOfflineDoc(await page(), url) ?? null));
          },
        );
        texts.all += 1;
        const doc = (JSON.parse(Buffer.from(stored).toString('utf8')) as OfflineDoc | null) ?? undefined;
        docs?.set(path, doc);
        if (doc && quick[lang]) {
          quick[lang]!.push(doc);
          // Text gzips to a quarter or less: far past that, the language will not fit, so its
          // pages are neither extracted nor kept any further (a large site pays nothing).
          quickChars[lang]! += JSON.stringify(doc).length;
          if (quickChars[lang]! > quickIndexMaxBytes * 10) quick[lang] = undefined;
        }
      }
      if (added) ok(await added, log);
    }
    if (index) {
      ok(await index.writeFiles({ outputPath }), log);
      await Promise.all(unusedBundles.map((f) => rm(join(outputPath, f), { force: true })));
      if (cache.enabled) await keepIndex(cache, inputKey, outputPath);
    }
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const missing = languages.filter((l) => !entry.languages[l]?.page_count);
    if (missing.length > 0)
      throw new Error(
        `no page indexed in ${missing.join(', ')}: is data-pagefind-body missing, or <html lang> wrong?`,
      );
    const quickSizes: string[] = [];
    for (const lang of languages) {
      const docs = quick[lang];
      // With the index made here: the page then only unpacks the words a query needs.
      const full = docs
        ? JSON.stringify({ lang, docs, index: packIndex(createOfflineIndex({ lang, docs })) })
        : '';
      const gzipped = full ? gzipSync(full).length : Infinity;
      const fits = gzipped <= quickIndexMaxBytes;
      await writeFile(
        join(outputPath, quickIndexFile(lang)),
        fits ? full : JSON.stringify({ lang, docs: [] }),
      );
      quickSizes.push(`${lang} ${fits ? `${(gzipped / 1000).toFixed(1)} kB` : 'too large, Pagefind only'}`);
    }
    const counts = Object.entries(entry.languages)
      .map(([l, v]) => `${l} ${v.page_count}`)
      .join(', ');
    return `read ${files.length} HTML files; indexed pages by language: ${counts}${kept ? ' (Pagefind files from the build cache)' : ''}; page texts: ${texts.all} (${texts.all - texts.read} from the build cache); quick indexes (gzip): ${quickSizes.join(', ')}`;
  } catch (cause) {
    throw new Error('Building the search index with Pagefind failed', { cause });
  } finally {
    await pagefind.close();
  }
}

/**
 * Keeps Pagefind's files: each under the hash of its bytes, and a list of them (path, hash)
 * under the hash of the input.
 */
async function keepIndex(cache: BuildCache, inputKey: string, outputPath: string): Promise<void> {
  const list: [string, string][] = [];
  for (const f of (await readdir(outputPath, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()) {
    const bytes = await readFile(f);
    const key = cache.key(bytes);
    await cache.write('pagefind-file', key, bytes);
    list.push([
      f
        .slice(outputPath.length + 1)
        .split(sep)
        .join('/'),
      key,
    ]);
  }
  await cache.write('pagefind', inputKey, Buffer.from(JSON.stringify(list)));
}

/** Writes the kept files of the same input into `outputPath`; false when there are none. */
async function restoreIndex(cache: BuildCache, inputKey: string, outputPath: string): Promise<boolean> {
  const stored = await cache.read('pagefind', inputKey);
  if (!stored) return false;
  const list = JSON.parse(Buffer.from(stored).toString('utf8')) as [string, string][];
  const files = await Promise.all(
    list.map(async ([path, key]) => [path, await cache.read('pagefind-file', key)] as const),
  );
  if (files.some(([, bytes]) => !bytes)) return false;
  await rm(outputPath, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(outputPath, path)), { recursive: true });
    await writeFile(join(outputPath, path), bytes!);
  }
  return true;
}

/** Throws on any error Pagefind reports, after logging each one. */
function ok<T extends { errors: string[] }>(response: T, log: Log): T {
  if (response.errors.length === 0) return response;
  for (const e of response.errors) log.error(e);
  throw new Error(`Pagefind: ${response.errors.join('; ')}`);
}
