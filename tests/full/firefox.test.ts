/**
 * Firefox ESR (Debian's, through WebDriver BiDi) runs the same reader checks on the hosted site
 * (nginx with server/nginx.conf) and on the offline copy opened from file://: pages
 * drawn in the site's fonts, links, the language picker, search, the estimator, and the theme
 * choice kept from page to page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { locales, root } from '../support/site';
import { closeFirefox, firefoxBinary, openFirefoxPage } from './firefox';
import { shownUi } from '../support/ui';
import { scratchDir, unzipTo } from '../support/unzip';

afterAll(closeFirefox);
const ui = (lang: string) => shownUi(lang);

const scratch = scratchDir('firefox');
let copy = '';
beforeAll(() => {
  if (!existsSync(firefoxBinary))
    throw new Error(
      `${firefoxBinary} not found: \`npm run test:full\` installs Debian's firefox-esr (or set FIREFOX_PATH)`,
    );
  unzipTo(join(root, 'dist-export/offshoring-maroc-all.zip'), scratch.dir);
  copy = join(scratch.dir, 'offshoring-maroc-all');
});
afterAll(scratch.remove);

interface Target {
  name: string;
  /** The URL of a site path: '/fr/parks/' → its page. */
  at: (path: string) => string;
  /** The site path of a URL, query and hash left out: the inverse of `at`. */
  pathOf: (url: string) => string;
  allowed: (url: string) => boolean;
}
const hosted: Target = {
  name: 'the hosted site (nginx)',
  at: (path) => `${inject('origin')}${path}`,
  pathOf: (u) => new URL(u).pathname,
  allowed: (u) => u.startsWith(`${inject('origin')}/`) || u.startsWith('data:'),
};
const offline: Target = {
  name: 'the offline copy (file://)',
  at: (path) => {
    const [p, rest = ''] = path.split(/(?=[?#])/);
    return pathToFileURL(join(copy, p!.endsWith('/') ? `${p}index.html` : p!)).href + rest;
  },
  pathOf: (u) =>
    decodeURIComponent(new URL(u).pathname)
      .replace(/^.*\/offshoring-maroc-all/, '')
      .replace(/index\.html$/, ''),
  allowed: (u) => /^(file|data):/.test(u),
};

/** The h1 is drawn in the site's font, not in a fallback (Firefox gives up on a late font: font-display). */
async function drawnInSiteFont(page: Page) {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const h = document.querySelector('h1')!;
    const cs = getComputedStyle(h);
    const width = (family: string) => {
      const s = document.createElement('span');
      s.textContent = h.textContent;
      s.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font-size:${cs.fontSize};font-weight:${cs.fontWeight};font-family:${family}`;
      document.body.append(s);
      const w = s.getBoundingClientRect().width;
      s.remove();
      return w;
    };
    const page = width(cs.fontFamily);
    return {
      family: cs.fontFamily,
      differsFromFallback: page !== width('sans-serif') && page !== width('serif'),
    };
  });
}

async function follow(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

describe.each([hosted, offline])('Firefox ESR, $name', (target) => {
  it.each(['fr', 'en', 'ar'] as const)(
    '%s: pages in the site fonts, links and the picker lead to the right pages',
    async (lang) => {
      const t = ui(lang);
      const w = await openFirefoxPage(target.allowed);
      const { page } = w;
      await page.goto(target.at(`/${lang}/`), { waitUntil: 'load' });
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual([lang, locales[lang].dir]);
      // The copy's fonts are inlined: drawn from the first page. The hosted site's first view may
      // miss its fonts (font-display: optional, measured below); the next pages have them.
      if (target === offline) expect((await drawnInSiteFont(page)).differsFromFallback).toBe(true);
      await follow(page, `header nav a[href*="parks/"]`);
      expect(target.pathOf(page.url())).toBe(`/${lang}/parks/`);
      await follow(page, '[data-park="fes-shore"] a');
      expect(target.pathOf(page.url())).toBe(`/${lang}/parks/fes-shore/`);
      expect((await drawnInSiteFont(page)).differsFromFallback).toBe(true);
      const other = lang === 'en' ? 'fr' : 'en';
      await follow(page, `a[hreflang="${locales[other].hreflang}"]`);
      expect(target.pathOf(page.url())).toBe(`/${other}/parks/fes-shore/`);
      expect(await page.$eval('h1', (h) => h.textContent)).toBeTruthy();
      expect(t.nav.parks).toBeTruthy();
      expect(w.problems).toEqual([]);
      expect(w.foreign).toEqual([]);
      await w.context.close();
    },
  );

  it('keeps the theme chosen on one page on the next pages', async () => {
    const w = await openFirefoxPage(target.allowed);
    const { page } = w;
    await page.goto(target.at('/fr/'), { waitUntil: 'load' });
    const before = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    await page.click('[data-theme-toggle]');
    const chosen = await page.evaluate(() => document.documentElement.dataset['theme']);
    expect(chosen).toBe(before ? 'light' : 'dark');
    await follow(page, 'header nav a[href*="incentives/"]');
    expect(target.pathOf(page.url())).toBe('/fr/incentives/');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(chosen);
    expect(await page.$eval('[data-theme-toggle]', (b) => b.getAttribute('aria-pressed'))).toBe(
      String(chosen === 'dark'),
    );
    await follow(page, '[data-incentive="paf"] a');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(chosen);
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('searches from the header box and lists results on the search page', async () => {
    const w = await openFirefoxPage(target.allowed);
    const { page } = w;
    await page.goto(target.at('/en/parks/'), { waitUntil: 'load' });
    await page.click('[data-header-search] input[name="q"]');
    await page.type('[data-header-search] input[name="q"]', 'training');
    await page.waitForSelector('[data-header-search] [data-results] a[data-result]', { timeout: 15_000 });
    const quick = await page.$$eval('[data-header-search] [data-results] a[data-result]', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(quick.map(target.pathOf)).toContain('/en/pillars/human-capital/');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(target.pathOf(page.url())).toBe('/en/search/');
    await page.waitForSelector('[data-search-page] [data-results] > li h2 a', { timeout: 15_000 });
    const found = await page.$$eval('[data-search-page] [data-results] > li h2 a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(found.slice(0, 3).map(target.pathOf)).toContain('/en/pillars/human-capital/');
    expect(w.problems).toEqual([]);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });

  it('computes the estimator from a shared link', async () => {
    const w = await openFirefoxPage(target.allowed);
    const { page } = w;
    await page.goto(
      target.at(
        '/ar/incentives/estimator/?segment=ito&location=p2i-secondary&hires=40&salary=300000&moroccan=40',
      ),
      { waitUntil: 'load' },
    );
    await page.waitForSelector('#estimator-results:not([hidden])', { timeout: 15_000 });
    const amounts = await page.$$eval('#estimator-lines [data-incentive]', (rows) =>
      Object.fromEntries(
        rows.map((r) => [
          (r as HTMLElement).dataset['incentive'],
          (r as HTMLElement).dataset['amountMad'] ?? null,
        ]),
      ),
    );
    expect(amounts).toEqual({ air: '1477917.2', ais: null, pae: '2040000', paf: '420000' });
    expect(w.problems).toEqual([]);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });
});

describe('Firefox ESR, the offline copy’s file:// rule', () => {
  it('gives each file its own storage (the rule the theme must live with)', async () => {
    const w = await openFirefoxPage(offline.allowed);
    await w.page.goto(offline.at('/fr/'), { waitUntil: 'load' });
    await w.page.evaluate(() => localStorage.setItem('probe', 'set on /fr/'));
    await w.page.goto(offline.at('/fr/parks/'), { waitUntil: 'load' });
    expect(await w.page.evaluate(() => localStorage.getItem('probe'))).toBeNull();
    await w.context.close();
  });

  it('draws every first page of a fresh session in the site fonts (no font-display timeout)', async () => {
    const misses: string[] = [];
    for (const path of [
      '/fr/',
      '/ar/',
      '/en/pillars/human-capital/',
      '/ar/parks/fes-shore/',
      '/fr/incentives/estimator/',
      '/ar/glossary/',
    ]) {
      const w = await openFirefoxPage(offline.allowed);
      await w.page.goto(offline.at(path), { waitUntil: 'load' });
      const drawn = await drawnInSiteFont(w.page);
      if (!drawn.differsFromFallback) misses.push(`${path} (${drawn.family})`);
      await w.context.close();
    }
    expect(misses).toEqual([]);
  });
});

/**
 * The hosted site's font strategy (font-display: optional, engineer 17's) measured in both
 * browsers through nginx: how many first views of a fresh session draw in a fallback font, and
 * that the next page always has the site's font (the promise of `optional`: kept for the next page).
 */
describe('the hosted site’s fonts, measured in Firefox ESR and Chromium', () => {
  const paths = ['/fr/', '/ar/', '/en/pillars/human-capital/', '/ar/parks/fes-shore/'];

  it('Firefox: the next page is always drawn in the site fonts', async () => {
    const firstMisses: string[] = [];
    for (const path of paths) {
      const w = await openFirefoxPage(hosted.allowed);
      await w.page.goto(hosted.at(path), { waitUntil: 'load' });
      if (!(await drawnInSiteFont(w.page)).differsFromFallback) firstMisses.push(path);
      await w.page.goto(hosted.at(path.replace(/^\/(fr|en|ar)\/.*$/, '/$1/glossary/')), {
        waitUntil: 'load',
      });
      expect((await drawnInSiteFont(w.page)).differsFromFallback, `${path}, next page`).toBe(true);
      await w.context.close();
    }
    console.log(
      `[fonts] Firefox ESR, hosted: ${firstMisses.length} of ${paths.length} first views drawn in a fallback font (${firstMisses.join(', ') || 'none'})`,
    );
  });

  it('Chromium: the next page is always drawn in the site fonts', async () => {
    const { openPage, closeBrowser } = await import('../e2e/browser');
    const firstMisses: string[] = [];
    for (const path of paths) {
      const w = await openPage();
      await w.page.goto(hosted.at(path), { waitUntil: 'load' });
      const first = await w.page.evaluate(MEASURE);
      if (!first) firstMisses.push(path);
      await w.page.goto(hosted.at(path.replace(/^\/(fr|en|ar)\/.*$/, '/$1/glossary/')), {
        waitUntil: 'load',
      });
      expect(await w.page.evaluate(MEASURE), `${path}, next page`).toBe(true);
      await w.page.context().close();
    }
    await closeBrowser();
    console.log(
      `[fonts] Chromium, hosted: ${firstMisses.length} of ${paths.length} first views drawn in a fallback font (${firstMisses.join(', ') || 'none'})`,
    );
  });
});

/** drawnInSiteFont's measure, as a string for Playwright's evaluate. */
const MEASURE = `(async () => {
  await document.fonts.ready;
  const h = document.querySelector('h1');
  const cs = getComputedStyle(h);
  const width = (family) => {
    const s = document.createElement('span');
    s.textContent = h.textContent;
    s.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font-size:' + cs.fontSize + ';font-weight:' + cs.fontWeight + ';font-family:' + family;
    document.body.append(s);
    const w = s.getBoundingClientRect().width;
    s.remove();
    return w;
  };
  const page = width(cs.fontFamily);
  return page !== width('sans-serif') && page !== width('serif');
})()`;
