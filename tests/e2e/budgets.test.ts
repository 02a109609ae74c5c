/**
 * Byte budgets of tests/budgets.ts: HTML, CSS and JS counted from the files of every built page.
 * Fonts are what Chromium fetches with an empty cache, on the largest page of each type in each
 * language (opening all 70 pages would add a minute on CI for the same few font files); the same
 * visit checks the count: a file fetched on first view that the count left out fails the test.
 * Prints the budgets and the measures.
 */
import type { Request } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, sharedPage, url } from './browser';
import { base, builtPages } from '../support/built';
import { dist, localeCodes } from '../support/site';
import { defaultLocale } from '../../src/i18n/locales';
import { fontFiles, pageWeight } from '../support/weight';
import { fontBudgets, budgetClassOf, budgetClasses, type Budget } from '../budgets';

const site = { dist, base };
const fonts = fontFiles(site);
const langOf = (path: string) => localeCodes.find((l) => path.startsWith(`/${l}/`)) ?? defaultLocale; // the chooser and 404 start in the default language
const pages = builtPages()
  .map(({ path }) => {
    const type = budgetClassOf(path);
    return {
      path,
      type,
      lang: langOf(path),
      weight: type ? pageWeight(site, path, (type.budget as Budget).onOpen) : undefined,
    };
  })
  .sort((a, b) => a.path.localeCompare(b.path));
/** The page with the largest HTML of each type and language: the one opened in Chromium. */
const visited = new Set(
  Object.values(Object.groupBy(pages, (p) => `${p.type?.type} ${p.lang}`)).map(
    (group) => group!.reduce((a, b) => ((b.weight?.html ?? 0) > (a.weight?.html ?? 0) ? b : a)).path,
  ),
);
const measured: {
  path: string;
  type: string;
  lang: string;
  html: number;
  css: number;
  js: number;
  fonts?: number;
}[] = [];

/**
 * One page visits them all, in a language the site lacks (the chooser stays put). Its requests go
 * through a route (tests/e2e/browser.ts), and Playwright turns the HTTP cache off for a routed
 * context: each visit fetches every file again, as with an empty cache. The test checks that each
 * visit did fetch its fonts.
 */
const visitor = sharedPage({ locale: 'de-DE' });

/**
 * Site paths Chromium fetches while opening a page with an empty cache (query strings dropped):
 * until the load event and the fonts are done, and the `expected` files a script fetches as it opens.
 */
async function fetchedOnOpen(path: string, expected: string[]): Promise<string[]> {
  const { page } = await visitor();
  const fetched = new Set<string>();
  const record = (r: Request) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith(base)) fetched.add(`/${u.pathname.slice(base.length)}`);
  };
  page.on('request', record);
  await page.goto(url(path));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect.poll(() => expected.filter((f) => !fetched.has(f)), { timeout: 15_000 }).toEqual([]);
  page.off('request', record);
  return [...fetched];
}

afterAll(async () => {
  await closeBrowser();
  const kb = (n: number) => (n / 1000).toFixed(1).padStart(6);
  const lines = budgetClasses.flatMap(({ type, budget }) => {
    const rows = measured.filter((m) => m.type === type);
    return [...new Set(rows.map((r) => r.lang))].map((lang) => {
      const mine = rows.filter((r) => r.lang === lang);
      const max = (k: 'html' | 'css' | 'js' | 'fonts') => Math.max(...mine.map((r) => r[k] ?? 0));
      const b = budget as Budget;
      return `${type.padEnd(17)} ${lang.padEnd(3)} ${String(mine.length).padStart(2)}  ${kb(max('html'))} /${kb(b.html)}  ${kb(max('css'))} /${kb(b.css)}  ${kb(max('js'))} /${kb(b.js)}  ${kb(max('fonts'))} /${kb(fontBudgets[lang] ?? 0)}`;
    });
  });
  if (lines.length === 0) return;
  console.log(
    [
      'Byte budgets, first view, gzip kB (largest page of each type and language / budget):',
      `${'type'.padEnd(17)} ${'lng'} ${'n'.padStart(2)}  ${'HTML'.padStart(15)}  ${'CSS'.padStart(15)}  ${'JS'.padStart(15)}  ${'fonts'.padStart(15)}`,
      ...lines,
    ].join('\n'),
  );
});

describe('byte budgets (tests/budgets.ts)', () => {
  it('every built page has a page type, hence a budget', () => {
    expect(pages.filter((p) => !p.type).map((p) => p.path)).toEqual([]);
  });

  it.each(pages.filter((p) => p.type).map((p) => [p.path, p] as const))(
    '%s',
    async (path, { type, lang, weight }) => {
      const budget: Budget = type!.budget;
      const over = (['html', 'css', 'js'] as const)
        .filter((k) => weight![k] > budget[k])
        .map((k) => `${k} ${weight![k]} B > ${budget[k]} B`);
      const row: (typeof measured)[number] = {
        path,
        type: type!.type,
        lang,
        html: weight!.html,
        css: weight!.css,
        js: weight!.js,
      };
      measured.push(row);
      if (visited.has(path)) {
        const onOpen = weight!.files.filter((f) => f.kind === 'on-open').map((f) => f.path);
        const fetched = await fetchedOnOpen(path, onOpen);
        row.fonts = fetched.filter((f) => fonts.has(f)).reduce((n, f) => n + fonts.get(f)!, 0);
        expect(row.fonts, 'no font fetched: the visit was not from an empty cache').toBeGreaterThan(0);
        if (row.fonts > fontBudgets[lang]!)
          over.push(
            `fonts ${row.fonts} B > ${fontBudgets[lang]} B: ${fetched.filter((f) => fonts.has(f)).join(', ')}`,
          );
        // What the page fetched that the count missed (the favicon is fetched once per site).
        const counted = new Set(weight!.files.map((f) => f.path));
        const missed = fetched.filter(
          (f) => f !== path && !counted.has(f) && !fonts.has(f) && f !== '/favicon.svg',
        );
        expect(
          missed,
          'fetched on first view but not counted: add them to onOpen in tests/budgets.ts',
        ).toEqual([]);
      }
      expect(
        over,
        `${path} (${type!.type}): ${weight!.files.map((f) => `${f.kind} ${f.path} ${f.bytes}`).join(', ')}`,
      ).toEqual([]);
    },
  );
});
