/**
 * Screenshots of each page type at phone, tablet and desktop widths in the three languages,
 * saved under test-results/screenshots/ to be looked at; no page scrolls sideways, down to 320 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, url, settled } from '../e2e/browser';
import { localeCodes, root } from '../support/site';

afterAll(closeBrowser);
const out = join(root, 'test-results/screenshots');
mkdirSync(out, { recursive: true });
const pages = [
  '/',
  '/pillars/human-capital/',
  '/parks/',
  '/parks/fes-shore/',
  '/incentives/',
  '/incentives/estimator/?segment=ito&location=p2i-secondary&hires=40&salary=300000&moroccan=40',
  '/setting-up/',
  '/faq/',
];
const cases = localeCodes.flatMap((lang) => pages.map((p) => [lang, p] as const));

describe('layout at every width', () => {
  it.each(cases)('%s %s', async (lang, path) => {
    const { page, problems } = await openPage();
    for (const width of [320, 375, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url(`/${lang}${path}`));
      await settled(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
      if (width !== 320) {
        const name = `${lang}${path.split('?')[0]!.replace(/\//g, '_')}${width}.png`.replace(/_+/g, '_');
        await page.screenshot({ path: join(out, name), fullPage: true });
      }
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
