/** What the estimator page ships to the browser (its data script, src/pages/[lang]/incentives/estimator-data.js.ts): the rule set and the words for one language. */
import { getCollection } from 'astro:content';
import { buildRuleSet } from '../lib/estimator-rules';
import { payrollRules } from './payroll';
import { locales, type Locale } from '../i18n/locales';
import { resources } from '../i18n';

export async function estimatorRules() {
  const rules = (await getCollection('incentiveRules')).map((r) => ({ id: r.id, ...r.data }));
  const tax = (await getCollection('tax')).map((t) => ({ id: t.id, ...t.data }));
  return buildRuleSet(rules, tax, await payrollRules());
}

/** Picks some keys of an object: pick({ a: 1, b: 2 }, ['a']) → { a: 1 }. */
export const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

/**
 * Only the words the script writes: labels, help texts and the checklist are in the HTML already.
 * Shipping the whole `estimator` dictionary doubled the page's data script (byte budgets);
 * a key the script needs and this leaves out is a type error in src/client/estimator.ts.
 */
export async function estimatorPayload(lang: Locale) {
  const { estimator, units, seatCost, estimatorCsv } = resources[lang];
  return {
    lang,
    intl: locales[lang].intl,
    rules: await estimatorRules(),
    text: {
      ...pick(estimator, ['errorsTitle', 'lines', 'assumptions', 'sourcesLink']),
      // The minimum-wage floor comes with the payroll model: its message lives with the seat-cost page's words.
      errors: { ...estimator.errors, 'below-minimum': seatCost.estimatorBelowMinimum },
      results: pick(estimator.results, [
        'title',
        'total',
        'perHire',
        'perHireNoAir',
        'firstYear',
        'notComputed',
        'unknown',
        'needsInput',
        'noEffect',
        'once',
        'rate',
        'converted',
        'rateError',
      ]),
      eligibility: pick(estimator.eligibility, ['mayClaim', 'none', 'why', 'prepareP2i', 'prepareOutside']),
      units: pick(units, ['mad', 'percent']),
      csv: estimatorCsv,
      columns: pick(estimator.results, ['yearly', 'perUnit', 'incentive']),
    },
  };
}
export type EstimatorPayload = Awaited<ReturnType<typeof estimatorPayload>>;
