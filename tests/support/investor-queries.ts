/** Investor queries, shared by the online search tests and the offline copy's. */
import type { Locale } from '../../src/i18n/locales';

/**
 * Queries an investor would type, and a page expected among the first three results. The
 * content is still being written: extend this table as pages land (e.g. Fès Shore for «Fès»).
 */
export const investorQueries: [Locale, string, string][] = [
  ['fr', 'formation', '/fr/incentives/paf/'],
  ['fr', 'Casanearshore', '/fr/parks/casanearshore/'],
  ['fr', 'Fès', '/fr/parks/fes-shore/'],
  ['fr', 'impôt sur le revenu', '/fr/incentives/air/'],
  ['fr', 'Sidi Maarouf', '/fr/parks/casanearshore/'],
  ['fr', 'guichet unique', '/fr/pillars/infrastructure/'],
  ['fr', 'ANAPEC', '/fr/glossary/'],
  ['en', 'training', '/en/pillars/human-capital/'],
  ['en', 'training bonus', '/en/incentives/paf/'],
  ['en', 'Casanearshore', '/en/parks/casanearshore/'],
  ['en', 'Oujda', '/en/parks/oujda-shore/'],
  ['en', 'income tax', '/en/incentives/air/'],
  ['en', 'one-stop shop', '/en/pillars/infrastructure/'],
  ['ar', 'التكوين', '/ar/pillars/human-capital/'],
  ['ar', 'تكوين', '/ar/pillars/human-capital/'],
  ['ar', 'والتكوين', '/ar/pillars/human-capital/'],
  ['ar', 'منحة التكوين', '/ar/incentives/paf/'],
  ['ar', 'كازا نيرشور', '/ar/parks/casanearshore/'],
  ['ar', 'الدار البيضاء', '/ar/parks/casanearshore/'],
  ['ar', 'فاس', '/ar/parks/fes-shore/'],
  ['ar', 'الضريبة على الدخل', '/ar/incentives/air/'],
  // The investor's path.
  ['fr', 'CNSS', '/fr/setting-up/'],
  ['en', 'ANAPEC', '/en/setting-up/'],
  ['fr', 'registre de commerce', '/fr/setting-up/'],
  ['ar', 'التسجيل', '/ar/setting-up/'],
  ['en', 'repatriation', '/en/faq/'],
  ['fr', 'coût employeur', '/fr/seat-cost/'],
  ['en', 'employer cost', '/en/seat-cost/'],
  ['ar', 'تكلفة المشغّل', '/ar/seat-cost/'],
  ['fr', 'données ouvertes', '/fr/data/'],
  ['en', 'open data', '/en/data/'],
  ['ar', 'البيانات المفتوحة', '/ar/data/'],
  ['fr', 'accessibilité', '/fr/accessibility/'],
  ['en', 'accessibility', '/en/accessibility/'],
  ['ar', 'إمكانية الوصول', '/ar/accessibility/'],
  ['en', 'record of changes', '/en/changes/'],
  // Other spellings: œ typed as oe, an Arabic title without its articles.
  ['fr', 'coup d’oeil', '/fr/pillars/incentive-framework/'],
  ['ar', 'منصات ترحيل خدمات', '/ar/parks/'],
];

/**
 * The first query of `npm run bench`, per language: the one that should find the same page in
 * every language (the income-tax incentive), else the language's first row above. Derived, so a
 * new language's rows give it a benchmark query too.
 */
export function benchQuery(lang: Locale): string | undefined {
  const mine = investorQueries.filter(([l]) => l === lang);
  return (mine.find(([, , page]) => page === `/${lang}/incentives/air/`) ?? mine[0])?.[1];
}
