/** What the estimator page ships to the browser: the rule set and the words for one language. */
import { getCollection } from 'astro:content';
import { buildRuleSet } from '../lib/estimator-rules';
import { locales, type Locale } from '../i18n/locales';
import { resources } from '../i18n';

export async function estimatorRules() {
  const rules = (await getCollection('incentiveRules')).map((r) => ({ id: r.id, ...r.data }));
  const tax = (await getCollection('tax')).map((t) => ({ id: t.id, ...t.data }));
  return buildRuleSet(rules, tax);
}

export async function estimatorPayload(lang: Locale) {
  const ui = resources[lang];
  return {
    lang,
    intl: locales[lang].intl,
    rules: await estimatorRules(),
    text: { ...ui.estimator, units: ui.units, locations: ui.rules.location },
  };
}
export type EstimatorPayload = Awaited<ReturnType<typeof estimatorPayload>>;
