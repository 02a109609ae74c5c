/**
 * axe (WCAG 2.2 AA) on a sample of the built pages (tests/support/a11y-pages.ts): one page of
 * each type in every language, light theme; one page of each
 * type in the dark theme and at a phone's width (where lists of links wrap and targets come
 * close: WCAG 2.5.8), these two in tests/e2e/a11y-themes.test.ts, a file of its own so that the
 * two browser workers share the work. tests/e2e-full/a11y-rest.test.ts opens all the others.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, url } from './browser';
import { axeViolations } from '../support/axe';
import { oneOfEachType, sample } from '../support/a11y-pages';
import { axeOn } from '../support/a11y-run';
import { localeCodes } from '../support/site';

afterAll(closeBrowser);

describe('accessibility (axe, WCAG 2.2 AA), sampled', () => {
  it('the sample holds every page type in every language, and every check', () => {
    for (const lang of localeCodes)
      expect(
        sample.filter((c) => c.check === 'light').map((c) => c.path),
        lang,
      ).toEqual(expect.arrayContaining(oneOfEachType(lang)));
    expect(new Set(sample.map((c) => c.check))).toEqual(new Set(['light', 'dark', 'narrow']));
  });

  it.each(sample.filter((c) => c.check === 'light').map((c) => [c.path, c.check] as const))(
    '%s (%s)',
    async (path, check) => {
      expect(await axeOn(path, check)).toEqual([]);
    },
  );

  it('an estimator result and the 404 page pass too', async () => {
    const { page } = await openPage({ colorScheme: 'dark' });
    await page.goto(
      url('/ar/incentives/estimator/?segment=kpo&location=p2i-primary&hires=3&salary=400000&moroccan=2&is=0'),
    );
    await page.locator('#estimator-results:not([hidden])').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(url('/en/no-such-page/'));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
