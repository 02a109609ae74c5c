/**
 * Seat-cost page behaviour: read the form or the query string, validate, compute with
 * the payroll model, and draw each line with the rule that made it. DOM APIs and textContent
 * only: nothing from the URL becomes markup.
 */
import { windowYears, type Location } from '../lib/estimator';
import { allowanceTier, capThreshold, minimumWage, type ContributionLine } from '../lib/payroll';
import { seatCosts, seatLines, type SeatLine, type SeatResult } from '../lib/seat-cost';
import {
  isSeatBlank,
  parseSeatInput,
  seatFields,
  type SeatField,
  type SeatFieldError,
} from '../lib/seat-cost-input';
import { estimateCsv } from '../lib/estimate-csv';
import { dayInMorocco, fill, formatDate, formatNumber } from '../lib/format';
import type { SeatCostPayload } from '../data/seat-cost';
import { announce, markInvalid, readQueryForm, startQueryForm } from './query-form';

declare global {
  interface Window {
    /** Set by the language's data script (src/pages/[lang]/seat-cost-data.js.ts). */
    seatCostData?: SeatCostPayload;
  }
}

// The page's rules, sources and words, from startSeatCost().
let data: SeatCostPayload;
let text: SeatCostPayload['text'];
let intl: SeatCostPayload['intl'];
let rules: SeatCostPayload['rules'];
const byId = (id: string) => document.getElementById(id)!;
const form = byId('seat-form') as HTMLFormElement;
const control = (f: SeatField) => form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement;
const touched = new Set<SeatField>();
const strayChoice = new Map<SeatField, string>();
let showAll = false;

const mad = (n: number, digits = 2) => fill(text.units.mad, { value: formatNumber(n, intl, digits) });
const pct = (n: number) => fill(text.units.percent, { value: formatNumber(n, intl, 2) });
const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
const minMonthly = () => minimumWage(rules, new Date()).monthly;
/** Past the window's last day the offer covers no new hire: no figures, a notice says why. */
const offerEnded = () => windowYears(new Date(), rules.window).ended;
const count = (n: number) => formatNumber(n, intl, 0);

const readForm = () => readQueryForm({ fields: seatFields, control, strayChoice });

function showErrors(errors: SeatFieldError[]) {
  for (const f of seatFields) {
    const err = showAll || touched.has(f) ? errors.find((e) => e.field === f) : undefined;
    const limit =
      err?.limit === undefined
        ? ''
        : err.code === 'below-minimum'
          ? mad(err.limit)
          : formatNumber(err.limit, intl);
    const message = err ? fill(text.errors[err.code], { limit }) : '';
    const box = byId(`s-${f}-error`);
    if (box.textContent !== message) box.textContent = message;
    markInvalid(control(f), Boolean(err));
  }
}

/** Links to the sources of an explained item: "Publisher (date)". */
function cited(keys: string[]) {
  const ids = [...new Set(keys.flatMap((k) => data.cites[k] ?? []))];
  const list = h('ul', { className: 'list-disc ps-5' });
  for (const id of ids) {
    const s = data.sources[id];
    if (s)
      list.append(
        h(
          'li',
          {},
          h('a', { href: s.u, rel: 'noopener external' }, h('bdi', s.r ? { dir: document.dir } : {}, s.p)),
          ' ',
          `(${s.d})`,
        ),
      );
  }
  return ids.length ? [h('p', { className: 'mt-2 font-semibold' }, text.explain.sources), list] : [];
}

function block(title: string, items: string[]) {
  return items.length
    ? [
        h('p', { className: 'mt-2 font-semibold' }, title),
        h('ul', { className: 'list-disc ps-5' }, ...items.map((i) => h('li', {}, i))),
      ]
    : [];
}

function contributionSteps(lines: ContributionLine[], side: 'employer' | 'employee', total: number) {
  const steps = lines
    .filter((l) => (side === 'employer' ? l.employerPct : l.employeePct) > 0)
    .map((l) => {
      const rate = pct(side === 'employer' ? l.employerPct : l.employeePct);
      const label = data.labels[l.id] ?? l.id;
      if (l.includedIn) return fill(text.explain.included, { label, rate });
      const step = fill(text.explain.contribution, { label, rate, base: mad(l.base), amount: mad(l[side]) });
      return l.capped
        ? `${step} (${fill(text.explain.capped, { ceiling: mad(rules.ceilingMonthly) })})`
        : step;
    });
  return [...steps, fill(text.explain.sum, { amount: mad(total) })];
}

/** What opening a line shows: the formula with this input's numbers, sources, assumptions, unknowns. */
function explanation(
  line: SeatLine,
  results: SeatResult[],
  seats: number,
  moroccan: number,
  dependants: number,
): Node[] {
  const r = results[0]!;
  const p = r.payroll;
  const gross = mad(p.gross);
  const e = text.explain;
  const rates2026 = data.unknown['rates-2026'] ?? '';
  const accident = data.unknown['work-accident-premium'] ?? '';
  const contributionKeys = p.lines.map((l) => l.id).concat('ceiling');
  switch (line) {
    case 'gross':
      return [
        ...block(text.lines[line], [fill(e.gross, { monthly: mad(p.gross / 12), annual: gross })]),
        ...block(e.assumed, [e.sameSalary]),
      ];
    case 'employer-contributions':
      return [
        ...block(text.lines[line], contributionSteps(p.lines, 'employer', p.employerContributions)),
        ...cited(contributionKeys),
        ...block(e.assumed, [rates2026]),
        ...block(e.unknown, [accident]),
      ];
    case 'employer-cost':
      return [
        ...block(text.lines[line], [
          fill(e.cost, { gross, contributions: mad(p.employerContributions), cost: mad(p.employerCost) }),
        ]),
        ...block(e.unknown, [accident]),
      ];
    case 'employee-contributions':
      return [
        ...block(text.lines[line], contributionSteps(p.lines, 'employee', p.employeeContributions)),
        ...cited(contributionKeys),
        ...block(e.assumed, [rates2026]),
      ];
    case 'income-tax': {
      const tier = allowanceTier(p.gross, rules.professionalExpenses);
      const steps = [
        fill(e.tax, {
          gross,
          allowance: mad(p.allowance),
          rate: pct(tier.ratePct),
          contributions: mad(p.employeeContributions),
          net: mad(p.netTaxable),
        }),
      ];
      if (tier.capMad !== null) steps.push(fill(e.allowanceCap, { cap: mad(tier.capMad) }));
      steps.push(fill(e.scale, { net: mad(p.netTaxable), tax: mad(p.scaleTax) }));
      const fr = rules.familyReduction;
      const product = Math.min(dependants, fr.maxDependants) * fr.perDependant;
      // Below the product, the reduction was held to the tax on the scale: the sentence says so.
      steps.push(
        fill(p.familyReduction < Math.min(product, fr.capMad) ? e.familyLimited : e.family, {
          dependants: count(dependants),
          per: mad(fr.perDependant),
          product: mad(product),
          reduction: mad(p.familyReduction),
          cap: mad(fr.capMad),
          tax: mad(p.tax),
        }),
      );
      return [
        ...block(text.lines[line], steps),
        ...cited(['tax', 'family']),
        ...block(e.assumed, [e.sameSalary, data.scaleNote].filter(Boolean)),
      ];
    }
    case 'net-pay':
      return block(text.lines[line], [
        fill(e.net, {
          gross,
          contributions: mad(p.employeeContributions),
          tax: mad(p.tax),
          net: mad(p.netPay),
          monthly: mad(p.netPay / 12),
        }),
      ]);
    case 'air': {
      const steps = results.flatMap((x) => {
        const where = data.locations[x.location] ?? x.location;
        if (!x.air) return [fill(e.airUnknown, { location: where })];
        return [
          fill(e.airCap, {
            location: where,
            capPct: pct(x.air.capPct),
            gross,
            cap: mad(x.air.cap),
            tax: mad(x.air.tax),
            advantage: mad(x.air.advantage),
          }),
          fill(e.airThreshold, { threshold: mad(capThreshold(x.air.capPct, rules), 0) }),
        ];
      });
      return [
        ...block(text.lines[line], steps),
        ...cited(['air']),
        ...block(e.assumed, [e.airNotCounted]),
        ...block(e.unknown, [data.unknown['cap-measure'] ?? '']),
      ];
    }
    case 'pae':
      return [
        ...block(text.lines[line], [
          fill(e.pae, {
            rate: pct(rules.pae.ratePct),
            gross,
            amount: mad(r.paePerSeat),
            months: String(rules.pae.retentionMonths ?? '?'),
          }),
        ]),
        ...cited(['pae']),
        ...block(e.assumed, [e.paeOnce]),
      ];
    case 'paf':
      return [
        ...block(text.lines[line], [
          fill(e.paf, {
            rate: pct(rules.paf.ratePct),
            gross,
            perRecruit: mad(r.pafPerRecruit),
            moroccan: count(moroccan),
            seats: count(seats),
            perSeat: mad(r.perSeat.paf ?? 0),
          }),
        ]),
        ...cited(['paf']),
        ...block(e.assumed, [fill(e.pafYears, { years: String(rules.paf.years) })]),
      ];
    case 'cost-after-incentives':
      return [
        ...block(text.lines[line], [
          fill(e.after, {
            cost: mad(p.employerCost),
            pae: mad(r.paePerSeat),
            paf: mad(r.perSeat.paf ?? 0),
            after: mad(r.perSeat['cost-after-incentives'] ?? 0),
          }),
        ]),
        ...block(e.unknown, [accident]),
      ];
  }
}

let lastCsv = '';

function render() {
  const raw = readForm();
  const parsed = parseSeatInput(raw, {
    minMonthly: minMonthly(),
    maxDependants: rules.familyReduction.maxDependants,
  });
  showErrors(parsed.ok ? [] : parsed.errors);
  const results = byId('seat-results');
  if (!parsed.ok || offerEnded()) {
    results.hidden = true;
    byId('seat-lines').replaceChildren();
    announce(byId('seat-status'), showAll && !parsed.ok ? text.errorsTitle : '');
    return;
  }
  const input = parsed.input;
  const all = seatCosts(input, rules);
  const where = (l: Location) => data.locations[l] ?? l;
  const head = h(
    'tr',
    { className: 'border-b-2 border-line' },
    h('th', { scope: 'col', className: 'p-2 text-start' }, text.results.line),
  );
  for (const r of all) {
    const suffix = all.length > 1 ? ` — ${where(r.location)}` : '';
    head.append(
      h('th', { scope: 'col', className: 'p-2 text-end' }, text.results.perSeat + suffix),
      h('th', { scope: 'col', className: 'p-2 text-end' }, text.results.total + suffix),
    );
  }
  byId('seat-head').replaceChildren(head);
  const width = 1 + all.length * 2;
  const rows = seatLines.flatMap((line) => {
    const id = `explain-${line}`;
    const button = h(
      'button',
      { type: 'button', className: 'text-start font-semibold underline decoration-dotted' },
      text.lines[line],
    );
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', id);
    const tr = h(
      'tr',
      {
        className: `border-b border-line align-top${line === 'employer-cost' || line === 'cost-after-incentives' ? ' font-semibold' : ''}`,
      },
      h('th', { scope: 'row', className: 'p-2 text-start' }, button),
    );
    for (const r of all) {
      const per = r.perSeat[line];
      const total = r.total[line];
      const cell = h(
        'td',
        { className: 'p-2 text-end tabular-nums' },
        per === null ? text.results.unknown : mad(per, 0),
      );
      cell.dataset['line'] = line;
      cell.dataset['location'] = r.location;
      if (per !== null) cell.dataset['amountMad'] = String(per);
      const totalCell = h(
        'td',
        { className: 'p-2 text-end tabular-nums' },
        total === null ? text.results.unknown : mad(total, 0),
      );
      totalCell.dataset['totalLine'] = line;
      totalCell.dataset['location'] = r.location;
      if (total !== null) totalCell.dataset['totalMad'] = String(total);
      tr.append(cell, totalCell);
    }
    const detail = h(
      'tr',
      { id, hidden: true, className: 'border-b border-line bg-card' },
      h(
        'td',
        { colSpan: width, className: 'p-3' },
        ...explanation(line, all, input.seats, input.moroccan, input.dependants),
      ),
    );
    detail.dataset['explains'] = line;
    button.addEventListener('click', () => {
      detail.hidden = !detail.hidden;
      button.setAttribute('aria-expanded', String(!detail.hidden));
    });
    return [tr, detail];
  });
  byId('seat-lines').replaceChildren(...rows);
  const entered = seatFields
    .filter((f) => raw[f].trim())
    .map((f) => {
      const c = control(f);
      return {
        label: form.querySelector(`label[for="s-${f}"]`)?.textContent ?? f,
        value: c instanceof HTMLSelectElement ? (c.selectedOptions[0]?.textContent ?? '') : raw[f],
      };
    });
  byId('seat-inputs').replaceChildren(
    ...entered.flatMap((i) => [h('dt', { className: 'font-semibold' }, i.label), h('dd', {}, i.value)]),
  );
  // The estimator's layout: the inputs, then each line at each location per seat and in total, in dirhams.
  const { csv } = text;
  lastCsv = estimateCsv({
    header: [csv.kind, csv.label, csv.value, csv.unit, csv.notes],
    kinds: { input: csv.input, result: csv.result, summary: csv.summary },
    inputs: entered,
    lines: all.flatMap((r) =>
      seatLines.map((l) => ({
        label: `${text.lines[l]} (${where(r.location)})`,
        cells: [
          { label: text.results.perSeat, amount: r.perSeat[l], text: text.results.unknown },
          { label: text.results.total, amount: r.total[l], text: text.results.unknown },
        ],
        assumptions: [],
      })),
    ),
    summary: [],
    note: fill(text.csvComputed, { date: formatDate(dayInMorocco(new Date()), intl) }),
  });
  results.hidden = false;
  announce(
    byId('seat-status'),
    fill(text.results.status, { amount: mad(all[0]!.perSeat['employer-cost'] ?? 0, 0) }),
  );
}

/**
 * Starts the calculator on the page, with its language's data. The hosted site calls it when the
 * reader needs it (src/client/calculator-loader.ts); the offline copy at once (src/client/offline/).
 */
export function startSeatCost(payload: SeatCostPayload) {
  data = payload;
  ({ text, intl, rules } = payload);
  if (offerEnded())
    document.querySelector<HTMLElement>('[data-calculator="seat-cost"] [data-offer-ended]')!.hidden = false;
  showAll = !isSeatBlank(
    startQueryForm({
      form,
      fields: seatFields,
      control,
      strayChoice,
      touched,
      render,
      showAll: () => (showAll = true),
      resultsTitle: () => byId('seat-results-title'),
    }),
  );
  byId('seat-print').addEventListener('click', () => window.print());
  byId('seat-csv').addEventListener('click', () => {
    const a = h('a', {
      href: URL.createObjectURL(new Blob([lastCsv], { type: 'text/csv;charset=utf-8' })),
      download: `${text.csvFile}.csv`,
    });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  render();
}
