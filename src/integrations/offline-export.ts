/**
 * The offline copy (issue 8), made from the finished build: one folder and one zip per language
 * and one with all of them, that work when unzipped anywhere and opened from file://, and a PDF
 * brochure per language.
 *
 * Browsers run neither module scripts nor fetch() from file://, so each page loses Astro's
 * module scripts and gets classic scripts bundled here with esbuild (src/client/offline/):
 * the same theme, share, search UI and estimator code, with an offline search engine whose
 * index is a classic script per language. Every internal URL becomes relative and names its
 * index.html; fonts go into the stylesheet as data: URLs (Firefox refuses fonts from other
 * file:// folders). Nothing is fetched from the network: the export fails on an internal link it
 * cannot resolve.
 *
 * Order: pages and search indexes → a print copy of /{lang}/brochure/ → PDFs with Chromium
 * (skipped, with a warning, when there is none) → the folders, filled with the PDFs → zips
 * (reproducible) → zips and PDFs copied to dist/downloads/, and the download links of the hosted
 * pages given their sizes.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { extractOfflineDoc } from '../lib/offline-extract';
import { copyName, downloadName, downloadsDir, fileOfPath, fillDownloads, localizeChooser, offlineFontDisplay, offlinePolicy, relativeUrl, removeListItems, removeModuleScripts, rewriteUrls, rootOf, splitSuffix } from '../lib/offline-html';
import type { OfflineDoc } from '../lib/offline-search';
import { formatFileSize } from '../lib/format';
import { reproducibleZip } from '../lib/zip';
import { archiveDate } from '../data/site';
import { bundleOfflineScripts } from './offline-scripts';
import { renderPdfs } from './brochure-pdf';
import { buildCache } from './build-cache';
import { isRedirectPage } from '../data/redirects';

export interface ExportOptions {
  /** The project root (for the browser sources). */
  root: string;
  /** The built site. */
  dist: string;
  /** Where the folders, zips and PDFs go (dist-export/). */
  out: string;
  base: string;
  site: string;
  languages: readonly string[];
  log: { info(message: string): void; warn(message: string): void };
}

/** The offline copy's name for a dataset file of the build: 'data/figures.csv' → 'downloads/figures.csv'. */
const openDataFile = (file: string) => (/^data\/[^/]+\.(json|csv)$/.test(file) ? `${downloadsDir}/${file.slice('data/'.length)}` : undefined);
/** The language of a feed of changes: 'fr/changes.xml' → 'fr'. */
const feedFile = (file: string) => /^([a-z]{2})\/changes\.xml$/.exec(file)?.[1];

/** Pages that the offline copy leaves out: the 404 page, and the print source of the PDF. */
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
  ['estimator', /\sid="estimator-data"/],
  ['seat cost', /\sid="seat-cost-data"/],
];

interface Page { file: string; html: string; lang: string | undefined }

export async function exportOffline(o: ExportOptions): Promise<void> {
  const started = performance.now();
  const base = o.base.endsWith('/') ? o.base : `${o.base}/`;
  const files = (await readdir(o.dist, { recursive: true })).map((f) => f.split(sep).join('/'));
  /** Files the build makes after the pages: search index, social images, downloads. */
  const generated = (f: string) => /^(pagefind|og|downloads)\//.test(f);
  const skip = (f: string) => generated(f) || f === '404.html';
  const pages: Page[] = (
    await Promise.all(
      files.filter((f) => f.endsWith('.html') && !skip(f)).sort().map(async (file) => ({ file, html: await readFile(join(o.dist, file), 'utf8'), lang: o.languages.find((l) => file.startsWith(`${l}/`)) })),
    )
  ).filter((p) => !isRedirectPage(p.html)); // old URLs of moved pages: the copy has only the new ones

  // Search texts, per language, from what Pagefind indexes online.
  const docs: Record<string, OfflineDoc[]> = {};
  for (const p of pages) {
    const doc = p.lang ? extractOfflineDoc(p.html, p.file) : undefined;
    if (doc) (docs[p.lang!] ??= []).push(doc);
  }
  for (const l of o.languages) if (!docs[l]?.length) throw new Error(`offline export: no indexed page in ${l}`);

  const scripts = await bundleOfflineScripts(o.root);
  const assets: Record<string, Uint8Array> = {
    'favicon.svg': await readFile(join(o.dist, 'favicon.svg')),
    '_offline/site.js': scripts.site,
    '_offline/search.js': scripts.search,
    '_offline/estimator.js': scripts.estimator,
    '_offline/seat-cost.js': scripts.seatCost,
  };
  for (const l of o.languages) assets[`_offline/search-index-${l}.js`] = indexScript(l, docs[l]!);
  // The open datasets go in downloads/ (links to /data/x.csv point there, see toOffline), and each
  // language's Atom feed of changes, which every page's head names, stays where it is (issue 16).
  for (const f of files.filter((f) => openDataFile(f) !== undefined || feedFile(f) !== undefined)) assets[openDataFile(f) ?? f] = await readFile(join(o.dist, f));
  for (const css of files.filter((f) => /^_astro\/[^/]+\.css$/.test(f))) assets[css] = new TextEncoder().encode(offlineFontDisplay(await inlineCssUrls(await readFile(join(o.dist, css), 'utf8'), css, base, o.dist)));

  await rm(o.out, { recursive: true, force: true });
  await mkdir(o.out, { recursive: true });

  // The PDFs first: the folders hold them.
  const printDir = join(o.out, '.print');
  const printPages = pages.filter((p) => isBrochure(p.file));
  const printTree: Record<string, Uint8Array> = { ...assets, ...Object.fromEntries(printPages.map((p) => [p.file, encode(toOffline(p, { base, site: o.site, keep: () => true, absoluteLinks: true, exists: (f) => f in assets }))])) };
  await writeTree(printDir, printTree);
  // A PDF is reprinted only when its page or a file of the print copy changed (issue 17).
  const cache = buildCache(o.root);
  const assetsKey = cache.key(...Object.keys(assets).sort().flatMap((k) => [k, assets[k]!]));
  const code = cache.key(...(await Promise.all(['src/integrations/brochure-pdf.ts', 'src/lib/pdf.ts'].map((f) => readFile(join(o.root, f), 'utf8')))));
  const pdfs = await renderPdfs(
    printPages.map((p) => ({ lang: p.lang!, file: join(printDir, p.file), out: join(o.out, downloadName(p.lang!, 'pdf')), key: cache.key(assetsKey, p.file, printTree[p.file]!) })),
    { date: archiveDate, log: o.log, cache: { store: cache, code } },
  );
  await rm(printDir, { recursive: true, force: true });
  const pdfDone = performance.now();
  const pdfBytes: Record<string, Uint8Array> = {};
  for (const [lang, path] of Object.entries(pdfs)) pdfBytes[`${downloadsDir}/${downloadName(lang, 'pdf')}`] = await readFile(path);

  const variants = [...o.languages.map((l) => [l, [l]] as const), ['all', o.languages] as const];
  const zips: Record<string, string> = {};
  for (const [variant, langs] of variants) {
    const tree: Record<string, Uint8Array> = {};
    for (const [path, bytes] of Object.entries(assets)) if ((!/search-index-/.test(path) || langs.some((l) => path.endsWith(`-${l}.js`))) && (feedFile(path) === undefined || langs.includes(feedFile(path)!))) tree[path] = bytes;
    for (const [path, bytes] of Object.entries(pdfBytes)) if (langs.some((l) => path.endsWith(`-${l}.pdf`))) tree[path] = bytes;
    const mine = pages.filter((p) => !isBrochure(p.file) && (p.lang === undefined ? p.file === 'index.html' : langs.includes(p.lang)));
    const names = new Set([...Object.keys(tree), ...mine.map((p) => p.file)]);
    const keep = (lang: string) => langs.includes(lang) || !o.languages.includes(lang);
    for (const p of mine) {
      let html = toOffline(p, { base, site: o.site, keep, absoluteLinks: false, exists: (f) => names.has(f), languages: o.languages, present: langs });
      // A one-language copy's root page is in that language (lang, title, heading).
      if (p.file === 'index.html' && langs.length === 1) html = localizeChooser(html, langs[0]!);
      // The copy holds its PDFs but not itself: no zip links inside a zip.
      html = fillDownloads(html, (name) => (name.endsWith('.pdf') ? tree[`${downloadsDir}/${name}`]?.length : undefined), formatFileSize);
      tree[p.file] = encode(html);
    }
    const folder = join(o.out, copyName(variant));
    await writeTree(folder, tree);
    const zipPath = join(o.out, downloadName(variant, 'zip'));
    await writeFile(zipPath, reproducibleZip(tree, copyName(variant), archiveDate));
    zips[variant] = zipPath;
  }

  // The hosted site serves the same files and links them with their sizes.
  const downloads = join(o.dist, downloadsDir);
  await rm(downloads, { recursive: true, force: true });
  await mkdir(downloads, { recursive: true });
  const sizes: Record<string, number> = {};
  for (const path of [...Object.values(zips), ...Object.values(pdfs)]) {
    const name = path.slice(path.lastIndexOf(sep) + 1);
    await cp(path, join(downloads, name));
    sizes[name] = (await stat(path)).size;
  }
  const read = new Map(pages.map((p) => [p.file, p.html]));
  for (const file of files.filter((f) => f.endsWith('.html') && !generated(f))) {
    const path = join(o.dist, file);
    const html = read.get(file) ?? (await readFile(path, 'utf8'));
    const filled = fillDownloads(html, (name) => sizes[name], formatFileSize);
    if (filled !== html) await writeFile(path, filled);
  }
  const list = Object.entries(sizes).map(([n, s]) => `${n} ${formatFileSize(s, 'en-US')}`).join(', ');
  o.log.info(`${relative(o.root, o.out) || o.out}: ${list}; took ${Math.round(performance.now() - started)} ms (until the PDFs were done: ${Math.round(pdfDone - started)} ms); peak memory so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
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
    throw new Error(`offline export: ${page.file} has ${removed} module scripts, but the offline copy only knows ${used.map(([n]) => n).join(', ') || 'none'}: give the new one a classic counterpart in src/client/offline/`);
  }
  const root = rootOf(page.file);
  const absent = (r.languages ?? []).filter((l) => !r.keep(l));
  let html = offlinePolicy(stripped)
    .replace(/<link\b[^>]*\srel="sitemap"[^>]*>/g, '')
    .replace(/<html\b/, `<html data-offline-root="${root}"`);
  if (absent.length > 0) {
    html = removeListItems(html, (item) => absent.some((l) => item.includes(`href="${r.base}${l}/`)));
    // The root chooser names every language's feed of changes: not those of languages left out.
    html = html.replace(/<link\b[^>]*\shref="([^"]*)"[^>]*>/g, (tag, href: string) => (/application\/atom\+xml/.test(tag) && absent.some((l) => href === `${r.base}${l}/changes.xml`) ? '' : tag));
    html = html.replace(/(\sdata-locales=")([^"]*)"/, (_, head: string, list: string) => `${head}${list.split(',').filter((l) => !absent.includes(l)).join(',')}"`);
    // Any other link to a language left out (the note on an older translation) goes to the hosted site.
    html = html.replace(/<a\b[^>]*\sdata-lang-link="([^"]+)"[^>]*>/g, (tag, l: string) => (absent.includes(l) ? tag.replace(/\shref="([^"]*)"/, (_, href: string) => ` href="${new URL(href, r.site).href}"`) : tag));
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
  if (missing.length > 0) throw new Error(`offline export: ${page.file} links to ${missing.join(', ')}, which the offline copy does not have`);
  const classic = ['site.js', ...(used.some(([n]) => n === 'search page') ? ['search.js'] : []), ...(used.some(([n]) => n === 'estimator') ? ['estimator.js'] : []), ...(used.some(([n]) => n === 'seat cost') ? ['seat-cost.js'] : [])];
  const tags = page.file === 'index.html' ? '' : classic.map((s) => `<script src="${root}_offline/${s}"></script>`).join('');
  return html.replace('</body>', `${tags}</body>`);
}

/** A language's search texts as a classic script (no fetch() on file://). */
function indexScript(lang: string, docs: OfflineDoc[]): Uint8Array {
  const json = JSON.stringify({ lang, docs });
  return encode(`(window.offshoringSearchIndex=window.offshoringSearchIndex||{})[${JSON.stringify(lang)}]=${json};\n`);
}

const mime: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

/** Fonts and images of a stylesheet as data: URLs. */
async function inlineCssUrls(css: string, file: string, base: string, dist: string): Promise<string> {
  const urls = [...new Set([...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!))].filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  let out = css;
  for (const url of urls) {
    const [path] = splitSuffix(url);
    const target = path.startsWith('/') ? fileOfPath(path, base) : join(dirname(file), path).split(sep).join('/');
    const ext = path.slice(path.lastIndexOf('.') + 1);
    if (!target || !existsSync(join(dist, target)) || !mime[ext]) throw new Error(`offline export: ${file} uses ${url}, which cannot be inlined`);
    const data = `data:${mime[ext]};base64,${(await readFile(join(dist, target))).toString('base64')}`;
    out = out.split(url).join(data);
  }
  return out;
}

const encode = (s: string) => new TextEncoder().encode(s);

async function writeTree(dir: string, tree: Record<string, Uint8Array>) {
  await rm(dir, { recursive: true, force: true });
  for (const [path, bytes] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}

/** Runs the export after the build, after Pagefind (it reads the finished pages). */
export default function offlineExport({ languages, out = 'dist-export' }: { languages: readonly string[]; out?: string }): AstroIntegration {
  let root = '';
  let base = '/';
  let site = '';
  return {
    name: 'offshoring:offline-export',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        site = config.site ?? '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('offline');
        await exportOffline({ root, dist: fileURLToPath(dir), out: join(root, out), base, site, languages, log });
      },
    },
  };
}
