/**
 * What the seat-cost page ships to the browser: the rules (the estimator's rule set,
 * which carries the payroll model's), the sources each line cites, what no source establishes,
 * and only the words the script writes.
 */
import { getCollection, getEntry } from 'astro:content';
import { estimatorRules, pick } from './estimator';
import { familyFigures } from '../lib/payroll-rules';
import { locations } from '../lib/estimator';
import { locales, type Locale } from '../i18n/locales';
import { resources } from '../i18n';
import { citationIn, inReaderWords } from '../lib/sources';
import { sourceDateText } from '../lib/source-date';

type Ref = { id: string };
const ids = (refs: Ref[] | undefined) => (refs ?? []).map((r) => r.id);

export async function seatCostPayload(lang: Locale) {
  const payroll = await getCollection('payroll');
  const { seatCost, units, rules: ruleWords, estimatorCsv } = resources[lang];
  const scale = await getEntry('tax', 'ir-salary-scale');
  const allowance = await getEntry('tax', 'professional-expenses');
  const figures = await Promise.all(Object.values(familyFigures).map((id) => getEntry('figures', id)));
  const incentive = async (id: string) => ids((await getEntry('incentiveRules', id))?.data.sources);
  const of = (kind: string) => payroll.filter((p) => p.data.kind === kind);
  /** Source ids per explained item: each contribution, and the rules every line relies on. */
  const cites: Record<string, string[]> = {
    ...Object.fromEntries(of('contribution').map((p) => [p.id, ids(p.data.sources)])),
    ceiling: of('ceiling').flatMap((p) => ids(p.data.sources)),
    'minimum-wage': [...of('minimum-wage'), ...of('monthly-hours')].flatMap((p) => ids(p.data.sources)),
    tax: [
      ...ids(scale?.data.sources),
      ...ids(allowance?.data.sources),
      ...of('rule').flatMap((p) => ids(p.data.sources)),
    ],
    family: figures.flatMap((f) => ids(f?.data.sources)),
    air: await incentive('air'),
    pae: await incentive('pae'),
    paf: await incentive('paf'),
  };
  const used = new Set(Object.values(cites).flat());
  const sources = Object.fromEntries(
    (await getCollection('sources'))
      .filter((s) => used.has(s.id))
      .map((s) => [
        s.id,
        {
          p: citationIn(s.data, lang).publisher,
          /** Set when the publisher carries a note in the reader's words: shown in the page's direction. */
          ...(inReaderWords(s.data, lang).includes('publisher') && { r: 1 as const }),
          d: sourceDateText(s.data.date, locales[lang].intl, resources[lang].sourceDate),
          u: s.data.url,
        },
      ]),
  );
  return {
    lang,
    intl: locales[lang].intl,
    rules: await estimatorRules(),
    labels: Object.fromEntries(of('contribution').map((p) => [p.id, p.data.label[lang]])),
    unknown: Object.fromEntries(of('unknown').map((p) => [p.id, p.data.note?.[lang] ?? ''])),
    scaleNote: scale?.data.kind === 'ir-scale' ? (scale.data.note?.[lang] ?? '') : '',
    cites,
    sources,
    locations: Object.fromEntries(locations.map((l) => [l, ruleWords.location[l]])),
    text: {
      ...seatCost,
      units: { mad: units.mad, percent: units.percent },
      // The CSV's column titles and row kinds (src/lib/estimate-csv.ts), not the estimator's own words.
      csv: pick(estimatorCsv, ['kind', 'label', 'value', 'unit', 'notes', 'input', 'result', 'summary']),
    },
  };
}
export type SeatCostPayload = Awaited<ReturnType<typeof seatCostPayload>>;
