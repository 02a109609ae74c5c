/**
 * Debian's Firefox ESR driven through WebDriver BiDi with puppeteer-core. Firefox's own
 * rule for file:// is kept: each file is its own origin (puppeteer's default profile turns that
 * off; we turn it back on). Other hosts than 127.0.0.1 go to a proxy that does not exist, so any
 * request off the test server fails and is recorded.
 */
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';

export const firefoxBinary = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let browser: Browser | undefined;
export async function getFirefox(): Promise<Browser> {
  browser ??= await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxBinary,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      'security.fileuri.strict_origin_policy': true,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.allow_hijacking_localhost': false,
      'network.proxy.no_proxies_on': '127.0.0.1',
    },
  });
  return browser;
}
export async function closeFirefox() {
  await browser?.close();
  browser = undefined;
}

export interface FirefoxPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  foreign: string[];
}

/** A page in a fresh context (no cache, no storage), recording errors and requests off `allowed`. */
export async function openFirefoxPage(allowed: (url: string) => boolean): Promise<FirefoxPage> {
  const context = await (await getFirefox()).createBrowserContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('request', (r) => {
    if (!allowed(r.url())) foreign.push(r.url());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, context, problems, foreign };
}
