/** The benchmark's Markdown report (bench/results/latest.md) from its JSON results. */
import type { Budget } from '../tests/budgets.ts';
import type { BuildResult } from './build.ts';
import type { LighthouseRun } from './browser.ts';

export interface BenchResults {
  generatedAt: string;
  commit: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    freeMemoryGBAtStart: number;
    loadAverageAtEnd: number[];
    node: string;
    chromium: string;
  };
  benchSeconds: number;
  builds: BuildResult[];
  pageTypes: {
    type: string;
    lang: string;
    pages: number;
    html: { median: number; max: number };
    css: number;
    js: { median: number; max: number };
    fonts: number;
    /** How many font files Chromium fetched for that page. */
    fontFiles?: number;
    budget: Budget & { fonts: number };
  }[];
  search: {
    index: ({ scale: number } & BuildResult['pagefind'])[];
    firstQuery: {
      lang: string;
      from: 'page' | 'header';
      query: string;
      ms: number[];
      medianMs: number;
      files: number;
      kB: number;
    }[];
  };
  lighthouse: { version: string; runs: LighthouseRun[] } | { skipped: string };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** One of the build-cost and page-weight goals, with what the run measured and whether that meets it (undefined: not measured). */
export interface Goal {
  figure: string;
  goal: string;
  measured: string;
  met: boolean | undefined;
}

/**
 * The goals, checked against a run: fonts on Arabic pages, the first search from the header
 * box in each language, the build's fixed and per-page cost and its peak memory, Lighthouse on
 * Arabic pages. The per-page cost between two scales is the extra build time over the extra pages;
 * the fixed cost is what the 1× build takes beyond its pages at the 1×→10× per-page cost.
 */
export function goals(r: BenchResults): Goal[] {
  const out: Goal[] = [];
  const add = (figure: string, goal: string, measured: string | undefined, met: boolean | undefined) =>
    out.push({
      figure,
      goal,
      measured: measured ?? 'not measured',
      met: measured === undefined ? undefined : met,
    });
  const ar = r.pageTypes.filter((t) => t.lang === 'ar' && t.type !== 'brochure');
  const fontMax = ar.length ? Math.max(...ar.map((t) => t.fonts)) : undefined;
  const fontFiles =
    ar.length && ar.every((t) => t.fontFiles !== undefined)
      ? Math.max(...ar.map((t) => t.fontFiles!))
      : undefined;
  add(
    'fonts on an Arabic page (largest, kB)',
    '≤ 60 kB',
    fontMax === undefined ? undefined : kB(fontMax),
    fontMax !== undefined && fontMax <= 60_000,
  );
  add(
    'font requests on an Arabic page (most)',
    '≤ 5',
    fontFiles === undefined ? undefined : String(fontFiles),
    fontFiles !== undefined && fontFiles <= 5,
  );
  for (const q of r.search.firstQuery.filter((x) => x.from === 'header')) {
    add(
      `first search, ${q.lang}: input → first quick result (median ms)`,
      '≤ 150 ms',
      String(q.medianMs),
      q.medianMs <= 150,
    );
    add(`first search, ${q.lang}: bytes fetched for it (kB)`, '≤ 80 kB', String(q.kB), q.kB <= 80);
  }
  for (const cache of ['cold', 'warm'] as const) {
    const mine = r.builds.filter((b) => (b.cache ?? 'cold') === cache);
    if (mine.length === 0) continue;
    const by = (scale: number) => mine.find((b) => b.scale === scale);
    const marginal = (a: BuildResult | undefined, b: BuildResult | undefined) =>
      a && b && b.pages > a.pages
        ? Math.round(((b.wallSeconds - a.wallSeconds) * 1000) / (b.pages - a.pages))
        : undefined;
    const [one, ten, hundred] = [by(1), by(10), by(100)];
    const m10 = marginal(one, ten);
    const m100 = marginal(ten, hundred);
    const c = `${cache} cache`;
    add(
      `build (${c}): cost of each extra page, 1× → 10× (ms)`,
      '≤ 37 ms (Starlight)',
      m10 === undefined ? undefined : String(m10),
      m10 !== undefined && m10 <= 37,
    );
    add(
      `build (${c}): cost of each extra page, 10× → 100× (ms)`,
      '≤ 37 ms (Starlight)',
      m100 === undefined ? undefined : String(m100),
      m100 !== undefined && m100 <= 37,
    );
    const fixed =
      one && m10 !== undefined
        ? Math.round((one.wallSeconds - (one.pages * m10) / 1000) * 10) / 10
        : undefined;
    add(
      `build (${c}): fixed cost (s)`,
      '≤ 6 s',
      fixed === undefined ? undefined : String(fixed),
      fixed !== undefined && fixed <= 6,
    );
    for (const b of [one, ten, hundred])
      if (b)
        add(
          `build (${c}): peak memory at ${b.scale}× (MB)`,
          '≤ 1500 MB',
          b.peakRssMB === null ? undefined : String(b.peakRssMB),
          b.peakRssMB !== null && b.peakRssMB <= 1500,
        );
    if (ten?.peakRssMB && hundred?.peakRssMB)
      add(
        `build (${c}): peak memory flat past 10× (100× / 10×)`,
        '≤ 1.2',
        (hundred.peakRssMB / ten.peakRssMB).toFixed(2),
        hundred.peakRssMB / ten.peakRssMB <= 1.2,
      );
  }
  const lh = 'runs' in r.lighthouse ? r.lighthouse.runs.filter((x) => x.path.startsWith('/ar/')) : [];
  const perf = lh.length ? Math.min(...lh.map((x) => x.scores.performance)) : undefined;
  const lcp = lh.length ? Math.max(...lh.map((x) => x.metrics.lcpMs)) : undefined;
  add(
    'Lighthouse performance, Arabic pages (lowest)',
    '100',
    perf === undefined ? undefined : String(perf),
    perf === 100,
  );
  add(
    "Lighthouse LCP, Arabic pages (highest of the pages' medians, ms)",
    '≤ 1200 ms',
    lcp === undefined ? undefined : String(lcp),
    lcp !== undefined && lcp <= 1200,
  );
  return out;
}
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** markdownReport(results) → the Markdown text of bench/results/latest.md. */
export function markdownReport(r: BenchResults): string {
  const m = r.machine;
  const lh = 'runs' in r.lighthouse ? r.lighthouse : undefined;
  const within = (value: number, budget: number) =>
    `${kB(value)} / ${kB(budget)}${value > budget ? ' ⚠' : ''}`;
  return `# Benchmark results

Generated by \`npm run bench\` on ${r.generatedAt.slice(0, 10)} at commit ${r.commit}, in ${r.benchSeconds < 120 ? `${r.benchSeconds} s` : `${Math.round(r.benchSeconds / 60)} min`}.
Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.chromium}; load average at the end ${m.loadAverageAtEnd.join(' / ')}.
Times depend on the machine and on what else runs on it; bytes do not.

## Goals

${table(
  ['figure', 'goal', 'measured', 'met'],
  goals(r).map((g) => [g.figure, g.goal, g.measured, g.met === undefined ? '–' : g.met ? 'yes' : '**no**']),
)}

## Build time by content size

Each language gets *scale* times its real number of pages: synthetic entries copied from the real
pillars, parks and incentives, in a temporary copy of the project (\`bench/synthetic.ts\`). *cold*: an
empty build cache; *warm*: the same copy built again with the cache the cold build filled (font
subsets, social images, Pagefind's files, zip entries, compressed copies and PDFs reused,
\`integrations/cache.ts\`). *pages*: the HTML pages, without the redirect stubs of moved URLs.

${table(
  [
    'scale',
    'cache',
    'pages (per language)',
    'build (s)',
    'ms per page',
    'render (s)',
    'social images (s)',
    'Pagefind (s)',
    'offline copy (s)',
    'setup, bundling, fonts and compression (s)',
    'peak memory (MB)',
    'dist (MB)',
    'Pagefind index (kB)',
  ],
  r.builds.map((b) => [
    `${b.scale}×`,
    b.cache ?? 'cold',
    `${b.pages} (${Object.values(b.pagesPerLanguage)[0]})`,
    b.wallSeconds,
    b.msPerPage,
    b.phases.render,
    b.phases.ogImages,
    b.phases.pagefind,
    b.phases.offline ?? '–',
    b.phases.other,
    b.peakRssMB ?? '–',
    b.distMB,
    b.pagefind.totalKB,
  ]),
)}

Steps after the pages, in seconds (each step's own log line, \`integrations/offshoring.ts\`):

${table(
  ['scale', 'cache', ...stepNames(r)],
  r.builds.map((b) => [`${b.scale}×`, b.cache ?? 'cold', ...stepNames(r).map((n) => b.steps?.[n] ?? '–')]),
)}

## Bytes per page type (1×, gzip, kB)

Measured / budget from \`tests/budgets.ts\`; HTML and JS as median and largest page of the type. Fonts:
the woff2 files Chromium fetched for the first page of the type, with an empty cache.

${table(
  [
    'type',
    'lang',
    'pages',
    'HTML median',
    'HTML max / budget',
    'CSS / budget',
    'JS median',
    'JS max / budget',
    'fonts / budget',
    'font files',
  ],
  r.pageTypes.map((t) => [
    t.type,
    t.lang,
    t.pages,
    kB(t.html.median),
    within(t.html.max, t.budget.html),
    within(t.css, t.budget.css),
    kB(t.js.median),
    within(t.js.max, t.budget.js),
    within(t.fonts, t.budget.fonts),
    t.fontFiles ?? '–',
  ]),
)}

## Search

Pagefind index, in kB (the engine's shared files, then each language's index: WebAssembly, metadata, word index, fragments, filters):

${table(
  ['scale', 'total', 'shared (engine)', ...Object.keys(r.search.index[0]?.perLanguageKB ?? {})],
  r.search.index.map((i) => [`${i.scale}×`, i.totalKB, i.sharedKB, ...Object.values(i.perLanguageKB)]),
)}

First query at 1×, empty cache, median of ${r.search.firstQuery[0]?.ms.length ?? 0} runs. *page*: opening \`/{lang}/search/?q=…\`, from
navigation to the first result; *header*: on the home page, the header's search box focused just
before typing, from the first keystroke (its keydown's timestamp: a key queued behind other work
waits on the clock) to the first quick result. kB, as sent (gzip for scripts
and JSON): for *page*, the Pagefind files; for *header*, every file fetched from the focus on (the
panel's script and the quick index, or Pagefind when the site is too large for a quick index).

${table(
  ['lang', 'from', 'query', 'time (ms)', 'runs (ms)', 'files', 'kB'],
  r.search.firstQuery.map((q) => [q.lang, q.from, q.query, q.medianMs, q.ms.join(', '), q.files, q.kB]),
)}

## Offline downloads

Zips of the offline copy and PDF brochures, made by every build, in kB:

${table(
  ['scale', ...Object.keys(r.builds[0]?.downloadsKB ?? {})],
  r.builds
    .filter((b) => b.cache !== 'warm')
    .map((b) => [
      `${b.scale}×`,
      ...Object.keys(r.builds[0]?.downloadsKB ?? {}).map((f) => b.downloadsKB?.[f] ?? '–'),
    ]),
)}

## Lighthouse

${
  lh
    ? `Lighthouse ${lh.version}, default mobile run (emulated mid-range phone, simulated Slow 4G and 4× CPU slowdown), against a local server that sends the build's Brotli copies of text files (as server/nginx.conf does; gzip made on the fly for a file without one). One page of every type readers open, in each language: the one with the most HTML. Each page is run ${lh.runs[0]?.lcpRunsMs?.length ?? 1} times; the table shows the run with the median LCP, and the LCP of every run. CPU benchmark index of this machine: ${lh.runs[0]?.benchmarkIndex ?? '?'} (Lighthouse calibrates its CPU slowdown for about 1000–2000; a lower index makes the performance scores pessimistic).

${table(
  [
    'page',
    'performance',
    'accessibility',
    'best practices',
    'SEO',
    'FCP (ms)',
    'LCP (ms)',
    'LCP of each run (ms)',
    'TBT (ms)',
    'CLS',
    'Speed Index (ms)',
    'audits not passed',
  ],
  lh.runs.map((x) => [
    x.path,
    x.scores.performance,
    x.scores.accessibility,
    x.scores.bestPractices,
    x.scores.seo,
    x.metrics.fcpMs,
    x.metrics.lcpMs,
    x.lcpRunsMs?.join(', ') ?? '–',
    x.metrics.tbtMs,
    x.metrics.cls,
    x.metrics.speedIndexMs,
    x.failing?.join(', ') || '–',
  ]),
)}`
    : `Not run: ${'skipped' in r.lighthouse ? r.lighthouse.skipped : ''}.`
}
`;
}

/** The build steps any build of the run logged, in the order the first one ran them. */
function stepNames(r: { builds: { steps?: Record<string, number> }[] }): string[] {
  return [...new Set(r.builds.flatMap((b) => Object.keys(b.steps ?? {})))];
}
