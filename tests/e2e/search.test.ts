/**
 * Site search in Chromium against the built site: the index, investor queries in each language
 * (one search page per language, the queries typed in turn: one Pagefind load each), Arabic prefixes, filters, shareable links, bad input, keyboard use, accessibility
 * and what it costs readers who do not search.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'htmlparser2';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales';
import { maxQueryLength, prepareQuery } from '../../src/lib/search';
import { frenchTypography, mapStrings } from '../../src/lib/typography';
import { builtPages, read } from '../support/built';
import { axeViolations } from '../support/axe';
import { dist, localeCodes, root } from '../support/site';
import { base, closeBrowser, openPage, sharedPage, url, type Watched, settled } from './browser';
import { investorQueries } from '../support/investor-queries';
import { headerSearchBudget } from '../budgets';
import { wireBytes } from '../support/weight';

afterAll(closeBrowser);

// The strings as the site shows them: French gets its no-break spaces at load (src/i18n).
const ui = (lang: Locale) =>
  mapStrings(
    JSON.parse(readFileSync(join(root, `src/i18n/ui/${lang}.json`), 'utf8')),
    lang === 'fr' ? frenchTypography : (t: string) => t,
  ).search;

/** A site path without the base: 'http://…/offshoring/fr/x/#a' → '/fr/x/#a'. */
const sitePath = (href: string) => {
  const u = new URL(href);
  return `/${u.pathname.slice(base().length)}${decodeURIComponent(u.hash)}`;
};

const status = (page: Page) => page.locator('[data-search-page] [data-status]');
const resultLinks = (page: Page) => page.locator('[data-results] > li h2 a');
const resultPaths = async (page: Page) =>
  (await resultLinks(page).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map(sitePath);

/** Every result, pressing "more results" until there is none left. */
async function allResultPaths(page: Page) {
  const more = page.locator('[data-search-page] [data-more]');
  for (let i = 0; i < 10 && (await more.isVisible()); i++) {
    const before = await resultLinks(page).count();
    await more.click();
    await expect.poll(() => resultLinks(page).count()).toBeGreaterThan(before);
  }
  return resultPaths(page);
}

/** Waits until the search page has answered `query` (its status names it, or says it is empty). */
async function answered(page: Page, query?: string) {
  await expect
    .poll(async () => ((await status(page).textContent()) ?? '').trim(), { timeout: 10_000 })
    .not.toBe('');
  if (query !== undefined)
    await expect.poll(async () => status(page).textContent(), { timeout: 10_000 }).toContain(query);
  await expect.poll(async () => page.locator('[data-results][aria-busy]').count()).toBe(0);
}

/**
 * Searches for `q` on an open search page as a reader does (types it, presses Enter) and waits
 * until the page has answered that query: the URL holds it, the list is no longer busy and the
 * status names it. Typing reuses the Pagefind already loaded, where a new page would load it again.
 */
async function searchFor(page: Page, q: string) {
  const text = prepareQuery(q).text;
  const box = page.locator('[data-search-page] input[name="q"]');
  await box.fill(q);
  await box.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(text);
  await answered(page, text || undefined);
}

/** Opens the search page with `params` in its URL, in a new page or in `into` (from `sharedPage`). */
async function openSearch(lang: Locale, params: Record<string, string>, into?: Watched): Promise<Watched> {
  const w = into ?? (await openPage());
  await w.page.goto(url(`/${lang}/search/?${new URLSearchParams(params)}`));
  await answered(w.page, prepareQuery(params['q'] ?? '').text || undefined);
  return w;
}

/** Nothing failed and nothing came from another host; the page stays open (a shared page). */
async function checked({ page, problems, foreign }: Watched) {
  await settled(page);
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
}

async function done(w: Watched) {
  await checked(w);
  await w.page.context().close();
}

/**
 * The search page the tests take in turn when they open a URL, read it or use its form (state the
 * next navigation drops), and neither watch requests nor route them: one renderer for them all.
 */
const reader = sharedPage();

describe('the search index', () => {
  const entry = JSON.parse(read(join(dist, 'pagefind/pagefind-entry.json'))) as {
    languages: Record<string, { page_count: number }>;
  };
  const pages = builtPages();

  it('has one index per language, with exactly the pages that mark their content', () => {
    expect(Object.keys(entry.languages).sort()).toEqual([...localeCodes].sort());
    for (const lang of localeCodes) {
      const marked = pages.filter(
        (p) => p.path.startsWith(`/${lang}/`) && read(p.file).includes('data-pagefind-body'),
      );
      expect(entry.languages[lang]?.page_count, lang).toBe(marked.length);
      expect(marked.length).toBeGreaterThan(5);
    }
    for (const path of ['/', '/404.html', ...localeCodes.map((l) => `/${l}/search/`)]) {
      expect(read(pages.find((p) => p.path === path)!.file), path).not.toContain('data-pagefind-body');
    }
  });

  it('covers the article only: never the header, navigation, breadcrumbs, footer or source lists', async () => {
    // Each page parsed by the browser's own HTML parser (DOMParser, scripts off as with JavaScript
    // disabled), fetched from one open page rather than navigated to one after another.
    const w = await openPage({ javaScriptEnabled: false });
    await w.page.goto(url('/'));
    const paths = pages
      .filter((p) => localeCodes.some((l) => p.path.startsWith(`/${l}/`)))
      .map((p) => p.path);
    const leaks = await w.page.evaluate(
      async (urls) => {
        const out: Record<string, string[]> = {};
        for (const [path, href] of urls) {
          const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html');
          const mine: string[] = [];
          for (const body of doc.querySelectorAll('[data-pagefind-body]')) {
            if (body.closest('header, footer, nav')) mine.push('body inside header/footer/nav');
            for (const el of body.querySelectorAll(
              'header, footer, nav, [aria-labelledby="page-sources"], #all-sources, #figures',
            )) {
              if (!el.closest('[data-pagefind-ignore]'))
                mine.push(`indexed ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`);
            }
          }
          out[path] = mine;
        }
        return out;
      },
      paths.map((p) => [p, url(p)] as const),
    );
    expect(Object.keys(leaks).length).toBe(paths.length);
    for (const path of paths) expect(leaks[path], path).toEqual([]);
    await w.page.context().close();
  });
});

describe.each(localeCodes)('queries investors type, %s', (lang) => {
  // One search page for the language: the first query from the URL, the others typed into its box.
  let w: Watched | undefined;
  it.each(investorQueries.filter(([l]) => l === lang))(
    '%s: «%s» finds %s among the first three',
    async (_, q, expected) => {
      if (w) await searchFor(w.page, q);
      else w = await openSearch(lang, { q });
      const paths = await resultPaths(w.page);
      expect(paths.slice(0, 3), paths.join(' ')).toContain(expected);
    },
  );

  it('the page searched them all with no error and nothing from another host', async () => {
    expect(w).toBeDefined();
    await done(w!);
  });
});

describe('what a result shows', () => {
  it('shows each result with its title, page type and a highlighted excerpt, in the page’s language', async () => {
    const w = await openSearch('fr', { q: 'Casanearshore' }, await reader());
    const item = w.page
      .locator('[data-results] > li')
      .filter({ has: w.page.locator('a[href$="/fr/parks/casanearshore/"]') });
    await expect(item.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Casanearshore, Casablanca',
    );
    await expect(item.textContent()).resolves.toContain(`${ui('fr').type.park} · Casablanca-Settat`);
    expect(await item.locator('mark').count()).toBeGreaterThan(0);
    await checked(w);
  });

  it('lands on the right section: a glossary entry, a heading', async () => {
    const w = await openSearch('en', { q: 'ANAPEC' }, await reader());
    const sections = await w.page
      .locator('[data-results] > li ul a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(sections.map(sitePath)).toContain('/en/glossary/#term-anapec');
    await w.page.goto(url('/en/search/?q=training'));
    await answered(w.page, 'training');
    const all = await w.page
      .locator('[data-results] a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(all.map(sitePath)).toContain('/en/pillars/human-capital/#the-training-bonus-paf');
    await checked(w);
  });
});

/** The text of a page's indexed region (`data-pagefind-body`), without what is marked `data-pagefind-ignore`. */
function indexedText(html: string): string {
  type Node = {
    type: string;
    data?: string;
    name?: string;
    attribs?: Record<string, string>;
    children?: Node[];
  };
  const text: string[] = [];
  const walk = (n: Node, inBody: boolean) => {
    const attribs = n.attribs ?? {};
    if ('data-pagefind-ignore' in attribs || n.name === 'script' || n.name === 'style') return;
    const body = inBody || (n.name === 'article' && 'data-pagefind-body' in attribs);
    if (n.type === 'text' && body) text.push(n.data ?? '');
    for (const c of n.children ?? []) walk(c, body);
  };
  walk(parseDocument(html) as unknown as Node, false);
  return text.join(' ');
}

describe('Arabic attached prefixes', () => {
  /** Arabic pages whose indexed text holds one of `words` as a whole word. */
  function pagesSaying(words: string[]) {
    return builtPages()
      .filter((p) => p.path.startsWith('/ar/') && p.path !== '/ar/search/')
      .filter((p) =>
        indexedText(read(p.file))
          .split(/[\s،.:؛()«»[\]]+/)
          .some((w) => words.includes(w)),
      )
      .map((p) => p.path);
  }

  it.each([
    ['التكوين', ['التكوين', 'والتكوين', 'بالتكوين', 'للتكوين', 'فالتكوين']],
    ['تكوين', ['تكوين', 'التكوين', 'والتكوين', 'بالتكوين', 'للتكوين']],
    ['التدبير', ['التدبير', 'والتدبير', 'بالتدبير', 'تدبير']],
  ])('«%s» finds every page that says %j', async (q, words) => {
    const expected = pagesSaying(words);
    expect(expected.length, 'the content should use the word somewhere').toBeGreaterThan(0);
    const w = await openSearch('ar', { q }, await reader());
    expect(await allResultPaths(w.page)).toEqual(expect.arrayContaining(expected));
    await checked(w);
  });
});

describe('filters', () => {
  it('narrow the results by page type and, for parks, by region, and keep them in the URL', async () => {
    const w = await openSearch('fr', { q: 'Casablanca' }, await reader());
    const all = await resultPaths(w.page);
    expect(all.length).toBeGreaterThan(1);
    const strings = ui('fr');

    await w.page.getByRole('radio', { name: strings.filter.park }).check();
    await answered(w.page, 'Casablanca');
    await expect.poll(async () => (await resultPaths(w.page)).length).toBeLessThan(all.length);
    const parks = await resultPaths(w.page);
    expect(parks).toContain('/fr/parks/casanearshore/');
    for (const kind of await w.page.locator('[data-results] > li > p:first-of-type').allTextContents())
      expect(kind).toMatch(new RegExp(`^${strings.type.park}`));
    expect(new URL(w.page.url()).searchParams.get('type')).toBe('park');

    await w.page.getByRole('radio', { name: strings.filter.glossary }).check();
    await answered(w.page, 'Casablanca');
    await expect.poll(async () => resultPaths(w.page)).not.toContain('/fr/parks/casanearshore/');

    // Choosing a region selects parks; its name comes from parks.yaml in the page's language.
    await w.page.getByLabel(strings.region).selectOption('Casablanca-Settat');
    await expect(w.page.getByRole('radio', { name: strings.filter.park }).isChecked()).resolves.toBe(true);
    await answered(w.page, 'Casablanca');
    await expect
      .poll(async () => (await resultPaths(w.page)).sort())
      .toEqual(['/fr/parks/casablanca-tech-valley/', '/fr/parks/casanearshore/']);
    expect(new URL(w.page.url()).searchParams.get('region')).toBe('Casablanca-Settat');
    await checked(w);
  });

  it('offer region names in Arabic on the Arabic page', async () => {
    const w = await openSearch(
      'ar',
      { q: 'كازا نيرشور', type: 'park', region: 'الدار البيضاء-سطات' },
      await reader(),
    );
    expect(await w.page.getByLabel(ui('ar').region).inputValue()).toBe('الدار البيضاء-سطات');
    expect((await resultPaths(w.page)).sort()).toEqual([
      '/ar/parks/casablanca-tech-valley/',
      '/ar/parks/casanearshore/',
    ]);
    await checked(w);
  });
});

describe('a search is a link', () => {
  it('opens with the query and filters of its URL, and typing updates the URL', async () => {
    const w = await openSearch('en', { q: 'training', type: 'pillar' });
    const { page } = w;
    expect(await page.getByRole('searchbox', { name: ui('en').queryLabel }).inputValue()).toBe('training');
    expect(await page.getByRole('radio', { name: ui('en').filter.pillar }).isChecked()).toBe(true);
    const first = await resultPaths(page);
    expect(first[0]).toBe('/en/pillars/human-capital/');
    expect(first.every((p) => p.startsWith('/en/pillars/'))).toBe(true);

    await page.getByRole('searchbox', { name: ui('en').queryLabel }).fill('KPO');
    await answered(page, 'KPO');
    expect(new URL(page.url()).searchParams.get('q')).toBe('KPO');
    const shared = page.url();

    const again = await openPage();
    await again.page.goto(shared);
    await answered(again.page, 'KPO');
    expect(await resultPaths(again.page)).toEqual(await resultPaths(page));
    await done(again);
    await done(w);
  });
});

describe('bad input', () => {
  it.each(localeCodes)('%s: an empty query asks for a word instead of searching', async (lang) => {
    const w = await openSearch(lang, { q: '   ' }, await reader());
    expect((await status(w.page).textContent())?.trim()).toBe(ui(lang).empty);
    expect(await w.page.locator('[data-results] > li').count()).toBe(0);
    await checked(w);
  });

  it.each(localeCodes)('%s: a query with no result says so and suggests what to try', async (lang) => {
    const w = await openSearch(lang, { q: 'zqxwv' }, await reader());
    const text = await status(w.page).textContent();
    expect(text).toContain(ui(lang).results_zero.replace('{{query}}', 'zqxwv'));
    expect(text).toContain(ui(lang).noResultsHint);
    await checked(w);
  });

  it('a 1,000-character query is cut, with a message, and still searched', async () => {
    const q = 'formation '.repeat(100);
    const w = await openSearch('fr', { q }, await reader());
    const text = await status(w.page).textContent();
    expect(text).toContain(ui('fr').tooLong.replace('{{max}}', String(maxQueryLength)));
    expect(new URL(w.page.url()).searchParams.get('q')!.length).toBeLessThanOrEqual(maxQueryLength);
    await checked(w);
  });

  it.each(localeCodes)('%s: markup in the query is shown as text and adds no element', async (lang) => {
    const q = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const w = await openPage();
    const dialogs: string[] = [];
    w.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await w.page.addInitScript(() => {
      const added: string[] = [];
      (window as unknown as { added: string[] }).added = added;
      // Watch from the end of parsing, before the page's scripts run.
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.addedNodes)
              if (n instanceof Element)
                added.push(
                  n.tagName.toLowerCase(),
                  ...[...n.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
                );
        }).observe(document, { childList: true, subtree: true });
      });
    });
    const allowed = ['li', 'h2', 'a', 'p', 'span', 'mark', 'bdi', 'ul', 'link'];
    const addedElements = () => w.page.evaluate(() => (window as unknown as { added: string[] }).added);
    await w.page.goto(url(`/${lang}/search/?q=${encodeURIComponent(q)}`));
    await answered(w.page, q);
    expect((await addedElements()).filter((t) => !allowed.includes(t))).toEqual([]);
    expect(await w.page.locator('img, [onerror]').count()).toBe(0);
    // The header box on another page gets the same query.
    await w.page.goto(url(`/${lang}/glossary/`));
    await w.page.locator('#header-search').fill(q);
    await expect
      .poll(async () => w.page.locator('form[data-header-search] [data-message]').textContent())
      .toContain(q);
    expect((await addedElements()).filter((t) => !allowed.includes(t))).toEqual([]);
    expect(await w.page.locator('img, [onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await done(w);
  });
});

describe('keyboard', () => {
  it('search page: arrows move through the results, Escape clears', async () => {
    const w = await openPage();
    const { page } = w;
    await page.goto(url('/fr/search/'));
    await answered(page);
    const box = page.getByRole('searchbox', { name: ui('fr').queryLabel });
    await box.focus();
    await page.keyboard.type('formation');
    await answered(page, 'formation');
    const links = await page.locator('[data-results] a').all();
    expect(links.length).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await expect(links[0]!.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    const outline = await links[0]!.evaluate((a) => getComputedStyle(a).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    await expect(links[1]!.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(box.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    await expect.poll(async () => page.locator('[data-results] > li').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    await done(w);
  });

  it('header box: quick results, arrows, Escape closes and returns, then clears; Enter opens the search page', async () => {
    const w = await openPage();
    const { page } = w;
    await page.goto(url('/en/pillars/human-capital/'));
    const box = page.getByRole('searchbox', { name: ui('en').label });
    const panel = page.locator('form[data-header-search] [data-panel]');
    await box.focus();
    await page.keyboard.type('KPO');
    await expect.poll(async () => panel.isVisible()).toBe(true);
    await expect.poll(async () => panel.locator('a[data-result]').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-panel]') !== null)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-panel]') !== null)).toBe(true);
    // Escape from a result closes the panel and returns to the box; in the box it clears.
    await page.keyboard.press('Escape');
    await expect(box.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    expect(await panel.isVisible()).toBe(false);
    expect(await box.inputValue()).toBe('KPO');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    await page.keyboard.type('training');
    await expect
      .poll(async () => page.locator('form[data-header-search] [data-message]').textContent())
      .toContain('training');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\/\?q=training$/);
    await answered(page, 'training');
    expect(await resultPaths(page)).toContain('/en/pillars/human-capital/');
    await done(w);
  });
});

describe('the header box, for spellings readers type', () => {
  it.each([
    ['ar', '٢٠٣٠'],
    ['ar', 'الكترونية'],
    ['ar', 'مؤسساتية'], // in the text only as «ومؤسساتية»
    ['ar', 'الموهلين'], // «المؤهلين» typed without its hamza
    ['en', 'taxes'],
    ['fr', 'impôts'],
    ['fr', 'oeil'],
  ] as const)('%s: «%s» gives quick results', async (lang, q) => {
    const w = await openPage(); // its own page, as the other typing tests: nothing left from another
    const { page } = w;
    await page.goto(url(`/${lang}/pillars/incentive-framework/`));
    const box = page.getByRole('searchbox', { name: ui(lang).label });
    await box.focus();
    await page.keyboard.type(q);
    const panel = page.locator('form[data-header-search] [data-panel]');
    await expect.poll(async () => panel.locator('a[data-result]').count()).toBeGreaterThan(0);
    await done(w);
  });
});

describe('without JavaScript', () => {
  it('the header box is a form that opens the search page, which explains that search needs JavaScript', async () => {
    const w = await openPage({ javaScriptEnabled: false });
    await w.page.goto(url('/fr/parks/'));
    await w.page.getByRole('searchbox', { name: ui('fr').label }).fill('formation');
    await w.page.getByRole('button', { name: ui('fr').submit }).click();
    await w.page.waitForURL(/\/fr\/search\/\?q=formation$/);
    // (Playwright's text locators skip <noscript>, so read the rendered text.)
    expect(await w.page.locator('main').innerText()).toContain(ui('fr').noscript);
    await done(w);
  });
});

describe('accessibility of the search page', () => {
  it.each([
    ['fr', 'formation'],
    ['en', 'training'],
    ['ar', 'التكوين'],
  ] as const)('%s: axe finds nothing, with results shown', async (lang, q) => {
    const w = await openSearch(lang, { q }, await reader());
    expect(await w.page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await axeViolations(w.page)).toEqual([]);
    // The result count is announced politely.
    expect(await w.page.locator('[data-search-page] [role="status"]').count()).toBe(1);
    await checked(w);
  });

  // A key every `delay` ms: the visible message follows the keys (the search page's after its own
  // 200 ms wait), the live region speaks once the typing pauses, and not again for the same text.
  it.each([
    ['header box', '/en/glossary/', '#header-search', 'form[data-header-search]', '[data-message]', 80],
    [
      'search page',
      '/en/search/',
      '[data-search-page] input[name="q"]',
      '[data-search-page]',
      '[data-status]',
      300,
    ],
  ] as const)(
    '%s: the live region speaks once typing pauses, not at every key',
    async (_, path, boxSelector, scope, visible, delay) => {
      const w = await openPage();
      await w.page.goto(url(path));
      await settled(w.page);
      const written: string[] = [];
      await w.page.exposeFunction('statusWritten', (text: string) => written.push(text));
      await w.page.evaluate((scope) => {
        const region = document.querySelector(`${scope} [role="status"]`)!;
        const report = (window as unknown as { statusWritten: (t: string) => void }).statusWritten;
        new MutationObserver(() => report(region.textContent ?? '')).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      }, scope);
      const box = w.page.locator(boxSelector);
      await box.focus();
      await box.pressSequentially('training', { delay });
      const message = w.page.locator(`${scope} ${visible}`);
      await expect.poll(async () => message.textContent()).toMatch(/\d+ results? for .training/);
      const final = await message.textContent();
      await expect.poll(() => written.at(-1), { timeout: 3000 }).toBe(final);
      // Once typing pauses: a loaded machine may pause mid-word (CI once spoke «train» first), never
      // at every key, as before (7 and 8 times for the 8 letters).
      expect(written.length).toBeLessThanOrEqual(3);
      const spoken = written.length;
      // Nothing new to say: the same query again writes nothing.
      await box.press('End');
      await box.press('Backspace');
      await box.press('g');
      await w.page.waitForTimeout(1200);
      expect(written).toHaveLength(spoken);
      await done(w);
    },
  );
});

describe('cost for readers who do not search', () => {
  it('a content page fetches no search index until the reader shows intent; focus fetches the quick index, not Pagefind', async () => {
    const w = await openPage();
    const fetched: string[] = [];
    w.page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) fetched.push(new URL(r.url()).pathname);
    });
    await w.page.goto(url('/fr/pillars/human-capital/'));
    await settled(w.page);
    expect(fetched).toEqual([]);
    await w.page.locator('#header-search').focus();
    await expect.poll(() => fetched).toContain(`${base()}pagefind/quick.fr.json`);
    await w.page.keyboard.type('formation');
    await expect
      .poll(async () => w.page.locator('form[data-header-search] [data-results] > li').count())
      .toBeGreaterThan(0);
    await w.page.waitForLoadState('networkidle');
    // The quick index answered: Pagefind's engine and WebAssembly were not needed.
    expect(fetched).toEqual([`${base()}pagefind/quick.fr.json`]);
    await done(w);
  });

  it('a pointer over the header search form is intent enough to fetch the quick index', async () => {
    const w = await openPage();
    const fetched: string[] = [];
    w.page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) fetched.push(new URL(r.url()).pathname);
    });
    await w.page.goto(url('/ar/'));
    await w.page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
    await w.page.locator('form[data-header-search] button[type="submit"]').hover();
    await expect.poll(() => fetched).toContain(`${base()}pagefind/quick.ar.json`);
    expect(await w.page.evaluate(() => document.activeElement?.id)).not.toBe('header-search');
    await done(w);
  });

  it('without a quick index (a site too large for one) the header box searches with Pagefind', async () => {
    const w = await openPage();
    const fetched: string[] = [];
    w.page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) fetched.push(new URL(r.url()).pathname);
    });
    await w.page.route('**/pagefind/quick.en.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ lang: 'en', docs: [] }) }),
    );
    await w.page.goto(url('/en/'));
    await w.page.locator('#header-search').focus();
    await w.page.keyboard.type('Casanearshore');
    const links = w.page.locator('form[data-header-search] [data-results] a[data-result]');
    await expect.poll(async () => links.count()).toBeGreaterThan(0);
    expect(fetched).toContain(`${base()}pagefind/pagefind.js`);
    // Polled: the first results shown may answer the letters typed so far, not the whole word.
    await expect
      .poll(async () =>
        (await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map(sitePath),
      )
      .toContain('/en/parks/casanearshore/');
    await done(w);
  });

  it.each(localeCodes)(
    '%s: the header box finds each investor query’s page among its first three quick results',
    async (lang) => {
      const w = await openPage();
      await w.page.goto(url(`/${lang}/`));
      const box = w.page.locator('#header-search');
      const state = w.page.locator('form[data-header-search] [data-message]');
      const misses: string[] = [];
      for (const [, q, expected] of investorQueries.filter(([l]) => l === lang)) {
        await box.fill('');
        await expect.poll(async () => state.textContent()).toBe('');
        await box.fill(q);
        await expect.poll(async () => state.textContent()).toContain(q);
        const hrefs = await w.page
          .locator('form[data-header-search] [data-results] > li')
          .evaluateAll((lis) => lis.map((li) => li.querySelector('a')!.href));
        const paths = hrefs.map(sitePath).map((p) => p.split('#')[0]);
        if (!paths.slice(0, 3).includes(expected))
          misses.push(`«${q}» → ${paths.join(' ')} (expected ${expected})`);
      }
      expect(misses).toEqual([]);
      await done(w);
    },
  );

  it.each(localeCodes)(
    '%s: the header box’s first search fits its budget (tests/budgets.ts)',
    async (lang) => {
      const w = await openPage();
      // Everything fetched after the load event: the panel's code (once the page is idle), then
      // from the focus on the quick index.
      let loaded = false;
      w.page.once('load', () => (loaded = true));
      const fetched = new Set<string>();
      w.page.on('request', (r) => {
        const u = new URL(r.url());
        if (loaded && u.pathname.startsWith(base()) && !/\.woff2$|\/favicon\.svg$/.test(u.pathname))
          fetched.add(u.pathname.slice(base().length));
      });
      await w.page.goto(url(`/${lang}/`));
      // Polled: the page fetches it once painted and idle, which a busy machine may delay.
      await expect
        .poll(() => [...fetched].some((f) => f.includes('header-panel')), {
          message: 'the panel’s code, fetched once the page is idle',
        })
        .toBe(true);
      await w.page.locator('#header-search').focus();
      await w.page.keyboard.type(investorQueries.find(([l]) => l === lang)![1]);
      await expect
        .poll(async () => w.page.locator('form[data-header-search] [data-results] > li').count())
        .toBeGreaterThan(0);
      const bytes = [...fetched].reduce((n, f) => n + wireBytes(join(dist, f)), 0);
      console.info(`${lang} header first search: ${[...fetched].join(', ')}: ${bytes} B`);
      expect(fetched.size).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(headerSearchBudget);
      await done(w);
    },
  );

  it('a first search costs a bounded number of bytes', async () => {
    const w = await openPage();
    const sizes: Promise<number>[] = [];
    w.page.on('response', (r) => {
      if (r.url().includes('/pagefind/'))
        sizes.push(
          r.body().then(
            (b) => b.length,
            () => 0,
          ),
        );
    });
    await w.page.goto(url('/fr/search/?q=formation'));
    await answered(w.page, 'formation');
    await settled(w.page);
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    console.info(`first search: ${sizes.length} Pagefind files, ${total} bytes`);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(250_000);
    await done(w);
  });
});
