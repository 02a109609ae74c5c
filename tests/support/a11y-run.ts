/** Opens a built page for one accessibility check and returns axe's violations. */
import { openPage, url } from '../e2e/browser';
import { axeViolations } from './axe';
import type { Check } from './a11y-pages';

export async function axeOn(path: string, check: Check): Promise<string[]> {
  const { page } = await openPage(check === 'narrow' ? { viewport: { width: 375, height: 800 } } : { colorScheme: check });
  await page.goto(url(path));
  const violations = await axeViolations(page);
  await page.context().close();
  return violations;
}
