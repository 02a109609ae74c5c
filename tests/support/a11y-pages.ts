/**
 * Which built pages the accessibility checks open. `npm test` opens a sample: one page of each
 * type (tests/budgets.ts) in every language, in the light theme (pages of one type share their
 * template: the other pillars, parks and incentives are left to test:full); one page of each type
 * in the dark theme (default language) and at a phone's width (the first right-to-left language,
 * where wrapping differs). `npm run test:full` opens the rest,
 * so that the two together are every page in every language, and every type in both themes and at
 * both widths in every language. Both lists derive from the locale registry and the page types.
 */
import { builtPages } from './built';
import { budgetClassOf } from '../budgets';
import { defaultLocale, locales, localeCodes, type Locale } from '../../src/i18n/locales';

const langOf = (path: string): Locale => localeCodes.find((l) => path.startsWith(`/${l}/`)) ?? defaultLocale;

/** Every built page but the 404 (opened through a missing path instead), sorted. */
export const allPages = builtPages()
  .map((p) => p.path)
  .filter((p) => p !== '/404.html')
  .sort();

/** One page of each page type in `lang` (the first in sorted order); pages outside any language count for the default one. */
export function oneOfEachType(lang: Locale): string[] {
  const seen = new Set<string>();
  return allPages.filter((p) => {
    const type = budgetClassOf(p)?.type ?? p;
    if (langOf(p) !== lang || seen.has(type)) return false;
    seen.add(type);
    return true;
  });
}

const rtl = localeCodes.find((l) => locales[l].dir === 'rtl') ?? defaultLocale;

export type Check = 'light' | 'dark' | 'narrow';
/** The (page, check) pairs of the fast sample. */
export const sample: { path: string; check: Check }[] = [
  ...allPages
    .filter((p) => localeCodes.some((l) => oneOfEachType(l).includes(p)))
    .map((path) => ({ path, check: 'light' as const })),
  ...oneOfEachType(defaultLocale).map((path) => ({ path, check: 'dark' as const })),
  ...oneOfEachType(rtl).map((path) => ({ path, check: 'narrow' as const })),
];

const key = (c: { path: string; check: Check }) => `${c.check} ${c.path}`;
/** Every (page, check) pair there is: every page in light, every type in dark and narrow in every language. */
export const everything: { path: string; check: Check }[] = [
  ...allPages.map((path) => ({ path, check: 'light' as const })),
  ...localeCodes.flatMap((l) => oneOfEachType(l).map((path) => ({ path, check: 'dark' as const }))),
  ...localeCodes.flatMap((l) => oneOfEachType(l).map((path) => ({ path, check: 'narrow' as const }))),
];
/** What test:full adds to the sample. */
export const rest = everything.filter((c) => !new Set(sample.map(key)).has(key(c)));
