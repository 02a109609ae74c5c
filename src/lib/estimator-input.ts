/**
 * Reading the estimator's inputs from text (a form or the query string) without ever guessing:
 * a value is either parsed exactly or rejected with an error code the page words in its language.
 */
import { locations, segments, type EstimateInput, type Location, type Segment } from './estimator';
import { minimumWage, round2, type PayrollRules } from './payroll';

/** Query-string names, fixed: a shared link keeps working. */
export const fieldNames = ['segment', 'location', 'hires', 'salary', 'moroccan', 'is'] as const;
export type Field = (typeof fieldNames)[number];

export const limits = { hires: 100_000, salary: 10_000_000, is: 100_000_000_000 } as const;

export type ErrorCode =
  | 'required'
  | 'choice'
  | 'number'
  | 'whole'
  | 'negative'
  | 'zero'
  | 'too-large'
  | 'above-hires'
  | 'below-minimum';
export interface FieldError {
  field: Field;
  code: ErrorCode;
  limit?: number;
}
export type Parsed = { ok: true; input: EstimateInput } | { ok: false; errors: FieldError[] };

/** Arabic-Indic and Persian digits to Latin ones, the Arabic decimal separator to '.', spaces out. */
function latinDigits(raw: string): string {
  return raw
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f\u066c]/g, '')
    .replace(/\u066b/g, '.');
}

/**
 * parseAmount('300 000') → 300000; ('1.200') → 1200; ('2500,50') → 2500.5; ('٣٠٠') → 300; ('−5') → -5;
 * ('3e5') and ('--5') → NaN.
 * Spaces group digits; a separator before exactly three final digits groups (the same one each
 * time); one before one or two decimals; with both, '1.234,50' and '1,234.50' → 1234.5.
 */
export function parseAmount(raw: string): number {
  const text = latinDigits(raw);
  // One minus sign, '-' or U+2212 as pasted figures write it: '--5' is refused, not read as 5;
  // '-0' is 0, not -0 (which would be shown as '-0').
  if (/^[-\u2212]/.test(text))
    return /^[-\u2212]{2}/.test(text) ? Number.NaN : 0 - parseAmount(text.slice(1));
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(text)) return Number(text.replace(/[.,]/g, ''));
  if (/^\d+([.,]\d{1,2})?$/.test(text)) return Number(text.replace(',', '.'));
  // Both separators: the one that groups repeats, the last one marks the decimals.
  if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(text)) return Number(text.replace(/,/g, ''));
  return Number.NaN;
}

type Raw = Partial<Record<Field, string | null | undefined>>;

/**
 * Validates every field at once, so the reader sees all problems together. `minSalary`: the
 * minimum wage over a year (src/lib/payroll.ts), below which no estimate is made.
 */
export function parseInput(raw: Raw, options: { minSalary?: number | undefined } = {}): Parsed {
  const errors: FieldError[] = [];
  const text = (f: Field) => (raw[f] ?? '').trim();

  const segment = text('segment').toLowerCase();
  if (!segment) errors.push({ field: 'segment', code: 'required' });
  else if (!(segments as readonly string[]).includes(segment))
    errors.push({ field: 'segment', code: 'choice' });

  const location = text('location').toLowerCase();
  if (!location) errors.push({ field: 'location', code: 'required' });
  else if (!(locations as readonly string[]).includes(location))
    errors.push({ field: 'location', code: 'choice' });

  const count = (field: 'hires' | 'moroccan', min: 0 | 1, max: number): number | undefined => {
    const t = text(field);
    if (!t) return void errors.push({ field, code: 'required' });
    const n = parseAmount(t);
    if (Number.isNaN(n)) return void errors.push({ field, code: 'number' });
    if (n < 0) return void errors.push({ field, code: 'negative' });
    if (!Number.isInteger(n)) return void errors.push({ field, code: 'whole' });
    if (n < min) return void errors.push({ field, code: 'zero' });
    if (n > max) return void errors.push({ field, code: 'too-large', limit: max });
    return n;
  };
  const amount = (field: 'salary' | 'is', max: number, allowZero: boolean): number | undefined => {
    const n = parseAmount(text(field));
    if (Number.isNaN(n)) return void errors.push({ field, code: 'number' });
    if (n < 0) return void errors.push({ field, code: 'negative' });
    if (n === 0 && !allowZero) return void errors.push({ field, code: 'zero' });
    if (n > max) return void errors.push({ field, code: 'too-large', limit: max });
    if (field === 'salary' && options.minSalary !== undefined && n < options.minSalary)
      return void errors.push({ field, code: 'below-minimum', limit: options.minSalary });
    return n;
  };

  const hires = count('hires', 1, limits.hires);
  const salary = text('salary')
    ? amount('salary', limits.salary, false)
    : void errors.push({ field: 'salary', code: 'required' });
  const moroccan = count('moroccan', 0, limits.hires);
  if (hires !== undefined && moroccan !== undefined && moroccan > hires)
    errors.push({ field: 'moroccan', code: 'above-hires', limit: hires });
  const is = text('is') ? amount('is', limits.is, true) : undefined;

  if (errors.length > 0 || hires === undefined || salary === undefined || moroccan === undefined)
    return { ok: false, errors };
  return {
    ok: true,
    input: { segment: segment as Segment, location: location as Location, hires, salary, moroccan, is },
  };
}

/** Whether the reader has given anything at all (an empty page shows no errors). */
export function isBlank(raw: Raw): boolean {
  return fieldNames.every((f) => !(raw[f] ?? '').trim());
}

/** The lowest annual salary the estimator accepts: twelve months of the minimum wage in force on that day (3,422.72 × 12 = 41,072.64 MAD in 2026). */
export function minimumAnnualSalary(
  rules: Pick<PayrollRules, 'minimumWages' | 'monthlyHours'>,
  on: Date,
): number {
  return round2(minimumWage(rules, on).monthly * 12);
}

/**
 * The highest exchange rate accepted, in dirhams for one euro or dollar (the currencies offered):
 * far above any rate those have had, so a larger number is a slip (an amount typed for a rate),
 * which would turn every converted amount into 0.
 */
export const maxRate = 1000;

/**
 * The reader's exchange rate, MAD per unit of their currency: ('10,8') → { rate: 10.8, invalid: false };
 * one separator always marks decimals in a rate, ('10,835') → 10.835 and ('10.8350') → 10.835;
 * ('') → { rate: null, invalid: false }; ('0'), ('-2'), ('abc') or ('99999999') → { rate: null, invalid: true }.
 */
export function parseRate(raw: string): { rate: number | null; invalid: boolean } {
  if (raw.trim() === '') return { rate: null, invalid: false };
  const text = latinDigits(raw);
  const rate = /^\d+[.,]\d+$/.test(text) ? Number(text.replace(',', '.')) : parseAmount(raw);
  return rate > 0 && rate <= maxRate ? { rate, invalid: false } : { rate: null, invalid: true };
}
