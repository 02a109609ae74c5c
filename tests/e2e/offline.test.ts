/**
 * The offline copy, unzipped into a temporary folder and opened from file:// in
 * Chromium with every network request refused: pages with their styles and fonts, links, the
 * language picker and root chooser, search, the estimator; then the files themselves (classic
 * scripts only, relative links that resolve, reproducible zips) and the hosted site's links.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales';
import { formatFileSize, stripBidiMarks } from '../../src/lib/format';
import {
  createOfflineIndex,
  searchOffline,
  type OfflineIndex,
  type OfflineIndexData,
} from '../../src/lib/offline-search';
import { investorQueries } from '../support/investor-queries';
import { base, builtPages, read } from '../support/built';
import { dist, localeCodes, locales, root } from '../support/site';
import { closeBrowser, openOfflinePage, openPage, url } from './browser';
import { shownUi } from '../support/ui';
import { scratchDir, unzipTo } from '../support/unzip';

afterAll(closeBrowser);
const out = join(root, 'dist-export');
const ui = (lang: string) => shownUi(lang);
const variants = [...localeCodes, 'all'] as const;
const zipName = (v: string) => `offshoring-maroc-${v}.zip`;

/** Where each zip was unzipped (a fresh temporary folder, as a reader would). */
const unzipped: Record<string, string> = {};
const scratch = scratchDir('offline');
beforeAll(() => {
  for (const v of variants) {
    const dir = join(scratch.dir, v);
    unzipTo(join(out, zipName(v)), dir);
    unzipped[v] = join(dir, `offshoring-maroc-${v}`);
  }
});
afterAll(scratch.remove);

const fileUrl = (v: string, path: string) => pathToFileURL(join(unzipped[v]!, path)).href;
/** The path of a file:// URL inside its unzipped copy: '…/offshoring-maroc-fr/fr/parks/index.html#x' → 'fr/parks/index.html#x'. */
const inCopy = (href: string) => decodeURIComponent(href).replace(/^.*\/offshoring-maroc-[a-z]+\//, '');

/** Every page draws with the stylesheet and its fonts. */
async function styled(page: Page, lang: string) {
  const state = await page.evaluate(async () => {
    await document.fonts.ready;
    return {
      sheets: document.styleSheets.length,
      width: getComputedStyle(document.querySelector('main')!).maxWidth,
      fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
    };
  });
  expect(state.sheets).toBeGreaterThan(0);
  expect(state.width).not.toBe('none');
  expect(state.fonts).toContain(lang === 'ar' ? 'Noto Sans Arabic Variable' : 'Inter Variable');
}

async function clickTo(page: Page, link: ReturnType<Page['getByRole']>, expected: string) {
  await link.first().click();
  await page.waitForURL((u) => inCopy(u.href).split('#')[0] === expected, { timeout: 10_000 });
  await page.waitForLoadState('load');
}

describe.each(localeCodes)('the %s zip, from file:// without network', (lang) => {
  const t = ui(lang);

  it('renders with its styles and fonts, and its links lead to the right pages', async () => {
    const w = await openOfflinePage({ locale: locales[lang].intl });
    const { page } = w;
    await page.goto(fileUrl(lang, `${lang}/index.html`));
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.getAttribute('html', 'dir')).toBe(locales[lang].dir);
    await styled(page, lang);
    const nav = () => page.getByRole('navigation', { name: t.nav.label });

    await clickTo(
      page,
      nav().getByRole('link', { name: t.nav.parks, exact: true }),
      `${lang}/parks/index.html`,
    );
    await styled(page, lang);
    await clickTo(page, page.locator('[data-park="fes-shore"] a'), `${lang}/parks/fes-shore/index.html`);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    await clickTo(
      page,
      page
        .getByRole('navigation', { name: t.a11y.breadcrumbs })
        .getByRole('link', { name: t.nav.parks, exact: true }),
      `${lang}/parks/index.html`,
    );
    await clickTo(
      page,
      nav().getByRole('link', { name: t.nav.incentives, exact: true }),
      `${lang}/incentives/index.html`,
    );
    await clickTo(
      page,
      page.locator('[data-incentive="paf"] a').first(),
      `${lang}/incentives/paf/index.html`,
    );
    await clickTo(
      page,
      page.locator('footer').getByRole('link', { name: t.nav.glossary, exact: true }),
      `${lang}/glossary/index.html`,
    );
    await clickTo(
      page,
      page.locator('footer').getByRole('link', { name: t.footer.methodology, exact: true }),
      `${lang}/sources/index.html`,
    );
    expect(new URL(page.url()).hash).toBe('#method');
    await clickTo(
      page,
      page.getByRole('banner').getByRole('link', { name: t.site.name }),
      `${lang}/index.html`,
    );
    await clickTo(page, page.locator('#pillars a').first(), `${lang}/pillars/human-capital/index.html`);
    await styled(page, lang);

    // The brochure is in the zip, linked from the footer with its size.
    const pdf = page.locator('footer a[href$=".pdf"]');
    expect(await pdf.getAttribute('href')).toBe(`../../../downloads/offshoring-maroc-${lang}.pdf`);
    const bytes = statSync(join(unzipped[lang]!, `downloads/offshoring-maroc-${lang}.pdf`)).size;
    expect(stripBidiMarks((await pdf.textContent())!)).toContain(
      stripBidiMarks(formatFileSize(bytes, locales[lang].intl)),
    );
    expect(await page.locator('footer a[href$=".zip"]').count()).toBe(0);

    // One language only: the picker offers no other.
    const picker = page.getByRole('navigation', { name: t.picker.label }).getByRole('link');
    expect(await picker.count()).toBe(1);
    expect(w.problems).toEqual([]);
    expect(w.blocked).toEqual([]);
    await page.context().close();
  });

  const queries: Record<Locale, [string, string]> = {
    fr: ['Fès', 'fr/parks/fes-shore/index.html'],
    en: ['training', 'en/pillars/human-capital/index.html'],
    ar: ['التكوين', 'ar/pillars/human-capital/index.html'],
  };

  it('searches from the header box and on the search page, and opens a result', async () => {
    const [q, expected] = queries[lang];
    const w = await openOfflinePage({ locale: locales[lang].intl });
    const { page } = w;
    await page.goto(fileUrl(lang, `${lang}/parks/index.html`));
    const box = page.getByRole('search', { name: t.search.label }).getByRole('searchbox');
    await box.fill(q);
    const quick = page.locator('[data-header-search] [data-results] a[data-result]');
    await expect
      .poll(
        async () =>
          (await quick.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map(inCopy),
        { timeout: 10_000 },
      )
      .toContain(expected);
    await box.press('Enter');
    await page.waitForURL((u) => inCopy(u.href).startsWith(`${lang}/search/index.html?q=`));
    const results = page.locator('[data-search-page] [data-results] > li h2 a');
    await expect
      .poll(
        async () =>
          (await results.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
            .map(inCopy)
            .slice(0, 3),
        { timeout: 10_000 },
      )
      .toContain(expected);
    expect(await page.locator('[data-search-page] [data-status]').textContent()).toContain(q);
    await clickTo(
      page,
      page.locator(
        `[data-search-page] [data-results] > li h2 a[href$="${expected.replace(`${lang}/`, '')}"]`,
      ),
      expected,
    );
    await styled(page, lang);
    expect(w.problems).toEqual([]);
    expect(w.blocked).toEqual([]);
    await page.context().close();
  });

  it('computes the estimator’s shared link with the same amounts as the hosted site', async () => {
    const shared = '?segment=ito&location=p2i-secondary&hires=40&salary=300000&moroccan=40';
    const amounts = (page: Page) =>
      page
        .locator('#estimator-lines [data-incentive]')
        .evaluateAll((rows) =>
          Object.fromEntries(
            rows.map((r) => [
              (r as HTMLElement).dataset['incentive'],
              (r as HTMLElement).dataset['amountMad'] ?? null,
            ]),
          ),
        );
    const online = await openPage();
    await online.page.goto(url(`/${lang}/incentives/estimator/${shared}`));
    await online.page.locator('#estimator-results:not([hidden])').waitFor();
    const expected = await amounts(online.page);
    await online.page.context().close();

    const w = await openOfflinePage({ locale: locales[lang].intl });
    await w.page.goto(fileUrl(lang, `${lang}/incentives/estimator/index.html`) + shared);
    await w.page.locator('#estimator-results:not([hidden])').waitFor();
    expect(await amounts(w.page)).toEqual(expected);
    expect(expected).toEqual({ air: '1477917.2', ais: null, pae: '2040000', paf: '420000' });
    // Its links to the incentive pages name their files.
    await clickTo(
      w.page,
      w.page.locator('#estimator-lines [data-incentive="paf"] th a').first(),
      `${lang}/incentives/paf/index.html`,
    );
    expect(w.problems).toEqual([]);
    expect(w.blocked).toEqual([]);
    await w.page.context().close();
  });
});

describe('the ar zip’s search', () => {
  it('finds «تكوين» where the page says «والتكوين», as online', async () => {
    const w = await openOfflinePage({ locale: 'ar-MA' });
    await w.page.goto(`${fileUrl('ar', 'ar/search/index.html')}?q=${encodeURIComponent('تكوين')}`);
    const results = w.page.locator('[data-search-page] [data-results] > li h2 a');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const marks = await w.page.locator('[data-search-page] [data-results] mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['والتكوين']));
    expect(w.problems).toEqual([]);
    expect(w.blocked).toEqual([]);
    await w.page.context().close();
  });
});

describe('the offline index', () => {
  const indexes = new Map<string, OfflineIndex>();
  /** The index a page of the copy loads: its classic script run in a bare context. */
  const indexOf = (lang: string) => {
    if (!indexes.has(lang)) {
      const context = { window: {} as { offshoringSearchIndex?: Record<string, OfflineIndexData> } };
      runInNewContext(
        readFileSync(join(unzipped['all']!, `_offline/search-index-${lang}.js`), 'utf8'),
        context,
      );
      indexes.set(lang, createOfflineIndex(context.window.offshoringSearchIndex![lang]!));
    }
    return indexes.get(lang)!;
  };

  it.each(investorQueries)('%s: «%s» finds %s among the first three, as online', (lang, q, expected) => {
    const paths = searchOffline(indexOf(lang), q).map((h) => `/${h.url.replace(/index\.html$/, '')}`);
    expect(paths.slice(0, 3), paths.join(' ')).toContain(expected);
  });
});

describe('the all-languages zip', () => {
  it('changes language with the picker, on the same page', async () => {
    const w = await openOfflinePage();
    await w.page.goto(fileUrl('all', 'fr/pillars/human-capital/index.html'));
    for (const to of ['en', 'ar', 'fr'] as const) {
      await clickTo(
        w.page,
        w.page.getByRole('link', { name: locales[to].name, exact: true }),
        `${to}/pillars/human-capital/index.html`,
      );
      expect(await w.page.getAttribute('html', 'lang')).toBe(to);
      await styled(w.page, to);
    }
    expect(w.problems).toEqual([]);
    expect(w.blocked).toEqual([]);
    await w.page.context().close();
  });

  it.each([
    ['ar-MA', 'ar'],
    ['en-GB', 'en'],
    ['fr-FR', 'fr'],
  ] as const)('sends a %s browser from the root chooser to %s/index.html', async (browserLocale, lang) => {
    const w = await openOfflinePage({ locale: browserLocale });
    await w.page.goto(fileUrl('all', 'index.html'));
    await w.page.waitForURL((u) => inCopy(u.href) === `${lang}/index.html`);
    expect(await w.page.getAttribute('html', 'lang')).toBe(lang);
    expect(w.problems.filter((p) => !p.endsWith('net::ERR_ABORTED'))).toEqual([]);
    expect(w.blocked).toEqual([]);
    await w.page.context().close();
  });

  it('opens every page with its styles, no error and no request that is not a file', async () => {
    const w = await openOfflinePage();
    const pages = filesOf(unzipped['all']!)
      .filter((f) => f.endsWith('.html'))
      .sort();
    for (const file of pages) {
      await w.page.goto(fileUrl('all', file));
      if (file === 'index.html') continue; // the chooser moves on to a language
      await w.page.waitForLoadState('load');
      expect(await w.page.evaluate(() => document.styleSheets.length), file).toBeGreaterThan(0);
    }
    expect(w.problems.filter((p) => !p.endsWith('net::ERR_ABORTED'))).toEqual([]);
    expect(w.blocked).toEqual([]);
    await w.page.context().close();
  }, 240_000); // a hundred pages and more, one after another (past 60 s on a slower host)

  it('offers only the languages it holds on a one-language root chooser', async () => {
    const w = await openOfflinePage({ locale: 'de-DE', javaScriptEnabled: false });
    await w.page.goto(fileUrl('en', 'index.html'));
    const links = await w.page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map(inCopy)).toEqual(['en/index.html']);
    await w.page.context().close();
  });
});

/** Files of an unzipped copy, relative to its root. */
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());

describe.each(variants)('the files of the %s copy', (v) => {
  it('are pages with classic scripts only, whose every link and source is a relative file that exists', () => {
    const dir = unzipped[v]!;
    const problems: string[] = [];
    const pages = filesOf(dir).filter((f) => f.endsWith('.html'));
    // Every page of the language(s) but the brochure's print source, and the root chooser.
    const langs = v === 'all' ? localeCodes : [v];
    const hosted = builtPages().filter(
      (p) => langs.some((l) => p.path.startsWith(`/${l}/`)) && !p.path.endsWith('/brochure/'),
    );
    expect(pages.length).toBe(1 + hosted.length);
    for (const file of pages) {
      const html = readFileSync(join(dir, file), 'utf8');
      if (/<script\b[^>]*type="module"/.test(html)) problems.push(`${file}: module script`);
      for (const [, attr, value] of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        const target = value!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:|#)/.test(target)) continue;
        if (target.startsWith('/')) {
          problems.push(`${file}: ${attr}="${target}" is not relative`);
          continue;
        }
        const path = join(dirname(join(dir, file)), decodeURI(target.split(/[?#]/)[0]!));
        if (!existsSync(path) || statSync(path).isDirectory())
          problems.push(`${file}: ${attr}="${target}" → no such file`);
      }
    }
    for (const js of filesOf(dir).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(dir, js), 'utf8');
      if (/(?<![.\w$])import\s*\(|(?<![.\w$])fetch\s*\([^)]*\)\s*(?!\{)|\bexport\s*\{/.test(text))
        problems.push(`${js}: import(), fetch() or export`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('come from a reproducible zip: sorted entries, one date, the same bytes as the hosted download', () => {
    const zip = readFileSync(join(out, zipName(v)));
    expect(readFileSync(join(dist, 'downloads', zipName(v))).equals(zip)).toBe(true);
    const names = Object.keys(unzipSync(zip));
    expect(names).toEqual([...names].sort());
    const dates = new Set<number>();
    for (let at = zip.indexOf('PK\x01\x02'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4))
      dates.add(zip.readUInt32LE(at + 12));
    expect(dates.size).toBe(1);
  });
});

describe('the hosted site', () => {
  it.each(localeCodes)(
    'links every %s page to its language’s zip and PDF and the all-languages zip, with their sizes',
    (lang) => {
      const zip = statSync(join(dist, 'downloads', zipName(lang))).size;
      const all = statSync(join(dist, 'downloads', zipName('all'))).size;
      const pdf = statSync(join(dist, 'downloads', `offshoring-maroc-${lang}.pdf`)).size;
      const pages = builtPages().filter(
        (p) => p.path.startsWith(`/${lang}/`) && !p.path.endsWith('/brochure/'),
      );
      expect(pages.length).toBeGreaterThan(20);
      for (const { path, file } of pages) {
        const footer = stripBidiMarks(read(file).match(/<footer[\s\S]*<\/footer>/)![0]);
        expect(footer, path).toContain(`href="${base}downloads/${zipName(lang)}"`);
        expect(footer, path).toContain(`href="${base}downloads/offshoring-maroc-${lang}.pdf"`);
        expect(footer, path).toContain(`href="${base}downloads/${zipName('all')}"`);
        for (const size of [zip, pdf, all])
          expect(footer, path).toContain(stripBidiMarks(formatFileSize(size, locales[lang].intl)));
      }
    },
  );

  it('serves the zips from the footer links', async () => {
    const w = await openPage();
    await w.page.goto(url('/en/'));
    for (const name of [ui('en').download.offline, ui('en').download.offlineAll]) {
      const href = await w.page
        .locator('footer')
        .getByRole('link', { name: new RegExp(`^${name}`) })
        .getAttribute('href');
      expect(href).toMatch(/\.zip$/);
      const response = await w.page.request.get(new URL(href!, w.page.url()).href);
      expect(response.status()).toBe(200);
      expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
    }
    await w.page.context().close();
  });
});
