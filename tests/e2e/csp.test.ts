/** The Content-Security-Policy each page carries allows everything the site does, and nothing inline is unhashed. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, settled, url } from './browser';
import { builtPages, read } from '../support/built';
import { hashSource, inlineSources } from '../../integrations/page-policy';

afterAll(closeBrowser);

async function watch(path: string, act?: (page: import('playwright-core').Page) => Promise<void>) {
  const w = await openPage();
  await w.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await w.page.goto(url(path));
  if (act) await act(w.page);
  await settled(w.page);
  const violations = await w.page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  await w.page.context().close();
  return { violations, problems: w.problems };
}

describe('Content-Security-Policy', () => {
  it('every page declares a policy without unsafe-inline or unsafe-eval for scripts', () => {
    for (const { path, file } of builtPages().filter((p) => p.path !== '/404.html')) {
      const policy = read(file).match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];
      expect(policy, path).toBeTruthy();
      const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(scriptSrc, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(policy, path).toContain("default-src 'self'");
      // Each page names the hashes of its own inline code, no other page's (integrations/page-policy.ts).
      const hashes = (directive: string) =>
        (policy!.split(';').find((d) => d.trim().startsWith(directive)) ?? '').match(/'sha256-[^']+'/g) ?? [];
      const own = inlineSources(read(file));
      expect(new Set(hashes('script-src')), path).toEqual(new Set(own.scripts.map(hashSource)));
      expect(new Set(hashes('style-src')), path).toEqual(new Set(own.styles.map(hashSource)));
    }
  });

  type Act = ((page: import('playwright-core').Page) => Promise<void>) | undefined;
  it.each<[string, Act]>([
    ['/fr/', undefined],
    ['/ar/parks/fes-shore/', undefined],
    [
      '/en/incentives/estimator/?segment=ito&location=p2i-secondary&hires=40&salary=300000&moroccan=40',
      undefined,
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
        await expect
          .poll(async () => page.locator('form[data-header-search] [data-message]').first().textContent())
          .toContain('training');
        await page.locator('[data-theme-toggle]').click();
      },
    ],
  ])('%s runs its scripts, styles, search and fonts with no violation', async (path, act) => {
    const { violations, problems } = await watch(path, act);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});
