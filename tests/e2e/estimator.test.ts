import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, sharedPage, url, settled } from './browser';
import { localeCodes } from '../support/site';
import { shownUi } from '../support/ui';
const fr = shownUi('fr') as typeof import('../../src/i18n/ui/fr.json');
import en from '../../src/i18n/ui/en.json';
import ar from '../../src/i18n/ui/ar.json';

afterAll(closeBrowser);
const ui = { fr, en, ar };
const shared = '/incentives/estimator/?segment=ito&location=p2i-secondary&hires=40&salary=300000&moroccan=40';

/** Yearly MAD amounts the page exposes for agencies and tests. */
async function amounts(page: import('playwright-core').Page) {
  return page
    .locator('#estimator-lines [data-incentive]')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [(r as HTMLElement).dataset.incentive, (r as HTMLElement).dataset.amountMad ?? null]),
      ),
    );
}

describe.each(localeCodes)('estimator in %s', (lang) => {
  // The checks of bad URLs only open a URL and read the page: one page for them all.
  const badUrlPage = sharedPage();

  it('opens a shared link with the results computed', async () => {
    const { page, problems, foreign } = await openPage();
    await page.goto(url(`/${lang}${shared}`));
    await page.locator('#estimator-results:not([hidden])').waitFor();
    // 40 hires at 300,000 MAD, 10 % cap: AIR 40 × 36,947.93 (employee contributions deducted first); PAE 17 % once per job; PAF 3.5 % × 40.
    expect(await amounts(page)).toEqual({ air: '1477917.2', ais: null, pae: '2040000', paf: '420000' });
    expect(await page.locator('[data-incentive="ais"]').getAttribute('data-status')).toBe('needs-input');
    expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('computes from the form, with the keyboard alone, and writes the inputs into the URL', async () => {
    const { page, problems } = await openPage();
    await page.goto(url(`/${lang}/incentives/estimator/`));
    expect(await page.locator('#estimator-results').isHidden()).toBe(true);
    await page.locator('#f-segment').focus();
    await page.keyboard.press('ArrowDown'); // first segment: ITO
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // first location: Casablanca and Rabat P2I (20 %)
    for (const [key, value] of [
      ['hires', '10'],
      ['salary', '300 000'],
      ['moroccan', '4'],
      ['is', '1000000'],
    ]) {
      await page.locator(`#f-${key}`).focus();
      await page.keyboard.type(value!);
    }
    // The form's code loads on the first sign of intent; on a busy machine it may still be on its
    // way, and Enter would submit the plain form (which works too, by a new page load) instead of
    // the script this test is about.
    await settled(page);
    await page.keyboard.press('Enter');
    await page.locator('#estimator-results:not([hidden])').waitFor();
    // AIR 10 × (66,947.93 − 60,000); AIS 56 % × 1,000,000; PAE 17 % × 300,000 × 10; PAF 3.5 % × 300,000 × 4.
    expect(await amounts(page)).toEqual({ air: '69479.3', ais: '560000', pae: '510000', paf: '42000' });
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      segment: 'ito',
      location: 'p2i-primary',
      hires: '10',
      salary: '300 000',
      moroccan: '4',
      is: '1000000',
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['hires=-3', 'hires', 'negative'],
    ['hires=2.5', 'hires', 'whole'],
    ['hires=abc', 'hires', 'number'],
    ['hires=99999999', 'hires', 'too-large'],
    ['salary=', 'salary', 'required'],
    ['moroccan=41', 'moroccan', 'above-hires'],
    ['location=mars', 'location', 'choice'],
  ] as const)(
    'rejects %s with a message in the reader’s language and no number',
    async (change, field, code) => {
      const { page, problems } = await badUrlPage();
      const [key] = change.split('=');
      const query = new URLSearchParams(shared.split('?')[1]);
      query.set(key!, change.slice(key!.length + 1));
      await page.goto(url(`/${lang}/incentives/estimator/?${query}`));
      const message = page.locator(`#f-${field}-error`);
      await expect.poll(() => message.textContent()).not.toBe('');
      const expected = ui[lang].estimator.errors[code].replace(/\{\{limit\}\}/, '');
      expect((await message.textContent())!.startsWith(expected.split('{{')[0]!.slice(0, 12))).toBe(true);
      expect(await page.locator(`#f-${field}`).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#estimator-results').isHidden()).toBe(true);
      expect(await page.locator('[data-amount-mad]').count()).toBe(0);
      expect(problems).toEqual([]);
    },
  );

  it('never turns the URL into markup', async () => {
    const { page, problems } = await badUrlPage();
    const evil = encodeURIComponent('<img src=x onerror="document.title=1">');
    await page.goto(
      url(
        `/${lang}/incentives/estimator/?segment=${evil}&location=p2i-primary&hires=${evil}&salary=1&moroccan=0`,
      ),
    );
    await expect.poll(() => page.locator('#f-hires-error').textContent()).not.toBe('');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    expect(problems).toEqual([]);
  });

  it('prints the inputs, the results and the assumptions, without the form', async () => {
    const { page } = await openPage();
    await page.goto(url(`/${lang}${shared}`));
    await page.locator('#estimator-results:not([hidden])').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#estimator-form').isVisible()).toBe(false);
    expect(await page.locator('#estimator-inputs').isVisible()).toBe(true);
    expect(await page.locator('#estimator-inputs dd').allTextContents()).toContain('300000');
    expect(await page.locator('#estimator-lines li').count()).toBeGreaterThan(5);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });
});

describe('estimator, what a reader may bring', () => {
  it('shows a choice given in capitals in the URL as chosen, and computes it', async () => {
    const { page, problems } = await openPage();
    await page.goto(
      url(`/en${shared.replace('segment=ito', 'segment=ITO').replace('p2i-secondary', 'P2I-SECONDARY%20')}`),
    );
    await page.locator('#estimator-results:not([hidden])').waitFor();
    expect(await page.locator('#f-segment').inputValue()).toBe('ito');
    expect(await page.locator('#f-location').inputValue()).toBe('p2i-secondary');
    expect(await amounts(page)).toMatchObject({ air: '1477917.2', pae: '2040000' });
    expect(await page.locator('#estimator-inputs dd').allTextContents()).toContain(
      en.rules.location['p2i-secondary'],
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reads a rate with three decimals as decimals', async () => {
    const { page } = await openPage();
    await page.goto(url(`/en${shared}`));
    await page.locator('#estimator-results:not([hidden])').waitFor();
    await page.locator('#f-currency').selectOption('EUR');
    await page.locator('#f-rate').fill('10,835');
    // PAE 2,040,000 MAD ÷ 10.835 = 188,278.7 EUR, not ÷ 10,835.
    await expect
      .poll(() => page.locator('[data-incentive="pae"] td').first().textContent())
      .toContain('188,279');
    expect(await page.locator('#f-rate-error').textContent()).toBe('');
    await page.context().close();
  });

  it('keeps the conversion in the address, and refuses an amount typed for a rate', async () => {
    const { page } = await openPage();
    await page.goto(url(`/en${shared}`));
    await page.locator('#estimator-results:not([hidden])').waitFor();
    await page.locator('#f-currency').selectOption('EUR');
    await page.locator('#f-rate').fill('10.8');
    await page.locator('#f-hires').fill('41'); // the form's own update keeps the conversion
    await expect.poll(() => new URL(page.url()).searchParams.get('hires')).toBe('41');
    const address = new URL(page.url());
    expect([address.searchParams.get('currency'), address.searchParams.get('rate')]).toEqual(['EUR', '10.8']);

    // Opened from that address: the same conversion, PAE 41 × 51,000 MAD ÷ 10.8 = 193,611 EUR.
    await page.goto(address.href);
    await page.locator('#estimator-results:not([hidden])').waitFor();
    expect(await page.locator('#f-currency').inputValue()).toBe('EUR');
    await expect
      .poll(() => page.locator('[data-incentive="pae"] td').first().textContent())
      .toContain('193,611');

    await page.locator('#f-rate').fill('99999999');
    await expect
      .poll(() => page.locator('#f-rate-error').textContent())
      .toBe(en.estimator.results.rateError.replace('{{max}}', '1,000'));
    expect(await page.locator('[data-incentive="pae"] td').first().textContent()).not.toContain('EUR');
    await page.context().close();
  });

  it('leaves the AIR out of the value per hire where its cap is unknown, and says so', async () => {
    const { page } = await openPage();
    await page.goto(url(`/en${shared.replace('p2i-secondary', 'outside-p2i')}`));
    await page.locator('#estimator-results:not([hidden])').waitFor();
    expect(await page.locator('#estimator-per-hire').textContent()).toBe(
      en.estimator.results.perHireNoAir.replace('{{amount}}', 'MAD 61,500'), // PAE 51,000 + PAF 10,500
    );
    await page.context().close();
  });

  it('keeps the inputs in the link shared and in the same page in another language', async () => {
    const { page, problems } = await openPage();
    await page.goto(url(`/en${shared}`));
    await page.locator('#estimator-results:not([hidden])').waitFor();
    await settled(page);
    // Follow the e-mail link without leaving: its address is written when it is followed.
    await page.evaluate(() =>
      document.addEventListener('click', (e) => {
        if ((e.target as Element).closest('a[href^="mailto:"]')) e.preventDefault();
      }),
    );
    const mail = page.locator('[data-share-url] a[href^="mailto:"]');
    await mail.click();
    await mail.click(); // twice: the query is not added twice
    const body = decodeURIComponent((await mail.getAttribute('href'))!).split('body=')[1];
    expect(body).toMatch(new RegExp(`/en${shared.replace(/[?]/g, '\\?')}$`));
    await page.locator('a[data-lang-link="fr"]').click();
    await page.waitForURL(/\/fr\/incentives\/estimator\/\?segment=ito/);
    await page.locator('#estimator-results:not([hidden])').waitFor();
    expect(await amounts(page)).toMatchObject({ air: '1477917.2', pae: '2040000' });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(localeCodes)('gives no figures once the offer’s window has closed (%s)', async (lang) => {
    const { page, problems } = await openPage();
    await page.clock.setFixedTime(new Date('2031-02-01T12:00:00Z'));
    await page.goto(url(`/${lang}${shared}`));
    const notice = page.locator('[data-offer-ended]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(ui[lang].changesPage.title);
    expect(await page.locator('#estimator-results').isHidden()).toBe(true);
    expect(await page.locator('[data-amount-mad]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('estimator code on demand', () => {
  it('loads after the first paint, on intent, and keeps what was typed before it arrived', async () => {
    const { page, problems } = await openPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    // A slow link: the calculator arrives well after the reader has started typing.
    await page.route('**/_astro/estimator.*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await page.goto(url('/ar/incentives/estimator/'), { waitUntil: 'domcontentloaded' });
    expect(requested.filter((p) => /estimator\.|estimator-data/.test(p))).toEqual([]);
    await page.locator('#f-hires').focus();
    await page.keyboard.type('-3');
    await expect.poll(() => page.locator('#f-hires-error').textContent()).toBe(ar.estimator.errors.negative);
    expect(await page.locator('#f-hires').getAttribute('aria-invalid')).toBe('true');
    // Only the field the reader typed in has a message, and the address holds what was typed.
    for (const other of ['segment', 'location', 'salary'])
      expect(await page.locator(`#f-${other}-error`).textContent()).toBe('');
    expect(new URL(page.url()).searchParams.get('hires')).toBe('-3');
    expect(requested.some((p) => p.endsWith('/ar/incentives/estimator-data.js'))).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(localeCodes)('says so in %s when its code cannot be had', async (lang) => {
    const { page } = await openPage();
    await page.route('**/_astro/estimator.*.js', (route) => route.abort());
    await page.goto(url(`/${lang}${shared}`));
    const note = page.locator('[data-calculator-unavailable]');
    await note.waitFor();
    expect(await note.textContent()).toBe(ui[lang].estimator.unavailable);
    expect(await page.locator('#estimator-results').isHidden()).toBe(true);
    await page.context().close();
  });
});

describe('estimator without JavaScript', () => {
  it('says the calculator needs it and still shows the rules', async () => {
    const { page } = await openPage({ javaScriptEnabled: false });
    await page.goto(url('/en/incentives/estimator/'));
    const note = page.locator('noscript > p');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toBe(en.estimator.noscript);
    expect(await page.locator('[data-rule="pae"]').count()).toBe(1);
    await page.context().close();
  });

  it('loads its script on the estimator page only', async () => {
    const { page } = await openPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(url('/fr/incentives/air/'));
    await settled(page);
    expect(scripts.filter((s) => /estimator/i.test(s))).toEqual([]);
    await page.context().close();
  });
});
