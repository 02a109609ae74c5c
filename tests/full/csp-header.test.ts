/**
 * The Content-Security-Policy through nginx, in Chromium: each page's own policy is
 * also delivered as an HTTP header (as a host that sends it would), beside the header policy of
 * server/nginx.conf. A header covers the whole page, scripts before the <meta> included: every
 * script of the site (theme restore, root chooser, 404 language guess) must run under it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage, url } from '../e2e/browser';

afterAll(closeBrowser);

const metaPolicy = (html: string) =>
  html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];

async function open(path: string, locale = 'fr-FR') {
  const w = await openPage({ locale });
  const headerPolicies: string[] = [];
  await w.page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    const own = metaPolicy(body);
    const sent = response.headers()['content-security-policy'];
    const policy = [sent, own].filter(Boolean).join(', ');
    headerPolicies.push(policy);
    return route.fulfill({
      response,
      body,
      headers: { ...response.headers(), 'content-security-policy': policy },
    });
  });
  await w.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  await w.page.goto(url(path));
  return { ...w, headerPolicies };
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('every script runs under the policy delivered as an HTTP header (nginx)', () => {
  it('the header policy is in force: an injected inline script is refused', async () => {
    const { page, headerPolicies } = await open('/en/');
    expect(headerPolicies[0]).toMatch(/frame-ancestors 'none'.*, default-src 'self'/);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.head.append(s);
    });
    await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await page.context().close();
  });

  type Act = ((page: Page) => Promise<void>) | undefined;
  it.each<[string, Act]>([
    ['/fr/', undefined],
    ['/ar/parks/fes-shore/', undefined],
    [
      '/en/incentives/estimator/?segment=ito&location=p2i-secondary&hires=40&salary=300000&moroccan=40',
      async (page) => {
        await page.locator('#estimator-results-title').waitFor();
      },
    ],
    [
      '/ar/search/?q=%D8%A7%D9%84%D8%AA%D9%83%D9%88%D9%8A%D9%86',
      async (page) => {
        await page.locator('[data-results] > li').first().waitFor();
      },
    ],
    [
      '/en/pillars/human-capital/',
      async (page) => {
        await page.locator('header input[type="search"]').first().fill('training');
        await page
          .locator('header [role="listbox"] a, header [data-quick-results] a, header li a[href*="/en/"]')
          .first()
          .waitFor({ state: 'attached' })
          .catch(() => undefined);
        await page.locator('[data-theme-toggle]').click();
      },
    ],
  ])('%s runs its scripts, styles, search and fonts with no violation', async (path, act) => {
    const { page, problems } = await open(path);
    if (act) await act(page);
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the theme restore runs before the first paint on the next page', async () => {
    const { page } = await open('/fr/');
    await page.locator('[data-theme-toggle]').click();
    const chosen = await page.evaluate(() => document.documentElement.dataset['theme']);
    await page.goto(url('/fr/parks/'));
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(chosen);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('the root chooser runs its script (a browser in a language the site lacks stays on it)', async () => {
    const { page } = await open('/', 'de-DE');
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('a[hreflang]').count()).toBe(3);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('the 404 page guesses the language from the path under the header policy', async () => {
    const { page, problems } = await open('/ar/parks/nowhere/');
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual(['ar', 'rtl']);
    expect(await page.locator('[data-lang-block="ar"]').isVisible()).toBe(true);
    expect(await page.locator('[data-lang-block="fr"]').isVisible()).toBe(false);
    expect(await violations(page)).toEqual([]);
    // The page itself answers 404: that, and only that, is expected.
    expect(problems.filter((p) => !p.startsWith('HTTP 404') && !/status of 404/.test(p))).toEqual([]);
    await page.context().close();
  });
});
