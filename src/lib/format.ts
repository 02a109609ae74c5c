/**
 * Locale formatting of figures, periods and dates. Pure: the Intl locale and the wording
 * templates (from the UI dictionaries) are arguments, so this module has no i18n inside.
 */

export type Unit =
  | 'mad'
  | 'mad-million'
  | 'mad-billion'
  | 'percent'
  | 'percent-change'
  | 'jobs'
  | 'companies'
  | 'hectares'
  | 'm2'
  | 'months'
  | 'years'
  | 'count';
export type Qualifier = 'about' | 'more-than';

/** Wording templates with a `{{value}}` slot, e.g. { madBillion: '{{value}} milliards de dirhams' }. */
export interface UnitTemplates {
  mad: string;
  madMillion: string;
  madBillion: string;
  percent: string;
  percentChange: string;
  jobs: string;
  companies: string;
  hectares: string;
  squareMetres: string;
  months: string;
  years: string;
  count: string;
  moreThan: string;
  about: string;
  /** Plural variants, i18next style: `hectares_few`, `months_many`… (Arabic needs them). */
  [plural: `${string}_${Intl.LDMLPluralRule}`]: string | undefined;
}

export interface PeriodTemplates {
  h1: string;
  h2: string;
  q: string;
}

type BaseKey =
  | 'mad'
  | 'madMillion'
  | 'madBillion'
  | 'percent'
  | 'percentChange'
  | 'jobs'
  | 'companies'
  | 'hectares'
  | 'squareMetres'
  | 'months'
  | 'years'
  | 'count';
const unitKey: Record<Unit, BaseKey> = {
  mad: 'mad',
  'mad-million': 'madMillion',
  'mad-billion': 'madBillion',
  percent: 'percent',
  'percent-change': 'percentChange',
  jobs: 'jobs',
  companies: 'companies',
  hectares: 'hectares',
  m2: 'squareMetres',
  months: 'months',
  years: 'years',
  count: 'count',
};

/** fill('{{value}} %', { value: '3,5' }) → '3,5 %'. Unknown slots stay visible so a gap is noticed. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * Intl formatters, one per locale and options, made on first use: making one costs far more than
 * formatting with it, and a build formats tens of thousands of figures and dates.
 */
const made = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}
const numberFormat = (intl: string, o: Intl.NumberFormatOptions) =>
  once(`number ${intl} ${JSON.stringify(o)}`, () => new Intl.NumberFormat(intl, o));
const dateFormat = (intl: string, o: Intl.DateTimeFormatOptions) =>
  once(`date ${intl} ${JSON.stringify(o)}`, () => new Intl.DateTimeFormat(intl, o));

/** The plural category of a count in a locale: (3, 'ar-MA') → 'few'. */
const pluralCategory = (count: number, intl: string): Intl.LDMLPluralRule =>
  once(`plural ${intl}`, () => new Intl.PluralRules(intl)).select(count);

/** formatNumber(148500, 'fr-FR') → '148 500' (narrow no-break space); ('ar-MA') → '148.500'. */
export function formatNumber(value: number, intl: string, maxFractionDigits = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return numberFormat(intl, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** Fraction digits that suit a unit: billions keep two decimals, counts none. */
function digitsFor(unit: Unit): number {
  return unit === 'mad-billion' || unit === 'percent' || unit === 'percent-change' || unit === 'hectares'
    ? 2
    : 0;
}

/** formatQuantity(26.22, 'mad-billion', 'fr-FR', t) → '26,22 milliards de dirhams'. */
export function formatQuantity(
  value: number,
  unit: Unit,
  intl: string,
  templates: UnitTemplates,
  qualifier?: Qualifier,
): string {
  // A change is signed by Intl, which puts a left-to-right mark before it in Arabic (‎+4), so the
  // sign stays on the number's left in a right-to-left line, as the minus already did.
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const number =
    unit === 'percent-change'
      ? numberFormat(intl, { maximumFractionDigits: digitsFor(unit), signDisplay: 'exceptZero' }).format(
          value,
        )
      : formatNumber(value, intl, digitsFor(unit));
  const key = unitKey[unit];
  const category = Number.isInteger(value) ? pluralCategory(value, intl) : 'other';
  const text = fill(templates[`${key}_${category}`] ?? templates[key], { value: number });
  if (!qualifier) return text;
  return fill(qualifier === 'about' ? templates.about : templates.moreThan, { value: text });
}

/**
 * Whether an ISO year, month or day ('2025', '2025-11', '2025-11-24') is on the calendar:
 * '2025-13' or '2025-02-30' is a typing mistake, which Date would roll over into the next year
 * or month. isCalendarDate('2024-02-29') → true; isCalendarDate('2025-02-29') → false.
 */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso)) return false;
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

const moroccanDays = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Africa/Casablanca',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The day a moment falls on in Morocco, where the rules' dates apply, whatever the reader's clock:
 * dayInMorocco(new Date('2025-12-31T23:30:00Z')) → '2026-01-01' (UTC+1 then).
 */
export function dayInMorocco(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    moroccanDays.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** formatDate('2025-07-01', 'en-US') → 'July 1, 2025'. Dates are read as UTC calendar days. */
export function formatDate(iso: string, intl: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !isCalendarDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const text = dateFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  // French writes the first day of a month as an ordinal: « 1er juillet 2025 ».
  return intl.startsWith('fr') && match[3] === '01' ? text.replace(/^1(?=\s)/, '1er') : text;
}

/**
 * A year, month or day, or a span of them, as ISO ('2025', '2025-11', '2025-11-24'; `to` as precise
 * as `from`): ('2025-11', '2025-12', 'fr-FR') → 'novembre – décembre 2025'; ('2025', undefined,
 * 'en-US') → '2025'. Intl writes the span, naming the shared month or year once.
 */
export function formatDateSpan(from: string, to: string | undefined, intl: string): string {
  if (!isCalendarDate(from) || (to !== undefined && (to.length !== from.length || !isCalendarDate(to))))
    throw new RangeError(`not a year, month or day span: ${from}${to ? `/${to}` : ''}`);
  if (to === undefined && from.length === 10) return formatDate(from, intl);
  const utc = (iso: string) => {
    const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  };
  const f = dateFormat(intl, {
    ...(from.length === 4
      ? { year: 'numeric' }
      : from.length === 7
        ? { year: 'numeric', month: 'long' }
        : { dateStyle: 'long' }),
    timeZone: 'UTC',
  });
  return to === undefined ? f.format(utc(from)) : f.formatRange(utc(from), utc(to));
}

/** formatPeriod('2025-H1', 'fr-FR', { h1: '1er semestre {{year}}', … }) → '1er semestre 2025'. */
export function formatPeriod(period: string, intl: string, templates: PeriodTemplates): string {
  const [year = '', part] = period.split(/-(.*)/s);
  if (!part) return year;
  if (part === 'H1' || part === 'H2') return fill(part === 'H1' ? templates.h1 : templates.h2, { year });
  if (/^Q[1-4]$/.test(part)) return fill(templates.q, { year, quarter: part.slice(1) });
  if (/^\d{2}$/.test(part)) {
    if (!isCalendarDate(period)) throw new RangeError(`not a period: ${period}`);
    const date = new Date(Date.UTC(Number(year), Number(part) - 1, 1));
    return dateFormat(intl, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return formatDate(period, intl);
}

/** Removes the invisible bidi marks Intl adds in Arabic (U+200E, U+200F, U+061C): for comparisons in tests. */
export function stripBidiMarks(text: string): string {
  return text.replace(/[\u200e\u200f\u061c]/g, '');
}

/**
 * A file size for a download link: (1_450_000, 'fr-FR') → '1,5 Mo'; (345_000, 'en-US') → '345 kB'.
 * Decimal units, one decimal from a megabyte. Arabic spells the unit out («ميغابايت»): its short
 * form «م.ب» is not what readers see elsewhere.
 */
export function formatFileSize(bytes: number, intl: string): string {
  const mega = bytes >= 1_000_000;
  return numberFormat(intl, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    unitDisplay: intl.startsWith('ar') ? 'long' : 'short',
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}
