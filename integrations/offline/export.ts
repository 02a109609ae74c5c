/**
 * The offline copy, made from the finished build: one folder and one zip per language and one
 * with all of them, that work when unzipped anywhere and opened from file://, each with the PDF
 * brochures of its languages.
 *
 * Browsers run neither module scripts nor fetch() from file://, so each page loses Astro's
 * module scripts and gets classic scripts bundled with esbuild (bundle-classic.ts, from
 * src/client/offline/): the same theme, share, search UI and estimator code, with an offline
 * search engine whose index is a classic script per language. Every internal URL becomes
 * relative and names its index.html; fonts go into the stylesheet as data: URLs (Firefox refuses
 * fonts from other file:// folders). Nothing is fetched from the network: the export fails on an
 * internal link it cannot resolve.
 *
 * Steps (run in this order by integrations/offshoring.ts and scripts/export.mjs): `offline`
 * reads the pages and gathers the shared files (readOfflineSite) → `brochures` prints the PDFs
 * from a print copy (integrations/brochure/) → `offline-copies` writes the folders, with the
 * PDFs, and their reproducible zips (writeOfflineCopies) → `downloads` copies zips and PDFs to
 * dist/downloads/ and gives the hosted pages' download links their sizes (publishDownloads).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { extractOfflineDoc } from '../search-index/extract';
import {
  fileOfPath,
  fillDownloads,
  localizeChooser,
  offlineFontDisplay,
  offlinePolicy,
  relativeUrl,
  removeListItems,
  removeModuleScripts,
  rewriteUrls,
  rootOf,
  splitSuffix,
} from './html';
import { copyName, downloadName, downloadsDir } from '../../src/lib/downloads';
import type { OfflineDoc } from '../../src/lib/offline-search';
import { formatFileSize } from '../../src/lib/format';
import { openReproducibleZip } from './zip';
import { removeFontPreloads } from '../fonts/preload';
import { removeModulePreloads } from '../module-preload';
import { archiveDate } from '../../src/data/site';
import { bundleClassicScripts } from './bundle-classic';
import { buildCache } from '../cache';
import { isOldPath } from '../../src/data/redirects';

export interface ExportOptions {
  /** The project root (for the browser sources). */
  root: string;
  /** The built site. */
  dist: string;
  /** Where the folders, zips and PDFs go (exportDirOf(dist): dist-export/). */
  out: string;
  base: string;
  site: string;
  languages: readonly string[];
  log: { info(message: string): void; warn(message: string): void };
}

/** The offline copy's name for a dataset file of the build: 'data/figures.csv' → 'downloads/figures.csv'. */
const openDataFile = (file: string) =>
  /^data\/[^/]+\.(json|csv)$/.test(file) ? `${downloadsDir}/${file.slice('data/'.length)}` : undefined;
/** The language of a feed of changes: 'fr/changes.xml' → 'fr'. */
const feedFile = (file: string) => /^([a-z]{2})\/changes\.xml$/.exec(file)?.[1];
/** A language's calculator data (classic scripts, src/data/browser-script.ts): its language. */
const calculatorDataFile = (file: string) =>
  /^([a-z]{2})\/(incentives\/estimator-data|seat-cost-data)\.js$/.exec(file)?.[1];
/** Files of one language that its pages use and the copy keeps: its language, else undefined. */
const languageFile = (file: string) => feedFile(file) ?? calculatorDataFile(file);

/** Files the build makes after the pages: search index, social images, downloads. */
const generated = (f: string) => /^(pagefind|og|downloads)\//.test(f);
/** Pages that the offline copy leaves out: the 404 page, and the print source of the PDF. */
const skip = (f: string) => generated(f) || f === '404.html';
const isBrochure = (file: string) => /^[a-z]{2}\/brochure\/index\.html$/.test(file);

/**
 * Module scripts that Astro puts in pages, and the marker that says the offline copy gives the
 * page the same behaviour. A page with more module scripts than its markers explain stops the
 * export: a new client script needs its offline counterpart in src/client/offline/.
 */
const features: [name: string, marker: RegExp][] = [
  ['theme toggle', /\sdata-theme-toggle\b/],
  ['share tools', /\sdata-share-url=/],
  ['header search', /\sdata-header-search\b/],
  ['search page', /\sdata-search-page\b/],
  ['estimator', /\sdata-calculator="estimator"/],
  ['seat cost', /\sdata-calculator="seat-cost"/],
];

/** A built page: its file from dist/ ('fr/parks/index.html') and its language (none for the root chooser). */
export interface PageFile {
  file: string;
  lang: string | undefined;
}
export interface Page extends PageFile {
  html: string;
}

/**
 * What the offline steps share: the list of built pages (each is read again from dist/ when a
 * copy needs it, so memory does not grow with the site) and the files every copy holds.
 */
export interface OfflineSite {
  o: ExportOptions;
  /** The base path, ending in '/'. */
  base: string;
  /** Every file of dist/, '/'-separated. */
  files: string[];
  /** The pages the copies are made from (not the 404 page), sorted. */
  pages: PageFile[];
  /** Scripts, stylesheets, search indexes, datasets and feeds: path in the copy → bytes. */
  assets: Record<string, Uint8Array>;
  /** One line for the log. */
  summary: string;
}

/** Where the offline copy of a build goes: next to its output folder ('/p/dist' → '/p/dist-export'). */
export const exportDirOf = (dist: string) => join(dirname(dist), `${basename(dist)}-export`);

const readPage = async (dist: string, p: PageFile): Promise<Page> => ({
  ...p,
  html: await readFile(join(dist, p.file), 'utf8'),
});

/**
 * The `offline` step: lists the finished pages, bundles the classic scripts and gathers the
 * files every copy holds; empties the export folder. `docs` holds the page texts the search
 * index step already read (file → text), which are not extracted again.
 */
export async function readOfflineSite(
  o: ExportOptions,
  docs?: ReadonlyMap<string, OfflineDoc | undefined>,
): Promise<OfflineSite> {
  const base = o.base.endsWith('/') ? o.base : `${o.base}/`;
  const files = (await readdir(o.dist, { recursive: true })).map((f) => f.split(sep).join('/'));
  const pages: PageFile[] = files
    .filter((f) => f.endsWith('.html') && !skip(f) && !isOldPath(`/${f}`, '/')) // old URLs of moved pages: the copy has only the new ones
    .sort()
    .map((file) => ({ file, lang: o.languages.find((l) => file.startsWith(`${l}/`)) }));

  // Search texts, per language, from what Pagefind indexes online.
  const byLang: Record<string, OfflineDoc[]> = {};
  let extracted = 0;
  for (const p of pages) {
    if (!p.lang) continue;
    let doc: OfflineDoc | undefined;
    if (docs?.has(p.file)) {
      // The search index step's text names the page by its URL; here it is the page's file.
      const known = docs.get(p.file);
      doc = known && { ...known, url: p.file };
    } else {
      doc = extractOfflineDoc((await readPage(o.dist, p)).html, p.file);
      extracted += 1;
    }
    if (doc) (byLang[p.lang] ??= []).push(doc);
  }
  for (const l of o.languages)
    if (!byLang[l]?.length) throw new Error(`offline export: no indexed page in ${l}`);

  const scripts = await bundleClassicScripts(o.root);
  const assets: Record<string, Uint8Array> = {
    'favicon.svg': await readFile(join(o.dist, 'favicon.svg')),
    '_offline/site.js': scripts.site,
    '_offline/search.js': scripts.search,
    '_offline/estimator.js': scripts.estimator,
    '_offline/seat-cost.js': scripts.seatCost,
  };
  for (const l of o.languages) assets[`_offline/search-index-${l}.js`] = indexScript(l, byLang[l]!);
  // The open datasets go in downloads/ (links to /data/x.csv point there, see toOffline); each
  // language's Atom feed of changes, which every page's head names, and its estimator data stay
  // where they are.
  for (const f of files.filter((f) => openDataFile(f) !== undefined || languageFile(f) !== undefined))
    assets[openDataFile(f) ?? f] = await readFile(join(o.dist, f));
  for (const css of files.filter((f) => /^_astro\/[^/]+\.css$/.test(f)))
    assets[css] = new TextEncoder().encode(
      offlineFontDisplay(await inlineCssUrls(await readFile(join(o.dist, css), 'utf8'), css, base, o.dist)),
    );

  await rm(o.out, { recursive: true, force: true });
  await mkdir(o.out, { recursive: true });
  const counts = o.languages.map((l) => `${l} ${byLang[l]!.length}`).join(', ');
  return {
    o,
    base,
    files,
    pages,
    assets,
    summary: `${pages.length} pages; search texts by language: ${counts} (${extracted} read here, the others from the search index step)`,
  };
}

/** The brochure page of each language, which the copies leave out (the PDF is printed from it). */
export const brochurePages = (site: OfflineSite): Promise<Page[]> =>
  Promise.all(site.pages.filter((p) => isBrochure(p.file)).map((p) => readPage(site.o.dist, p)));

/** The page made for printing from file://: links go to the hosted site. */
export const printPage = (site: OfflineSite, page: Page) =>
  encode(
    toOffline(page, {
      base: site.base,
      site: site.o.site,
      keep: () => true,
      absoluteLinks: true,
      exists: (f) => f in site.assets,
    }),
  );

/**
 * The `offline-copies` step: one folder and one reproducible zip per language and one with all
 * of them, each holding its languages' PDFs (`pdfs`: lang → file). Returns variant → zip file.
 * Each page is read, rewritten, written to the folder and added to the zip in turn: a copy is
 * never held in memory whole.
 */
export async function writeOfflineCopies(
  site: OfflineSite,
  pdfs: Record<string, string>,
): Promise<Record<string, string>> {
  const { o, assets, pages, base } = site;
  const cache = buildCache(o.root);
  const pdfBytes: Record<string, Uint8Array> = {};
  for (const [lang, path] of Object.entries(pdfs))
    pdfBytes[`${downloadsDir}/${downloadName(lang, 'pdf')}`] = await readFile(path);

  const variants = [...o.languages.map((l) => [l, [l]] as const), ['all', o.languages] as const];
  const copy = async ([variant, langs]: (typeof variants)[number]): Promise<[string, string]> => {
    const files: Record<string, Uint8Array> = {};
    for (const [path, bytes] of Object.entries(assets))
      if (
        (!/search-index-/.test(path) || langs.some((l) => path.endsWith(`-${l}.js`))) &&
        (languageFile(path) === undefined || langs.includes(languageFile(path)!))
      )
        files[path] = bytes;
    for (const [path, bytes] of Object.entries(pdfBytes))
      if (langs.some((l) => path.endsWith(`-${l}.pdf`))) files[path] = bytes;
    const mine = new Map(
      pages
        .filter(
          (p) =>
            !isBrochure(p.file) && (p.lang === undefined ? p.file === 'index.html' : langs.includes(p.lang)),
        )
        .map((p) => [p.file, p]),
    );
    const names = new Set([...Object.keys(files), ...mine.keys()]);
    const keep = (lang: string) => langs.includes(lang) || !o.languages.includes(lang);
    const pageBytes = async (p: PageFile) => {
      let html = toOffline(await readPage(o.dist, p), {
        base,
        site: o.site,
        keep,
        absoluteLinks: false,
        exists: (f) => names.has(f),
        languages: o.languages,
        present: langs,
      });
      // A one-language copy's root page is in that language (lang, title, heading).
      if (p.file === 'index.html' && langs.length === 1) html = localizeChooser(html, langs[0]!);
      // The copy holds its PDFs but not itself: no zip links inside a zip.
      html = fillDownloads(
        html,
        (name) => (name.endsWith('.pdf') ? files[`${downloadsDir}/${name}`]?.length : undefined),
        formatFileSize,
      );
      return encode(html);
    };
    const folder = join(o.out, copyName(variant));
    await rm(folder, { recursive: true, force: true });
    const zipPath = join(o.out, downloadName(variant, 'zip'));
    const zip = await openReproducibleZip(zipPath, copyName(variant), archiveDate, cache);
    const made = new Set<string>();
    try {
      for (const path of [...names].sort()) {
        const page = mine.get(path);
        const bytes = page ? await pageBytes(page) : files[path]!;
        // Written synchronously: the thread pool is busy compressing the zips' entries, and the
        // copies' own work fills the wait (10× the pages: 7.7 → 5.2 s with an empty cache).
        const dir = dirname(join(folder, path));
        if (!made.has(dir)) mkdirSync(dir, { recursive: true });
        made.add(dir);
        writeFileSync(join(folder, path), bytes);
        await zip.add(path, bytes);
      }
    } finally {
      await zip.close();
    }
    return [variant, zipPath];
  };
  // All copies at once: each waits on its zip's compression (libuv's threads) and on the disk
  // for much of its time, which another copy's rewriting fills. Each folder and zip is written in
  // its own order, so the bytes do not depend on how they interleave.
  return Object.fromEntries(await Promise.all(variants.map(copy)));
}

/**
 * The `downloads` step: the zips and PDFs copied to dist/downloads/, and the download links of
 * the hosted pages given their sizes.
 */
export async function publishDownloads(site: OfflineSite, made: string[]): Promise<string> {
  const { o } = site;
  const downloads = join(o.dist, downloadsDir);
  await rm(downloads, { recursive: true, force: true });
  await mkdir(downloads, { recursive: true });
  const sizes: Record<string, number> = {};
  for (const path of made) {
    const name = path.slice(path.lastIndexOf(sep) + 1);
    await cp(path, join(downloads, name));
    sizes[name] = (await stat(path)).size;
  }
  for (const file of site.files.filter((f) => f.endsWith('.html') && !generated(f))) {
    const path = join(o.dist, file);
    const html = await readFile(path, 'utf8');
    const filled = fillDownloads(html, (name) => sizes[name], formatFileSize);
    if (filled !== html) await writeFile(path, filled);
  }
  const list = Object.entries(sizes)
    .map(([n, s]) => `${n} ${formatFileSize(s, 'en-US')}`)
    .join(', ');
  return `${relative(o.root, o.out) || o.out}: ${list}`;
}

interface Rewrite {
  base: string;
  site: string;
  /** Whether links into a language stay (false: the language is not in this copy). */
  keep: (lang: string) => boolean;
  /** Page links as absolute URLs of the hosted site (for the PDF) rather than relative files. */
  absoluteLinks: boolean;
  exists: (file: string) => boolean;
  languages?: readonly string[];
  present?: readonly string[];
}

/** One page made to work from file:// (see the module comment). */
function toOffline(page: Page, r: Rewrite): string {
  const { html: stripped, removed } = removeModuleScripts(page.html);
  const used = features.filter(([, marker]) => marker.test(page.html));
  if (removed > used.length) {
    throw new Error(
      `offline export: ${page.file} has ${removed} module scripts, but the offline copy only knows ${used.map(([n]) => n).join(', ') || 'none'}: give the new one a classic counterpart in src/client/offline/`,
    );
  }
  const root = rootOf(page.file);
  const absent = (r.languages ?? []).filter((l) => !r.keep(l));
  // Fonts are data: URLs inside the offline stylesheet, and modules do not run from file://: the
  // hosted pages' preload links go.
  let html = offlinePolicy(removeModulePreloads(removeFontPreloads(stripped)))
    .replace(/<link\b[^>]*\srel="sitemap"[^>]*>/g, '')
    .replace(/<html\b/, `<html data-offline-root="${root}"`);
  if (absent.length > 0) {
    html = removeListItems(html, (item) => absent.some((l) => item.includes(`href="${r.base}${l}/`)));
    // The root chooser names every language's feed of changes: not those of languages left out.
    html = html.replace(/<link\b[^>]*\shref="([^"]*)"[^>]*>/g, (tag, href: string) =>
      /application\/atom\+xml/.test(tag) && absent.some((l) => href === `${r.base}${l}/changes.xml`)
        ? ''
        : tag,
    );
    html = html.replace(
      /(\sdata-locales=")([^"]*)"/,
      (_, head: string, list: string) =>
        `${head}${list
          .split(',')
          .filter((l) => !absent.includes(l))
          .join(',')}"`,
    );
    // Any other link to a language left out (the note on an older translation) goes to the hosted site.
    html = html.replace(/<a\b[^>]*\sdata-lang-link="([^"]+)"[^>]*>/g, (tag, l: string) =>
      absent.includes(l)
        ? tag.replace(/\shref="([^"]*)"/, (_, href: string) => ` href="${new URL(href, r.site).href}"`)
        : tag,
    );
  }
  const missing: string[] = [];
  html = rewriteUrls(html, r.base, (url) => {
    const [path, suffix] = splitSuffix(url);
    const hosted = fileOfPath(path, r.base);
    if (hosted === undefined) return null;
    const file = openDataFile(hosted) ?? hosted;
    if (r.absoluteLinks && file.endsWith('.html')) return new URL(url, r.site).href;
    if (file === hosted && file.startsWith(`${downloadsDir}/`)) return relativeUrl(page.file, file) + suffix; // checked by fillDownloads
    if (!r.exists(file)) {
      missing.push(url);
      return null;
    }
    return relativeUrl(page.file, file) + suffix;
  });
  if (missing.length > 0)
    throw new Error(
      `offline export: ${page.file} links to ${missing.join(', ')}, which the offline copy does not have`,
    );
  const has = (feature: string) => used.some(([n]) => n === feature);
  // A hosted calculator loads its language's data with its code; here the data's script runs just
  // before the calculator's.
  const calculatorData = /\sdata-calculator-data="([^"]*)"/.exec(html)?.[1];
  const dataFile = calculatorData === undefined ? undefined : fileOfPath(calculatorData, r.base);
  if ((has('estimator') || has('seat cost')) && (dataFile === undefined || !r.exists(dataFile)))
    throw new Error(
      `offline export: ${page.file} names calculator data that the offline copy does not have (${calculatorData})`,
    );
  const classic = [
    `${root}_offline/site.js`,
    ...(has('search page') ? [`${root}_offline/search.js`] : []),
    ...(has('estimator') ? [relativeUrl(page.file, dataFile!), `${root}_offline/estimator.js`] : []),
    ...(has('seat cost') ? [relativeUrl(page.file, dataFile!), `${root}_offline/seat-cost.js`] : []),
  ];
  const tags =
    page.file === 'index.html' ? '' : classic.map((src) => `<script src="${src}"></script>`).join('');
  return html.replace('</body>', `${tags}</body>`);
}

/** A language's search texts as a classic script (no fetch() on file://). */
function indexScript(lang: string, docs: OfflineDoc[]): Uint8Array {
  const json = JSON.stringify({ lang, docs });
  return encode(
    `(window.offshoringSearchIndex=window.offshoringSearchIndex||{})[${JSON.stringify(lang)}]=${json};\n`,
  );
}

const mime: Record<string, string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** Fonts and images of a stylesheet as data: URLs. */
async function inlineCssUrls(css: string, file: string, base: string, dist: string): Promise<string> {
  const urls = [...new Set([...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!))].filter(
    (u) => !u.startsWith('data:') && !u.startsWith('#'),
  );
  let out = css;
  for (const url of urls) {
    const [path] = splitSuffix(url);
    const target = path.startsWith('/')
      ? fileOfPath(path, base)
      : join(dirname(file), path).split(sep).join('/');
    const ext = path.slice(path.lastIndexOf('.') + 1);
    if (!target || !existsSync(join(dist, target)) || !mime[ext])
      throw new Error(`offline export: ${file} uses ${url}, which cannot be inlined`);
    const data = `data:${mime[ext]};base64,${(await readFile(join(dist, target))).toString('base64')}`;
    out = out.split(url).join(data);
  }
  return out;
}

const encode = (s: string) => new TextEncoder().encode(s);

export async function writeTree(dir: string, tree: Record<string, Uint8Array>) {
  await rm(dir, { recursive: true, force: true });
  for (const [path, bytes] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}
