/**
 * A language is one entry of src/i18n/locales.ts plus its translated files: every per-language
 * table the project keeps elsewhere derives from the registry and has a row for each language.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLocale, locales, localeCodes } from '../../src/i18n/locales';
import { resources } from '../../src/i18n';
import { fontBudgets } from '../budgets';
import { benchQuery, investorQueries } from '../support/investor-queries';
import { root } from '../support/site';

describe('the locale registry', () => {
  it('has the default language, and codes that are their own key and hreflang prefix', () => {
    expect(localeCodes).toContain(defaultLocale);
    for (const l of localeCodes) {
      expect(locales[l].code).toBe(l);
      expect(locales[l].hreflang.startsWith(l)).toBe(true);
      expect(new Intl.Locale(locales[l].intl).language).toBe(l);
    }
  });

  it.each(localeCodes)(
    '%s has its UI dictionary, a font budget, investor queries and a benchmark query',
    (l) => {
      expect(existsSync(join(root, `src/i18n/ui/${l}.json`))).toBe(true);
      expect(resources[l]).toBeTypeOf('object');
      expect(fontBudgets[l]).toBeGreaterThan(0);
      expect(investorQueries.filter(([lang]) => lang === l).length).toBeGreaterThanOrEqual(3);
      expect(benchQuery(l)).toBeTruthy();
    },
  );

  it('the benchmark takes, per language, the query for the same page where there is one', () => {
    expect(benchQuery('en')).toBe('income tax');
    expect(benchQuery('xx' as never)).toBeUndefined();
  });
});
