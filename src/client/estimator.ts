/**
 * Estimator page behaviour: read the form or the query string, validate, compute with the pure
 * modules, and render with DOM APIs only (textContent: nothing from the URL becomes markup).
 */
import { eligibility, eligibilityChecks, estimate, windowYears, type Line } from '../lib/estimator';
import {
  fieldNames,
  isBlank,
  minimumAnnualSalary,
  maxRate,
  parseInput,
  parseRate,
  type Field,
  type FieldError,
} from '../lib/estimator-input';
import { dayInMorocco, fill, formatDate, formatNumber } from '../lib/format';
import type { EstimatorPayload } from '../data/estimator';
import { estimateCsv, labelOf } from '../lib/estimate-csv';
import { announce, markInvalid, readQueryForm, startQueryForm, writeQuery } from './query-form';

declare global {
  interface Window {
    /** Set by the language's data script (src/pages/[lang]/incentives/estimator-data.js.ts). */
    estimatorData?: EstimatorPayload;
  }
}

// The page's rules and words (src/pages/[lang]/incentives/estimator-data.js.ts), from startEstimator().
let text: EstimatorPayload['text'];
let intl: EstimatorPayload['intl'];
let rules: EstimatorPayload['rules'];
let endYear = '';
const form = document.getElementById('estimator-form') as HTMLFormElement;
const results = document.getElementById('estimator-results')!;
const status = document.getElementById('estimator-status')!;
const byId = (id: string) => document.getElementById(id)!;
const control = (f: Field) => form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement;
const touched = new Set<Field>();
let showAll = false;
/** The result on screen as CSV, made with it in render(); empty while there is none. */
let csv = '';

/** A sibling page: a directory URL online; its index.html in the offline copy, opened from file://. */
const page = (dir: string) => (location.protocol === 'file:' ? `${dir}index.html` : dir);
const mad = (n: number) => fill(text.units.mad, { value: formatNumber(n, intl, 0) });

/** A list value from the URL that matches no option: kept so the reader is told it is not a choice. */
const strayChoice = new Map<Field, string>();

const readForm = () => readQueryForm({ fields: fieldNames, control, strayChoice });

function showErrors(errors: FieldError[]) {
  for (const f of fieldNames) {
    const err = showAll || touched.has(f) ? errors.find((e) => e.field === f) : undefined;
    const message = err
      ? fill(text.errors[err.code], {
          limit:
            err.limit === undefined
              ? ''
              : err.code === 'below-minimum'
                ? mad(err.limit)
                : formatNumber(err.limit, intl),
        })
      : '';
    const box = byId(`f-${f}-error`);
    if (box.textContent !== message) box.textContent = message;
    markInvalid(control(f), Boolean(err));
  }
}

function assumptionText(line: Line, code: string, startYear: number) {
  const d = line.detail ?? {};
  const pct = (v: number | undefined) => fill(text.units.percent, { value: formatNumber(v ?? 0, intl, 2) });
  return fill(text.assumptions[code as keyof typeof text.assumptions], {
    capPct: pct(d.capPct),
    threshold: mad(d.threshold ?? 0),
    maxSharePct: pct(d.maxSharePct),
    months: String(rules.pae.retentionMonths ?? '?'),
    years: String(d.years ?? ''),
    maxYears: String(rules.paf.years),
    perDependant: mad(rules.familyReduction.perDependant),
    startYear: String(startYear),
    end: formatDate(rules.window.to, intl),
  });
}

function amountCell(line: Line, value: number | null, kind: 'yearly' | 'total' | 'unit') {
  if (value !== null) return mad(value);
  if (kind !== 'yearly') return text.results.notComputed;
  return line.status === 'unknown'
    ? text.results.unknown
    : line.status === 'needs-input'
      ? text.results.needsInput
      : text.results.notComputed;
}

function converted(n: number | null) {
  const currency = (byId('f-currency') as HTMLSelectElement).value;
  const { rate } = parseRate((byId('f-rate') as HTMLInputElement).value);
  if (!currency || n === null || rate === null) return '';
  return fill(text.results.converted, { amount: formatNumber(n / rate, intl, 0), currency });
}

function render() {
  const raw = readForm();
  const parsed = parseInput(raw, { minSalary: minimumAnnualSalary(rules, new Date()) });
  showErrors(parsed.ok ? [] : parsed.errors);
  if (!parsed.ok) {
    results.hidden = true;
    csv = '';
    announce(status, showAll ? text.errorsTitle : '');
    return;
  }
  const now = new Date();
  // Past the window's last day the offer covers no new hire: no figures, the notice says why.
  if (windowYears(now, rules.window).ended) {
    results.hidden = true;
    csv = '';
    announce(status, '');
    return;
  }
  const e = estimate(parsed.input, rules, now);
  const body = byId('estimator-lines');
  body.replaceChildren(
    ...e.lines.map((line) => {
      const tr = document.createElement('tr');
      tr.className = 'border-b border-line align-top';
      tr.dataset.incentive = line.incentive;
      tr.dataset.status = line.status;
      if (line.yearly !== null) tr.dataset.amountMad = String(line.yearly);
      const th = document.createElement('th');
      th.scope = 'row';
      th.className = 'p-2 text-start';
      const a = document.createElement('a');
      a.href = page(`../${line.incentive}/`);
      a.className = 'inline-block min-h-6'; // at least 24 px tall (WCAG 2.5.8) when the two links wrap, whatever the font's line box
      a.textContent = text.lines[line.incentive];
      const src = document.createElement('a');
      src.href = `${page(`../${line.incentive}/`)}#page-sources`;
      src.className = 'ms-2 inline-block min-h-6 text-xs leading-6';
      src.textContent = `[${text.sourcesLink}]`;
      th.append(a, src);
      const yearly =
        amountCell(line, line.yearly, 'yearly') +
        (line.status === 'no-effect'
          ? ` — ${text.results.noEffect}`
          : line.incentive === 'pae'
            ? ` (${text.results.once})`
            : '');
      const cells = [
        yearly,
        amountCell(line, line.totalToEnd, 'total'),
        amountCell(line, line.perUnit, 'unit'),
      ].map((content, i) => {
        const td = document.createElement('td');
        td.className = 'p-2 text-end tabular-nums';
        td.textContent = content;
        const conv = converted([line.yearly, line.totalToEnd, line.perUnit][i] ?? null);
        if (conv)
          td.append(
            document.createElement('br'),
            Object.assign(document.createElement('span'), { className: 'text-muted', textContent: conv }),
          );
        return td;
      });
      const assumes = document.createElement('td');
      assumes.className = 'p-2';
      const ul = document.createElement('ul');
      ul.className = 'list-disc ps-4';
      ul.append(
        ...line.assumptions.map((code) =>
          Object.assign(document.createElement('li'), {
            textContent: assumptionText(line, code, e.startYear),
          }),
        ),
      );
      assumes.append(ul);
      tr.append(th, ...cells, assumes);
      return tr;
    }),
  );
  const total = fill(text.results.total, { endYear });
  byId('col-total').textContent = total;
  // Where the AIR's cap is unknown the value per hire leaves it out, and its label says so.
  const perHire = e.lines.some((l) => l.incentive === 'air' && l.status === 'unknown')
    ? text.results.perHireNoAir
    : text.results.perHire;
  byId('estimator-per-hire').textContent = fill(perHire, { amount: mad(e.perHireFirstYear) });
  byId('estimator-first-year').textContent = fill(text.results.firstYear, { amount: mad(e.firstYearTotal) });
  const entered = fieldNames
    .filter((f) => raw[f].trim())
    .map((f) => {
      const c = control(f);
      return {
        label: form.querySelector(`label[for="f-${f}"]`)?.textContent?.trim() ?? f,
        value: c instanceof HTMLSelectElement ? (c.selectedOptions[0]?.textContent ?? '') : raw[f].trim(),
      };
    });
  byId('estimator-inputs').replaceChildren(
    ...entered.flatMap((i) => [
      Object.assign(document.createElement('dt'), { className: 'font-semibold', textContent: i.label }),
      Object.assign(document.createElement('dd'), { textContent: i.value }),
    ]),
  );
  csv = estimateCsv({
    header: [text.csv.kind, text.csv.label, text.csv.value, text.csv.unit, text.csv.notes],
    kinds: { input: text.csv.input, result: text.csv.result, summary: text.csv.summary },
    inputs: entered,
    lines: e.lines.map((line) => ({
      label: text.lines[line.incentive],
      cells: (
        [
          [text.columns.yearly, line.yearly, 'yearly'],
          [total, line.totalToEnd, 'total'],
          [text.columns.perUnit, line.perUnit, 'unit'],
        ] as const
      ).map(([label, amount, kind]) => ({ label, amount, text: amountCell(line, amount, kind) })),
      assumptions: line.assumptions.map((code) => assumptionText(line, code, e.startYear)),
    })),
    summary: [
      { label: labelOf(perHire), amount: e.perHireFirstYear },
      { label: labelOf(text.results.firstYear), amount: e.firstYearTotal },
    ],
    note: fill(text.csv.computed, { date: formatDate(dayInMorocco(now), intl) }),
  });
  results.hidden = false;
  announce(status, `${text.results.title}: ${byId('estimator-per-hire').textContent}`);
}

/** The conversion's controls, outside the form. */
const rateInput = () => byId('f-rate') as HTMLInputElement;
const currencySelect = () => byId('f-currency') as HTMLSelectElement;

function renderRate() {
  const rate = rateInput();
  const currency = currencySelect().value;
  byId('f-rate-label').textContent = fill(text.results.rate, { currency: currency || '…' });
  const bad = currency !== '' && parseRate(rate.value).invalid;
  byId('f-rate-error').textContent = bad
    ? fill(text.results.rateError, { max: formatNumber(maxRate, intl) })
    : '';
  markInvalid(rate, bad);
  // The address keeps the conversion too, beside the form's fields; without a currency, neither.
  writeQuery({ currency, rate: currency ? rate.value : '' });
  render();
}

/** A shared address brings the conversion back: a currency the list offers, and the rate as typed. */
function restoreConversion() {
  const params = new URLSearchParams(location.search);
  const select = currencySelect();
  const currency = params.get('currency') ?? '';
  if (![...select.options].some((o) => o.value === currency && currency !== '')) return false;
  select.value = currency;
  rateInput().value = params.get('rate') ?? '';
  return true;
}

/**
 * Starts the estimator on the page, with its language's data. The hosted site calls it when the
 * reader needs it (src/client/calculator-loader.ts); the offline copy at once (src/client/offline/).
 */
export function startEstimator(data: EstimatorPayload) {
  ({ text, intl, rules } = data);
  endYear = rules.window.to.slice(0, 4);
  if (windowYears(new Date(), rules.window).ended)
    document.querySelector<HTMLElement>('[data-calculator="estimator"] [data-offer-ended]')!.hidden = false;
  showAll = !isBlank(
    startQueryForm({
      form,
      fields: fieldNames,
      control,
      strayChoice,
      touched,
      render,
      showAll: () => (showAll = true),
      resultsTitle: () => byId('estimator-results-title'),
    }),
  );
  byId('f-currency').addEventListener('change', renderRate);
  byId('f-rate').addEventListener('input', renderRate);
  byId('estimator-print').addEventListener('click', () => window.print());
  byId('estimator-csv').addEventListener('click', () => {
    if (!csv) return;
    const a = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })),
      download: `${text.csv.file}.csv`,
    });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  if (restoreConversion()) renderRate();
  else render();

  // Eligibility checklist: the rule is eligibility() in src/lib/estimator.ts; this only reads the boxes and draws.
  const elig = byId('eligibility-form');
  function renderEligibility() {
    const answers = Object.fromEntries(
      eligibilityChecks.map((c) => [c, elig.querySelector<HTMLInputElement>(`input[name="${c}"]`)!.checked]),
    ) as Record<(typeof eligibilityChecks)[number], boolean>;
    const result = eligibility(answers);
    const out = byId('eligibility-outcome');
    if (!result.eligible) {
      out.replaceChildren(Object.assign(document.createElement('p'), { textContent: text.eligibility.none }));
      return;
    }
    const list = document.createElement('ul');
    list.className = 'list-disc ps-6';
    list.append(
      ...result.claims.map((c) =>
        Object.assign(document.createElement('li'), { textContent: text.eligibility.why[c] }),
      ),
    );
    out.replaceChildren(
      Object.assign(document.createElement('p'), {
        className: 'font-semibold',
        textContent: text.eligibility.mayClaim,
      }),
      list,
      Object.assign(document.createElement('p'), {
        className: 'mt-2',
        textContent: result.applyIn === 'p2i' ? text.eligibility.prepareP2i : text.eligibility.prepareOutside,
      }),
    );
  }
  elig.addEventListener('change', renderEligibility);
  renderEligibility();
  // Live from now on: the first state is drawn silently, the reader's ticks are announced.
  byId('eligibility-outcome').setAttribute('aria-live', 'polite');
}
