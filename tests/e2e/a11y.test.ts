/**
 * axe on every built page in the light theme, and on one page of each type in the dark theme and
 * on a phone's width (where lists of links wrap and targets come close: WCAG 2.5.8).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, url } from './browser';
import { builtPages } from '../support/built';
import { axeViolations } from '../support/axe';

afterAll(closeBrowser);
const pages = builtPages().map((p) => p.path).filter((p) => p !== '/404.html').sort();
const oneOfEachType = pages.filter((p) => /^\/(fr|en|ar)\/(|pillars\/human-capital\/|sites\/|sites\/fes-shore\/|incentives\/|incentives\/air\/|incentives\/estimator\/|glossary\/|sources\/|data\/|changes\/|accessibility\/|translation-status\/)$/.test(p));

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  it.each(pages)('%s', async (path) => {
    const { page } = await openPage({ colorScheme: 'light' });
    await page.goto(url(path));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(oneOfEachType)('%s in the dark theme', async (path) => {
    const { page } = await openPage({ colorScheme: 'dark' });
    await page.goto(url(path));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(oneOfEachType)('%s at 375 px wide', async (path) => {
    const { page } = await openPage({ viewport: { width: 375, height: 800 } });
    await page.goto(url(path));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('an estimator result and the 404 page pass too', async () => {
    const { page } = await openPage({ colorScheme: 'dark' });
    await page.goto(url('/ar/incentives/estimator/?segment=kpo&location=p2i-primary&hires=3&salary=400000&moroccan=2&is=0'));
    await page.locator('#estimator-results:not([hidden])').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(url('/en/no-such-page/'));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
