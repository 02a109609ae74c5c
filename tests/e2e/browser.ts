/**
 * Chromium from Debian (CHROME_PATH or /usr/bin/chromium) driven by playwright-core. Every page
 * opened through `openPage` records console errors, failed requests and requests to other hosts.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from 'playwright-core';
import { expect, inject } from 'vitest';
import { chromePath, chromiumFlags } from '../support/chromium';

export const origin = () => inject('origin');
export const base = () => inject('base');
/** URL of a site path ('/fr/') on the test server, under the base path. */
export const url = (path: string) => `${origin()}${base().replace(/\/$/, '')}${path}`;

let browser: Browser | undefined;
export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: chromePath,
    args: chromiumFlags,
  });
  return browser;
}
export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

export interface Watched {
  page: Page;
  problems: string[];
  foreign: string[];
}

/** Requests a page opened through `openPage` has started and not yet finished, and when the last one started. */
const inFlight = new WeakMap<Page, { open: Set<unknown>; lastStart: number }>();

/**
 * Waits, explicitly, until a page has settled: its load event, its fonts, and no request of its
 * own still open (a script's fetch, a font, Pagefind's files). Replaces Playwright's
 * `networkidle`, which waits for 500 ms without any request.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // No request open, and none started in the last 150 ms: the browser asks for the favicon
  // after the load event, and a script may fetch as it draws.
  const net = inFlight.get(page);
  if (net)
    await expect
      .poll(() => net.open.size === 0 && Date.now() - net.lastStart > 150, { timeout: 15_000, interval: 50 })
      .toBe(true);
}

export async function openPage(options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await (await getBrowser()).newContext({ locale: 'fr-FR', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const foreign: string[] = [];
  const host = new URL(origin()).host;
  const net = { open: new Set<unknown>(), lastStart: Date.now() };
  inFlight.set(page, net);
  page.on('request', (r) => {
    net.open.add(r);
    net.lastStart = Date.now();
  });
  page.on('requestfinished', (r) => net.open.delete(r));
  page.on('requestfailed', (r) => net.open.delete(r));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Files fetched after load by the browser (the favicon) or by the page once painted and idle
  // (the header box's panel code, src/client/search/header.ts): a test that navigates on cancels
  // them (net::ERR_ABORTED), as a reader would; not a fault of the page. A missing one is a 404,
  // reported below.
  const fetchedAfterLoad = [/\/favicon\.svg$/, /\/_astro\/(header-panel|render)\.[\w-]+\.js$/];
  const cancelledAfterLoad = (r: Request) =>
    r.failure()?.errorText === 'net::ERR_ABORTED' &&
    fetchedAfterLoad.some((p) => p.test(new URL(r.url()).pathname));
  // With JavaScript turned off, Chromium refuses a page's module preloads (reported as "csp"):
  // the browser's choice, not a fault of the page.
  const scriptOff = (r: Request) =>
    options.javaScriptEnabled === false && r.resourceType() === 'script' && r.failure()?.errorText === 'csp';
  page.on('requestfailed', (r) => {
    if (!cancelledAfterLoad(r) && !scriptOff(r))
      problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol.startsWith('http') && u.host !== host) {
      foreign.push(u.href);
      return route.abort();
    }
    return route.continue();
  });
  return { page, problems, foreign };
}

/**
 * One page that the tests of a block take in turn, each navigating it where it needs: for tests
 * that only open a URL and read the page (no storage written, no route or listener of their own),
 * where a fresh context for each costs more than the check. Each call returns the page with its
 * `problems` and `foreign` emptied, so a test sees only what happened since it began. The page
 * closes with the browser (`closeBrowser`).
 */
export function sharedPage(options: BrowserContextOptions = {}): () => Promise<Watched> {
  let w: Watched | undefined;
  return async () => {
    if (!w || w.page.isClosed()) w = await openPage(options);
    else await settled(w.page); // the last test's requests have ended: none is cut off by the next navigation
    w.problems.length = 0;
    w.foreign.length = 0;
    return w;
  };
}

/**
 * A page for the offline copy, opened from file://: every request that is not file: (or data:)
 * is refused and recorded in `blocked`, as a reader without network would have it.
 */
export async function openOfflinePage(
  options: BrowserContextOptions = {},
): Promise<Watched & { blocked: string[] }> {
  const context = await (await getBrowser()).newContext({ locale: 'fr-FR', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('request', (r) => {
    if (!/^(file|data):/.test(r.url())) blocked.push(r.url());
  });
  await context.route('**/*', (route) =>
    /^(file|data):/.test(route.request().url()) ? route.continue() : route.abort(),
  );
  return { page, problems, foreign: blocked, blocked };
}
