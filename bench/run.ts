/**
 * `npm run bench` (not part of `npm test`). Measures, on this machine:
 *
 * 1. build time per page with the real content (1×) and with 10× and 100× the pages per language
 *    (synthetic entries in a temporary copy of the project: bench/synthetic.ts), and the
 *    Pagefind index size at each size;
 * 2. bytes per page type at 1×, against tests/budgets.ts;
 * 3. the first search query in Chromium: bytes fetched and time to the first result;
 * 4. Lighthouse's four scores for one page of each type in each language.
 *
 * Each build starts with an empty build cache (cold); then the same copy is built again with the
 * cache that build filled (warm: a rebuild where nothing changed), unless --no-warm.
 *
 * Writes bench/results/latest.json and latest.md, with the speed goals (bench/report.ts) and whether each is met.
 * Options: --scales=1,10,100 (default), --no-lighthouse, --no-warm, --runs=N (first-query
 * repetitions, default 3), --lighthouse-runs=N (Lighthouse runs per page, the median kept;
 * default 3). --only=search or --only=lighthouse measures only that part, against
 * the project's existing dist/ (no build; nothing written to bench/results/): for checking a
 * change to the search or the pages quickly, after `npm run build`; with --langs=ar,fr, only those
 * languages.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeCodes } from '../src/i18n/locales.ts';
import { serveStatic } from '../tests/e2e/static-server.ts';
import { fontBudgets, budgetClassOf, budgetClasses, type Budget } from '../tests/budgets.ts';
import { fontFiles, pageWeight, wireBytes } from '../tests/support/weight.ts';
import { benchQuery } from '../tests/support/investor-queries.ts';
import { measureBuild, removeCopy, type BuildResult } from './build.ts';
import type { Browser } from 'playwright-core';
import { chromePath, fetchedOnOpen, firstQuery, launch, lighthouseRuns } from './browser.ts';
import { goals, markdownReport, type BenchResults } from './report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const scales = (option('scales') ?? '1,10,100').split(',').map(Number);
const runs = Number(option('runs') ?? 3);
/** --lighthouse-runs=N: Lighthouse runs per page, the median LCP's kept (default 3). */
const lighthouseTimes = Number(option('lighthouse-runs') ?? 3);
const withLighthouse = !process.argv.includes('--no-lighthouse');
const withWarm = !process.argv.includes('--no-warm');
const base = '/';
const only = option('only');
/** --langs=ar: the languages --only measures (default: all). */
const onlyLangs = option('langs')?.split(',') ?? localeCodes;
if (only !== undefined && only !== 'search' && only !== 'lighthouse')
  throw new Error(`bench: --only=${only}: expected search or lighthouse`);

/**
 * Lighthouse runs on one page of every page type readers open, in each language: the one whose
 * HTML is largest (gzip), the type's slowest first paint on a slow link. Not the PDFs' print
 * source (brochure), nor the language chooser and the 404 page, which belong to no language.
 */
const notForLighthouse = new Set(['brochure', 'language chooser', 'not found']);
/** First queries, one investor query per language (tests/support/investor-queries.ts). */
const queries: Record<string, string> = Object.fromEntries(localeCodes.map((l) => [l, benchQuery(l)!]));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const sh = (cmd: string) => {
  try {
    return execSync(cmd, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

const started = performance.now();
console.log(
  only
    ? `bench: only ${only}, against dist/, languages ${onlyLangs.join(', ')}`
    : `bench: scales ${scales.join(', ')}×, Lighthouse ${withLighthouse ? 'on' : 'off'}, ${runs} runs per first query`,
);

if (only) {
  await measureOnly(only);
  process.exit(0);
}

/**
 * How the local server sends text. Bytes per page type and the first search: gzip made on the fly
 * (what the budgets count). Lighthouse: the build's own Brotli copies, as server/nginx.conf and
 * the common static hosts send them to a browser that takes Brotli, which Chromium does.
 */
function lighthouseServing(forLighthouse: boolean) {
  return { gzip: true, precompressed: forLighthouse };
}

/** --only: the first search or Lighthouse against dist/ as it is, printed, not written. */
async function measureOnly(part: 'search' | 'lighthouse') {
  const dist = join(root, 'dist');
  const { server, origin } = await serveStatic(dist, base, lighthouseServing(part === 'lighthouse'));
  try {
    if (part === 'search') {
      const browser = await launch();
      try {
        for (const r of await firstQueries(browser, origin, dist))
          console.log(
            `  first query ${r.lang} (${r.from}): median ${r.medianMs} ms of ${r.ms.join(', ')}; ${r.kB} kB in ${r.files} files`,
          );
      } finally {
        await browser.close();
      }
    } else {
      const result = await lighthouseRuns(lighthouseUrls(origin, dist), lighthouseTimes);
      for (const run of result?.runs ?? [])
        console.log(
          `  ${run.path}: performance ${run.scores.performance}, LCP ${run.metrics.lcpMs} ms (runs: ${run.lcpRunsMs?.join(', ')}), FCP ${run.metrics.fcpMs} ms, TBT ${run.metrics.tbtMs} ms, CLS ${run.metrics.cls}`,
        );
    }
  } finally {
    server.close();
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
}

/** The first query from the search page and from the header box, `runs` times per language. */
async function firstQueries(
  browser: Browser,
  origin: string,
  dist: string,
): Promise<BenchResults['search']['firstQuery']> {
  const out: BenchResults['search']['firstQuery'] = [];
  for (const lang of localeCodes.filter((l) => onlyLangs.includes(l))) {
    for (const from of ['page', 'header'] as const) {
      const results = [];
      for (let i = 0; i < runs; i++)
        results.push(await firstQuery(browser, origin, base, lang, queries[lang]!, from));
      const files = results[0]!.files;
      const bytes = files.reduce((n, f) => n + wireBytes(join(dist, f)), 0);
      out.push({
        lang,
        from,
        query: queries[lang]!,
        ms: results.map((r) => r.ms),
        medianMs: median(results.map((r) => r.ms)),
        files: files.length,
        kB: Math.round(bytes / 100) / 10,
      });
    }
  }
  return out;
}

function lighthouseUrls(origin: string, dist: string) {
  const site = { dist, base };
  const pages = builtPages(dist);
  return localeCodes
    .filter((l) => onlyLangs.includes(l))
    .flatMap((lang) =>
      budgetClasses
        .filter(({ type }) => !notForLighthouse.has(type))
        .flatMap(({ type }) => {
          const mine = pages.filter((p) => p.startsWith(`/${lang}/`) && budgetClassOf(p)?.type === type);
          const largest = mine
            .map((path) => ({ path, html: pageWeight(site, path).html }))
            .sort((a, b) => b.html - a.html || a.path.localeCompare(b.path))[0];
          return largest ? [{ path: largest.path, url: `${origin}${largest.path}` }] : [];
        }),
    );
}

/** The built HTML pages of `dist`, as site paths ('/fr/parks/'), sorted. */
function builtPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
}

// 1. Builds at each size.
const builds: BuildResult[] = [];
let realCopy: string | undefined;
for (const scale of scales) {
  console.log(`build at ${scale}× …`);
  const { result, dir } = measureBuild(root, scale, localeCodes);
  builds.push(result);
  console.log(
    `  ${result.pages} pages in ${result.wallSeconds} s (${result.msPerPage} ms/page), peak ${result.peakRssMB ?? '?'} MB, Pagefind ${result.pagefind.totalKB} kB`,
  );
  if (withWarm) {
    const warm = measureBuild(root, scale, localeCodes, {
      dir,
      cache: 'warm',
      syntheticEntries: result.syntheticEntries,
    }).result;
    builds.push(warm);
    console.log(`  rebuilt with a warm cache in ${warm.wallSeconds} s, peak ${warm.peakRssMB ?? '?'} MB`);
  }
  if (scale === 1) realCopy = dir;
  else removeCopy(dir);
}
realCopy ??= measureBuild(root, 1, localeCodes).dir;
const dist = join(realCopy, 'dist');

// 2. Bytes per page type, at 1×.
const site = { dist, base };
const { server, origin } = await serveStatic(dist, base, { gzip: true });
const browser = await launch();
const fonts = fontFiles(site);
const pages = builtPages(dist);
const byType: BenchResults['pageTypes'] = [];
for (const { type, budget } of budgetClasses) {
  for (const lang of localeCodes) {
    const mine = pages.filter(
      (p) =>
        budgetClassOf(p)?.type === type &&
        (p.startsWith(`/${lang}/`) || (!/^\/[a-z]{2}\//.test(p) && lang === 'fr')),
    );
    if (mine.length === 0) continue;
    const weights = mine.map((p) => pageWeight(site, p, (budget as Budget).onOpen));
    const fetched = await fetchedOnOpen(browser, origin, base, mine[0]!);
    byType.push({
      type,
      lang,
      pages: mine.length,
      html: { median: median(weights.map((w) => w.html)), max: Math.max(...weights.map((w) => w.html)) },
      css: Math.max(...weights.map((w) => w.css)),
      js: { median: median(weights.map((w) => w.js)), max: Math.max(...weights.map((w) => w.js)) },
      fonts: fetched.filter((f) => fonts.has(f)).reduce((n, f) => n + fonts.get(f)!, 0),
      fontFiles: fetched.filter((f) => fonts.has(f)).length,
      budget: { ...(budget as Budget), fonts: fontBudgets[lang]! },
    });
  }
}
console.log(`bytes per page type: ${byType.length} rows`);

// 3. First search query.
const search = await firstQueries(browser, origin, dist);
for (const q of search)
  console.log(`  first query ${q.lang} (${q.from}): ${q.medianMs} ms, ${q.kB} kB in ${q.files} files`);
await browser.close();

// 4. Lighthouse.
let lighthouse: BenchResults['lighthouse'] = { skipped: 'turned off with --no-lighthouse' };
if (withLighthouse) {
  console.log('lighthouse …');
  const served = await serveStatic(dist, base, lighthouseServing(true));
  lighthouse = (await lighthouseRuns(lighthouseUrls(served.origin, dist), lighthouseTimes)) ?? {
    skipped: 'the lighthouse package is not installed (npm ci installs it)',
  };
  served.server.close();
}
server.close();
removeCopy(realCopy);

const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  commit:
    sh('git rev-parse --short HEAD') +
    (sh('git status --porcelain -- src content public astro.config.mjs package.json')
      ? ' (with uncommitted changes)'
      : ''),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memoryGB: Math.round(totalmem() / 1e9),
    freeMemoryGBAtStart: Math.round(freemem() / 1e9),
    loadAverageAtEnd: loadavg().map((n) => Math.round(n * 10) / 10),
    node: process.version,
    chromium: sh(`${chromePath} --version`),
  },
  benchSeconds: Math.round((performance.now() - started) / 1000),
  builds,
  pageTypes: byType,
  search: {
    index: builds.filter((b) => b.cache !== 'warm').map((b) => ({ scale: b.scale, ...b.pagefind })),
    firstQuery: search,
  },
  lighthouse,
};

const out = join(root, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(out, 'latest.md'), markdownReport(results));
console.log(`\nwrote bench/results/latest.json and latest.md in ${results.benchSeconds} s`);
console.log(readFileSync(join(out, 'latest.md'), 'utf8'));
const missed = goals(results).filter((g) => g.met === false);
console.log(
  missed.length === 0
    ? 'every goal measured is met'
    : `goals not met: ${missed.map((g) => `${g.figure} ${g.measured} (goal ${g.goal})`).join('; ')}`,
);
