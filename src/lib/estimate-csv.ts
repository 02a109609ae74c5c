/**
 * A calculator's result as CSV (the estimator's and the seat cost's): the inputs as entered, every amount of the results
 * table rounded to the dirham as on screen (or the table's words where there is no amount), the
 * summary lines, and a closing note. Pure: labels and amounts are arguments.
 *
 * estimateCsv({ header: ['Kind', …], kinds, inputs: [{ label: 'Hires', value: '3' }], lines: [], summary: [], note: 'Estimate' })
 *   → '\uFEFFKind,Label,Value,Unit,Assumptions\r\ninput,Hires,3,,\r\nsummary,Estimate,,,\r\n'
 */
import { toCsv } from './csv';

export interface EstimateCsv {
  /** Column titles: kind, label, value, unit, assumptions. */
  header: [string, string, string, string, string];
  kinds: { input: string; result: string; summary: string };
  inputs: { label: string; value: string }[];
  /** One entry per incentive line: each amount column with its title, and the line's assumptions. */
  lines: {
    label: string;
    cells: { label: string; amount: number | null; text: string }[];
    assumptions: string[];
  }[];
  summary: { label: string; amount: number }[];
  note: string;
}

/** The unit written next to every amount. */
const MAD = 'MAD';

export function estimateCsv(e: EstimateCsv): string {
  return toCsv(e.header, [
    ...e.inputs.map((i) => [e.kinds.input, i.label, i.value, '', '']),
    ...e.lines.flatMap((l) =>
      l.cells.map((c) => [
        e.kinds.result,
        `${l.label} — ${c.label}`,
        c.amount === null ? c.text : Math.round(c.amount),
        c.amount === null ? '' : MAD,
        l.assumptions.join(' / '),
      ]),
    ),
    ...e.summary.map((s) => [e.kinds.summary, s.label, Math.round(s.amount), MAD, '']),
    [e.kinds.summary, e.note, '', '', ''],
  ]);
}

/** A sentence template with its amount left out, as a column label: 'Total: {{amount}}' → 'Total'. */
export const labelOf = (template: string) =>
  template
    .replace(/\{\{amount\}\}/g, '')
    .replace(/[\s:،]+$/u, '')
    .trim();
