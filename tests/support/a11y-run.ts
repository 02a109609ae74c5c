/**
 * Opens a built page for one accessibility check and returns axe's violations. A test file keeps
 * one page per check (theme or width) and navigates it from page to page: a fresh context for each
 * of a hundred pages costs more than axe itself on a loaded 2-core machine, and axe sees the same
 * document either way (a navigation starts a new one; nothing here writes to storage).
 */
import type { Page } from 'playwright-core';
import { openPage, url } from '../e2e/browser';
import { axeViolations } from './axe';
import type { Check } from './a11y-pages';

const pages = new Map<Check, Page>();

async function pageFor(check: Check): Promise<Page> {
  const known = pages.get(check);
  if (known && !known.isClosed()) return known;
  const { page } = await openPage(
    check === 'narrow' ? { viewport: { width: 375, height: 800 } } : { colorScheme: check },
  );
  pages.set(check, page);
  return page;
}

export async function axeOn(path: string, check: Check): Promise<string[]> {
  const page = await pageFor(check);
  await page.goto(url(path));
  const problems = await axeViolations(page);
  // On a phone, a page that scrolls sideways hides part of every line (WCAG 1.4.10, reflow).
  if (check === 'narrow') {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    if (scroll > client) problems.push(`reflow: the page is ${scroll} px wide in a ${client} px window`);
  }
  return problems;
}
