/**
 * Measures in Chromium for the benchmark: the files a page fetches on first view,
 * the first search query, and Lighthouse's four scores. Debian's Chromium (CHROME_PATH or
 * /usr/bin/chromium); no network beyond the local server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromePath, chromiumFlags } from '../tests/support/chromium.ts';

export { chromePath };

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromePath, args: chromiumFlags });

/** Site paths (query strings dropped) a page fetches with an empty cache until its load event and fonts are done. */
export async function fetchedOnOpen(
  browser: Browser,
  origin: string,
  base: string,
  path: string,
): Promise<string[]> {
  const context = await browser.newContext({ locale: 'de-DE' }); // a language the site lacks: the chooser stays put
  const page = await context.newPage();
  const fetched = new Set<string>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith(base)) fetched.add(`/${u.pathname.slice(base.length)}`);
  });
  await page.goto(`${origin}${base.replace(/\/$/, '')}${path}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await context.close();
  return [...fetched];
}

export interface QueryRun {
  ms: number;
  files: string[];
}

/**
 * One first query with an empty cache. `page`: opening /{lang}/search/?q=…, from navigation start
 * to the first result on screen. `header`: on the home page, the header's search box focused just
 * before typing (the panel starts loading the index on that focus), from the first keystroke (its
 * keydown's timeStamp, or the first input event if earlier) to the first quick result drawn.
 * Returns the time and the search files fetched: Pagefind's for `page`; for `header`, every file
 * but fonts and the icon fetched after the load event (the panel's code, which the page fetches
 * once idle, and from the focus on the quick index or Pagefind).
 */
export async function firstQuery(
  browser: Browser,
  origin: string,
  base: string,
  lang: string,
  query: string,
  from: 'page' | 'header',
): Promise<QueryRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set<string>();
  let loaded = false;
  page.on('load', () => (loaded = true));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!u.pathname.startsWith(base) || /\.woff2$|\/favicon\.svg$/.test(u.pathname)) return;
    if (u.pathname.startsWith(`${base}pagefind/`) || (from === 'header' && loaded))
      files.add(`/${u.pathname.slice(base.length)}`);
  });
  // Notes the time the first result appears, whichever list it is in.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-results] > li')) {
        (window as unknown as { firstResult: number }).firstResult = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
    // The first keystroke as the browser received it (an event's timeStamp, on performance.now()'s
    // clock): the wait of a keystroke queued behind other work counts too. The input event's
    // handler time, later, is the fallback.
    document.addEventListener(
      'keydown',
      (e) => ((window as unknown as { firstKey?: number }).firstKey ??= e.timeStamp),
      true,
    );
    document.addEventListener(
      'input',
      () => ((window as unknown as { firstInput?: number }).firstInput ??= performance.now()),
      true,
    );
  });
  const site = `${origin}${base.replace(/\/$/, '')}`;
  let start = 0;
  if (from === 'page') {
    await page.goto(`${site}/${lang}/search/?q=${encodeURIComponent(query)}`);
  } else {
    await page.goto(`${site}/${lang}/`, { waitUntil: 'networkidle' });
    await page.locator('#header-search').focus();
    await page.keyboard.type(query);
  }
  await page.waitForFunction(
    () => (window as unknown as { firstResult?: number }).firstResult !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  if (from === 'header')
    start = await page.evaluate(() =>
      Math.min(
        (window as unknown as { firstKey?: number }).firstKey ?? Infinity,
        (window as unknown as { firstInput: number }).firstInput,
      ),
    );
  const end = await page.evaluate(() => (window as unknown as { firstResult: number }).firstResult);
  await context.close();
  return { ms: Math.round(end - start), files: [...files].sort() };
}

export interface LighthouseRun {
  path: string;
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** The LCP of every run of the page, in the order they ran; the run kept has the median one. */
  lcpRunsMs?: number[];
  benchmarkIndex: number | null;
  /** Accessibility, best-practices and SEO audits that did not pass (what keeps a score below 100). */
  failing: string[];
}

/** Chromium with a DevTools port for Lighthouse, read from its "DevTools listening on" line. */
async function chromeWithPort(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'om-lh-'));
  const child: ChildProcess = spawn(
    chromePath,
    [
      ...chromiumFlags,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = text.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) =>
      reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${text}`)),
    );
  });
  return {
    port,
    // Chromium writes its profile until it has exited: remove the folder after that.
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      if (child.exitCode === null && child.signalCode === null) await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Lighthouse's default (mobile) run on each URL, one after the other in one Chromium: a
 * mid-range phone emulated with simulated "Slow 4G" throttling and a 4× slower CPU. Each URL is
 * run `times` times and the run with the median LCP is kept (Lighthouse's simulated LCP of one
 * page moves by about 150 ms from run to run, with what the unthrottled trace it starts from
 * saw; Lighthouse's documentation advises the median of several runs). Undefined when the
 * lighthouse package is not installed.
 */
export async function lighthouseRuns(
  urls: { path: string; url: string }[],
  times = 3,
): Promise<{ version: string; runs: LighthouseRun[] } | undefined> {
  let lighthouse: typeof import('lighthouse').default;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch {
    return undefined;
  }
  const chrome = await chromeWithPort();
  const runs: LighthouseRun[] = [];
  let version = '';
  try {
    for (const { path, url } of urls) {
      const mine: LighthouseRun[] = [];
      for (let n = 0; n < times; n++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
        version = lhr.lighthouseVersion;
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const metric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? 0) * 1000) / 1000;
        mine.push({
          path,
          scores: {
            performance: score('performance'),
            accessibility: score('accessibility'),
            bestPractices: score('best-practices'),
            seo: score('seo'),
          },
          metrics: {
            fcpMs: Math.round(metric('first-contentful-paint')),
            lcpMs: Math.round(metric('largest-contentful-paint')),
            tbtMs: Math.round(metric('total-blocking-time')),
            cls: metric('cumulative-layout-shift'),
            speedIndexMs: Math.round(metric('speed-index')),
          },
          benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
          failing: ['accessibility', 'best-practices', 'seo'].flatMap((c) =>
            (lhr.categories[c]?.auditRefs ?? [])
              .filter((a) => a.weight > 0 && (lhr.audits[a.id]?.score ?? 1) < 1)
              .map((a) => a.id),
          ),
        });
      }
      const lcps = mine.map((r) => r.metrics.lcpMs);
      const median = [...mine].sort((a, b) => a.metrics.lcpMs - b.metrics.lcpMs)[(mine.length - 1) >> 1]!;
      runs.push({ ...median, lcpRunsMs: lcps });
      console.log(
        `  lighthouse ${path}: ${Object.values(runs.at(-1)!.scores).join(' / ')}; LCP ${lcps.join(', ')} ms`,
      );
    }
  } finally {
    await chrome.stop();
  }
  return { version, runs };
}
