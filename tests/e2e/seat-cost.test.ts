/**
 * The seat-cost page in Chromium, in the three languages: shared links computed to the
 * hand-computed amounts (tests/unit/payroll.test.ts), lines that open on their rule, bad input
 * refused by the field, the page without JavaScript, links from the other pages, and the offline
 * copy from file:// giving the same numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, stripBidiMarks } from '../../src/lib/format';
import { localeCodes, locales, root } from '../support/site';
import { closeBrowser, openOfflinePage, openPage, settled, sharedPage, url } from './browser';
import { axeViolations } from '../support/axe';
import { shownUi } from '../support/ui';
import { scratchDir, unzipTo } from '../support/unzip';
const fr = shownUi('fr') as typeof import('../../src/i18n/ui/fr.json');
import en from '../../src/i18n/ui/en.json';
import ar from '../../src/i18n/ui/ar.json';

afterAll(closeBrowser);
const ui = { fr, en, ar };
const shared = '?gross=25000&seats=10&moroccan=4&location=p2i-secondary&compare=outside-p2i';

/** Per seat and per year, by line and location, as the page exposes them (null: shown as unknown). */
async function amounts(page: Page) {
  return page
    .locator('#seat-lines [data-line]')
    .evaluateAll((cells) =>
      Object.fromEntries(
        cells.map((c) => [
          `${(c as HTMLElement).dataset['location']}/${(c as HTMLElement).dataset['line']}`,
          (c as HTMLElement).dataset['amountMad'] ?? null,
        ]),
      ),
    );
}

// 25,000 MAD a month = 300,000 a year. Employer: 19,200 + 756 + 5,709.6 + 6,780 + 5,550 + 4,800;
// employee: 374.4 + 2,851.2 + 6,780; tax 66,947.93 (payroll.test.ts); PAE 17 % × 300,000;
// PAF 3.5 % × 300,000 × 4 recruits / 10 seats; AIR 66,947.93 − 10 % × 300,000 in a secondary P2I.
const same = {
  gross: '300000',
  'employer-contributions': '42795.6',
  'employer-cost': '342795.6',
  'employee-contributions': '10005.6',
  'income-tax': '66947.93',
  'net-pay': '223046.47',
  pae: '51000',
  paf: '4200',
  'cost-after-incentives': '287595.6', // 342,795.6 − 51,000 − 4,200
};
const expected = {
  ...Object.fromEntries(Object.entries(same).map(([k, v]) => [`p2i-secondary/${k}`, v])),
  'p2i-secondary/air': '36947.93',
  ...Object.fromEntries(Object.entries(same).map(([k, v]) => [`outside-p2i/${k}`, v])),
  'outside-p2i/air': null, // no source gives the cap there
};

describe.each(localeCodes)('seat cost in %s', (lang) => {
  const t = ui[lang].seatCost;
  const intl = locales[lang].intl;
  // The checks of bad URLs only open a URL and read the page: one page for them all.
  const badUrlPage = sharedPage({ locale: intl });

  it('opens a shared link, compares two locations, and shows locale numbers', async () => {
    const { page, problems, foreign } = await openPage({ locale: intl });
    await page.goto(url(`/${lang}/seat-cost/${shared}`));
    await page.locator('#seat-results:not([hidden])').waitFor();
    expect(await amounts(page)).toEqual(expected);
    const cost = page.locator('[data-line="employer-cost"][data-location="p2i-secondary"]');
    expect(stripBidiMarks((await cost.textContent())!)).toContain(
      stripBidiMarks(formatNumber(342_796, intl, 0)),
    );
    expect(await page.locator('[data-line="air"][data-location="outside-p2i"]').textContent()).toBe(
      t.results.unknown,
    );
    expect(
      await page
        .locator('[data-total-line="cost-after-incentives"][data-location="p2i-secondary"]')
        .getAttribute('data-total-mad'),
    ).toBe('2875956');
    expect(await page.getAttribute('html', 'dir')).toBe(locales[lang].dir);
    expect(await page.locator('#s-gross').inputValue()).toBe('25000');
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('opens a line with the keyboard on its formula, rates, sources and unknowns', async () => {
    const { page, problems } = await openPage({ locale: intl });
    await page.goto(
      url(`/${lang}/seat-cost/?gross=10000&seats=1&moroccan=1&location=p2i-primary&dependants=2`),
    );
    await page.locator('#seat-results:not([hidden])').waitFor();
    expect(await page.locator('[data-line="income-tax"]').getAttribute('data-amount-mad')).toBe('6218.72'); // 7,218.72 − 2 × 500
    const button = page.getByRole('button', { name: t.lines['employer-contributions'], exact: true });
    const detail = page.locator('[data-explains="employer-contributions"]');
    expect(await detail.isHidden()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const text = stripBidiMarks((await detail.textContent())!);
    expect(text).toContain(stripBidiMarks(formatNumber(20_997.6, intl, 2))); // the total, with this input
    expect(text).toContain(t.explain.included.split('}}').at(-1)!); // the IPE, shown inside short-term benefits, not added
    expect(text).toContain(t.explain.sources);
    expect(await detail.locator('a[href="https://www.cleiss.fr/docs/cotisations/maroc.html"]').count()).toBe(
      1,
    );
    const cost = page.locator('[data-explains="employer-cost"]');
    await page.getByRole('button', { name: t.lines['employer-cost'], exact: true }).click();
    expect(await cost.textContent()).toContain(t.explain.unknown); // the work-accident premium
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['gross=3000', 'gross', 'below-minimum'],
    ['gross=abc', 'gross', 'number'],
    ['seats=0', 'seats', 'zero'],
    ['moroccan=11', 'moroccan', 'above-seats'],
    ['dependants=9', 'dependants', 'too-large'],
    ['location=mars', 'location', 'choice'],
  ] as const)(
    'refuses %s by its field, in the reader’s language, with no number',
    async (change, field, code) => {
      const { page, problems } = await badUrlPage();
      const query = new URLSearchParams('gross=10000&seats=10&moroccan=4&location=p2i-primary');
      const [key, value] = change.split('=');
      query.set(key!, value!);
      await page.goto(url(`/${lang}/seat-cost/?${query}`));
      const message = page.locator(`#s-${field}-error`);
      await expect.poll(() => message.textContent()).not.toBe('');
      expect((await message.textContent())!.startsWith(t.errors[code].split('{{')[0]!)).toBe(true);
      expect(await page.locator(`#s-${field}`).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#seat-results').isHidden()).toBe(true);
      expect(await page.locator('[data-amount-mad]').count()).toBe(0);
      expect(problems).toEqual([]);
    },
  );
});

describe('seat cost code on demand', () => {
  it('loads after the first paint, when the reader shows intent', async () => {
    const { page, problems } = await openPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(url('/fr/seat-cost/'), { waitUntil: 'domcontentloaded' });
    expect(requested.filter((p) => /seat-cost\.|seat-cost-data/.test(p))).toEqual([]);
    await page.locator('#s-gross').focus();
    await expect.poll(() => requested.some((p) => p.endsWith('/fr/seat-cost-data.js'))).toBe(true);
    // Started with nothing typed, it shows no message yet.
    await page.waitForLoadState('networkidle');
    const messages = await page.locator('[id^="s-"][id$="-error"]').allTextContents();
    expect(messages.every((m) => m === '')).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(localeCodes)('says so in %s when its code cannot be had', async (lang) => {
    const { page } = await openPage();
    await page.route('**/_astro/seat-cost.*.js', (route) => route.abort());
    await page.goto(url(`/${lang}/seat-cost/${shared}`));
    const note = page.locator('[data-calculator-unavailable]');
    await note.waitFor();
    expect(await note.textContent()).toBe(ui[lang].seatCost.unavailable);
    expect(await page.locator('#seat-results').isHidden()).toBe(true);
    await page.context().close();
  });
});

describe('seat cost, more', () => {
  it('says when the family reduction is held to the tax, and writes counts as numbers', async () => {
    const { page, problems } = await openPage();
    await page.goto(
      url('/en/seat-cost/?gross=6000&seats=12000&moroccan=4500&location=p2i-primary&dependants=1'),
    );
    await page.locator('#seat-results:not([hidden])').waitFor();
    await page.getByRole('button', { name: en.seatCost.lines['income-tax'], exact: true }).click();
    const tax = (await page.locator('[data-explains="income-tax"]').textContent())!;
    // 1 × 500 = 500, but the tax on the scale is 194.72: the reduction is 194.72, the tax 0.
    expect(tax).toContain('1 × MAD 500');
    expect(tax).toContain(en.seatCost.explain.familyLimited.split('}}')[4]!.split('{{')[0]!);
    expect(tax).toContain('MAD 194.72');
    await page.getByRole('button', { name: en.seatCost.lines.paf, exact: true }).click();
    expect(await page.locator('[data-explains="paf"]').textContent()).toContain('× 4,500 ÷ 12,000');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(localeCodes)('gives no figures once the offer’s window has closed (%s)', async (lang) => {
    const { page, problems } = await openPage();
    await page.clock.setFixedTime(new Date('2031-02-01T12:00:00Z'));
    await page.goto(url(`/${lang}/seat-cost/${shared}`));
    const notice = page.locator('[data-offer-ended]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(ui[lang].changesPage.title);
    expect(await page.locator('#seat-results').isHidden()).toBe(true);
    expect(await page.locator('[data-amount-mad]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('never turns the URL into markup', async () => {
    const { page, problems } = await openPage();
    const evil = encodeURIComponent('<img src=x onerror="document.title=1">');
    await page.goto(url(`/en/seat-cost/?gross=${evil}&seats=${evil}&moroccan=0&location=${evil}`));
    await expect.poll(() => page.locator('#s-gross-error').textContent()).not.toBe('');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('computes from the form with the keyboard alone and writes the URL', async () => {
    const { page, problems } = await openPage();
    await page.goto(url('/en/seat-cost/'));
    expect(await page.locator('#seat-results').isHidden()).toBe(true);
    for (const [key, value] of [
      ['gross', '10 000'],
      ['seats', '2'],
      ['moroccan', '2'],
    ]) {
      await page.locator(`#s-${key}`).focus();
      await page.keyboard.type(value!);
    }
    await page.locator('#s-location').focus();
    await page.keyboard.press('ArrowDown'); // Casablanca and Rabat P2I
    await settled(page); // the form's code has arrived: Enter goes to it, not to a plain submit
    await page.keyboard.press('Enter');
    await page.locator('#seat-results:not([hidden])').waitFor();
    // 140,997.6 − 20,400 − 4,200 (both seats Moroccan).
    expect(await page.locator('[data-line="cost-after-incentives"]').getAttribute('data-amount-mad')).toBe(
      '116397.6',
    );
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      gross: '10 000',
      seats: '2',
      moroccan: '2',
      location: 'p2i-primary',
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('prints the inputs and the result, without the form', async () => {
    const { page } = await openPage();
    await page.goto(url(`/fr/seat-cost/${shared}`));
    await page.locator('#seat-results:not([hidden])').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#seat-form').isVisible()).toBe(false);
    // Nothing of the header a printout cannot use: search box, theme toggle.
    expect(await page.locator('header [role="search"]').isVisible()).toBe(false);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    expect(await page.locator('#seat-inputs dd').allTextContents()).toContain('25000');
    expect(await page.locator('[data-line="employer-cost"][data-location="p2i-secondary"]').isVisible()).toBe(
      true,
    );
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('downloads the result as CSV: the inputs, each amount in dirhams as on screen, the date, a named file', async () => {
    const { page } = await openPage();
    await page.goto(url(`/en/seat-cost/${shared}`));
    await page.locator('#seat-results:not([hidden])').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#seat-csv').click()]);
    expect(download.suggestedFilename()).toBe(`${en.seatCost.csvFile}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    const c = en.estimatorCsv;
    expect(lines[0]).toBe([c.kind, c.label, c.value, c.unit, c.notes].join(','));
    const row = (label: string) => lines.find((l) => l.includes(label)) ?? '';
    expect(row(`,25000`)).toMatch(new RegExp(`^${c.input},`));
    const employer = `${en.seatCost.lines['employer-cost']} (${en.rules.location['p2i-secondary']})`;
    // 342,795.6 MAD a seat and 3,427,956 for ten, shown to the dirham on screen.
    expect(row(`${employer} — ${en.seatCost.results.perSeat}`)).toMatch(/,342796,MAD,$/);
    expect(row(`${employer} — ${en.seatCost.results.total}`)).toMatch(/,3427956,MAD,$/);
    expect(
      lines.some((l) => l.startsWith(`${c.summary},"${en.seatCost.csvComputed.split('{{date}}')[0]}`)),
    ).toBe(true);
    await page.context().close();
  });

  it('without JavaScript: says the calculator needs it and shows the rates', async () => {
    const { page } = await openPage({ javaScriptEnabled: false });
    await page.goto(url('/fr/seat-cost/'));
    expect(await page.locator('noscript > p').textContent()).toBe(fr.seatCost.noscript);
    expect(await page.locator('[data-rates] [data-contribution]').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-unknown="work-accident-premium"]').count()).toBe(1);
    await page.context().close();
  });

  it('is linked from the estimator, the incentive pages and each park, prefilled with its location', async () => {
    const { page } = await openPage();
    const link = () => page.locator('[data-seat-cost-link] a');
    await page.goto(url('/en/incentives/estimator/'));
    expect(await link().getAttribute('href')).toMatch(/\/en\/seat-cost\/$/);
    await page.goto(url('/en/incentives/air/'));
    expect(await link().getAttribute('href')).toMatch(/\/en\/seat-cost\/$/);
    for (const [park, location] of [
      ['fes-shore', 'p2i-secondary'],
      ['casanearshore', 'p2i-primary'],
      ['casablanca-tech-valley', 'outside-p2i'],
      ['agadir-shore', 'no-p2i-region'],
    ]) {
      await page.goto(url(`/ar/parks/${park}/`));
      expect(await link().getAttribute('href')).toMatch(new RegExp(`/ar/seat-cost/\\?location=${location}$`));
    }
    await link().click();
    await page.waitForURL(/seat-cost/);
    // The calculator's code fills the form from the URL when it arrives.
    await expect.poll(() => page.locator('#s-location').inputValue()).toBe('no-p2i-region');
    await page.context().close();
  });

  it.each([
    ['light', 1280],
    ['dark', 375],
  ] as const)('passes axe with every line open (%s theme, %d px)', async (colorScheme, width) => {
    const { page } = await openPage({ colorScheme, viewport: { width, height: 900 }, locale: 'ar-MA' });
    await page.goto(url(`/ar/seat-cost/${shared}`));
    await page.locator('#seat-results:not([hidden])').waitFor();
    for (const b of await page.locator('#seat-lines button[aria-expanded]').all()) await b.click();
    expect(await page.locator('[data-explains]:not([hidden])').count()).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('quotes the income-tax cap thresholds from the payroll model on the AIR page', async () => {
    const { page } = await openPage();
    await page.goto(url('/en/incentives/air/'));
    expect(await page.locator('[data-air-threshold="p2i-primary"] data').getAttribute('value')).toBe('21418');
    expect(await page.locator('[data-air-threshold="p2i-secondary"] data').getAttribute('value')).toBe(
      '12554',
    );
    await page.context().close();
  });
});

describe('seat cost in the offline copy, from file://', () => {
  const scratch = scratchDir('seat');
  let copy = '';
  beforeAll(() => {
    unzipTo(join(root, 'dist-export', 'offshoring-maroc-all.zip'), scratch.dir);
    copy = join(scratch.dir, 'offshoring-maroc-all');
  });
  afterAll(scratch.remove);

  it.each(localeCodes)('gives the same numbers in %s', async (lang) => {
    const w = await openOfflinePage({ locale: locales[lang].intl });
    await w.page.goto(pathToFileURL(join(copy, `${lang}/seat-cost/index.html`)).href + shared);
    await w.page.locator('#seat-results:not([hidden])').waitFor();
    expect(await amounts(w.page)).toEqual(expected);
    expect(w.problems).toEqual([]);
    expect(w.blocked).toEqual([]);
    await w.page.context().close();
  });
});
