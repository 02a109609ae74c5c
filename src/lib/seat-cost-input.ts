/**
 * Reading the seat-cost inputs from text (the form or the query string) without guessing: each
 * value is parsed exactly or rejected with a code the page words in the reader's language.
 */
import { locations, type Location } from './estimator';
import { parseAmount } from './estimator-input';
import type { SeatInput } from './seat-cost';

/** Query-string names, fixed: a shared link keeps working. */
export const seatFields = ['gross', 'seats', 'moroccan', 'location', 'dependants', 'compare'] as const;
export type SeatField = (typeof seatFields)[number];
export const seatLimits = { gross: 1_000_000, seats: 100_000, dependants: 6 } as const;

export type SeatErrorCode =
  | 'required'
  | 'choice'
  | 'number'
  | 'whole'
  | 'negative'
  | 'zero'
  | 'too-large'
  | 'above-seats'
  | 'below-minimum'
  | 'same-location';
export interface SeatFieldError {
  field: SeatField;
  code: SeatErrorCode;
  limit?: number;
}
export type SeatParsed = { ok: true; input: SeatInput } | { ok: false; errors: SeatFieldError[] };
type Raw = Partial<Record<SeatField, string | null | undefined>>;

/**
 * parseSeatInput({ gross: '10 000', seats: '20', moroccan: '20', location: 'p2i-primary' }, { minMonthly: 3422.72 })
 * → { ok: true, input: { gross: 10000, seats: 20, moroccan: 20, location: 'p2i-primary', dependants: 0 } }.
 * Below `minMonthly` (the minimum wage a month) the salary is refused: nothing is computed.
 * `maxDependants`: the most the family reduction counts (figures.yaml); 6 by default, the range.
 */
export function parseSeatInput(
  raw: Raw,
  options: { minMonthly: number; maxDependants?: number | undefined },
): SeatParsed {
  const errors: SeatFieldError[] = [];
  const text = (f: SeatField) => (raw[f] ?? '').trim();
  const place = (f: 'location' | 'compare', required: boolean): Location | undefined => {
    const v = text(f).toLowerCase();
    if (!v) return void (required && errors.push({ field: f, code: 'required' }));
    if (!(locations as readonly string[]).includes(v)) return void errors.push({ field: f, code: 'choice' });
    return v as Location;
  };
  const count = (
    f: 'seats' | 'moroccan' | 'dependants',
    min: 0 | 1,
    max: number,
    fallback?: number,
  ): number | undefined => {
    const t = text(f);
    if (!t) return fallback ?? void errors.push({ field: f, code: 'required' });
    const n = parseAmount(t);
    if (Number.isNaN(n)) return void errors.push({ field: f, code: 'number' });
    if (n < 0) return void errors.push({ field: f, code: 'negative' });
    if (!Number.isInteger(n)) return void errors.push({ field: f, code: 'whole' });
    if (n < min) return void errors.push({ field: f, code: 'zero' });
    if (n > max) return void errors.push({ field: f, code: 'too-large', limit: max });
    return n;
  };

  let gross: number | undefined;
  const g = text('gross');
  if (!g) errors.push({ field: 'gross', code: 'required' });
  else {
    const n = parseAmount(g);
    if (Number.isNaN(n)) errors.push({ field: 'gross', code: 'number' });
    else if (n < 0) errors.push({ field: 'gross', code: 'negative' });
    else if (n === 0) errors.push({ field: 'gross', code: 'zero' });
    else if (n > seatLimits.gross)
      errors.push({ field: 'gross', code: 'too-large', limit: seatLimits.gross });
    else if (n < options.minMonthly)
      errors.push({ field: 'gross', code: 'below-minimum', limit: options.minMonthly });
    else gross = n;
  }
  const seats = count('seats', 1, seatLimits.seats);
  const moroccan = count('moroccan', 0, seatLimits.seats);
  if (seats !== undefined && moroccan !== undefined && moroccan > seats)
    errors.push({ field: 'moroccan', code: 'above-seats', limit: seats });
  const dependants = count('dependants', 0, options.maxDependants ?? seatLimits.dependants, 0);
  const location = place('location', true);
  const compare = place('compare', false);
  if (location && compare && location === compare) errors.push({ field: 'compare', code: 'same-location' });

  if (
    errors.length > 0 ||
    gross === undefined ||
    seats === undefined ||
    moroccan === undefined ||
    dependants === undefined ||
    location === undefined
  )
    return { ok: false, errors };
  return {
    ok: true,
    input: { gross, seats, moroccan, location, dependants, ...(compare ? { compare } : {}) },
  };
}

/** Whether the reader has given anything (an empty page shows no errors). */
export function isSeatBlank(raw: Raw): boolean {
  return seatFields.every((f) => !(raw[f] ?? '').trim());
}
