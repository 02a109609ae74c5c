/**
 * A source's date as the fact sheets record it (content/data/sources.yaml), read into parts and
 * written in the reader's language. The sheets' dates are notes in English: "2025-11",
 * "2025-11 (approx.)", "2026-01/02 (approx.)", "2017-01-07 (modified 2025-10-20)", "unknown",
 * "unknown (approx. 2008/2009)", "unknown (recent)". Pages show what a reader can use — the day,
 * month or year, a span, "around", "undated", an update's day — and leave out the researchers'
 * remarks in brackets, which stay whole in each open-data row's `source_dates` (/data/*.csv, `sources` in the JSON).
 */
import { fill, formatDate, formatDateSpan, isCalendarDate } from './format';

/** A day, month or year: 2025-11-24, 2025-11, 2025. */
const point = String.raw`\d{4}(?:-\d{2}(?:-\d{2})?)?`;
/** A point, or a span whose end names only what changes: 2026-01/02, 2026-01-27/28, 2025-12/2026-01, 2025/2026. */
const span = new RegExp(String.raw`^(${point})(?:/(${point}|\d{2}))?$`);

export interface SourceDate {
  /** The first day, month or year (ISO); absent when the date is unknown and not estimated. */
  from?: string;
  /** The last one, as precise as `from`, when the source is dated to a span. */
  to?: string;
  /** The date is an estimate ("approx."). */
  around: boolean;
  /** The source carries no date (the estimate, if any, is the researchers'). */
  undated: boolean;
  /** When the source says it was last changed (ISO day). */
  updated?: string;
}

/** `from`/`to` of a span: the end completed from the start ('2026-01', '02' → '2026-02'). */
function readSpan(text: string): { from: string; to?: string } | undefined {
  const m = span.exec(text.trim());
  if (!m || !isCalendarDate(m[1]!)) return undefined;
  const from = m[1]!;
  if (m[2] === undefined) return { from };
  const to = m[2].length === 2 ? `${from.slice(0, from.length - 2)}${m[2]}` : m[2];
  if (to.length !== from.length || to <= from || !isCalendarDate(to)) return undefined;
  return { from, to };
}

/**
 * The parts of a date as written in sources.yaml, or undefined when it is none of the shapes the
 * guide knows (the content schema then names the source and its `date`).
 */
export function parseSourceDate(raw: string): SourceDate | undefined {
  const m = /^([^()]*?)\s*(?:\((.*)\))?$/.exec(raw.trim());
  if (!m) return undefined;
  const [, head = '', note = ''] = m;
  const out: SourceDate = { around: /(^|[\s,;])approx\./.test(note), undated: false };
  if (head === 'unknown') {
    out.undated = true;
    // "unknown (approx. 2008/2009)": the researchers' estimate, said as one.
    const estimate = /approx\.\s+(\S+?)\)?(?:$|[\s,;])/.exec(note)?.[1];
    const s = estimate === undefined ? undefined : readSpan(estimate);
    if (s) Object.assign(out, s, { around: true });
    else out.around = false;
  } else {
    const s = readSpan(head);
    if (!s) return undefined;
    Object.assign(out, s);
  }
  const updated = /modified (\d{4}-\d{2}-\d{2})/.exec(note)?.[1];
  if (updated && !isCalendarDate(updated)) return undefined;
  if (updated) out.updated = updated;
  return out;
}

/** The words a date is written with, from the UI strings (`sourceDate`). */
export interface SourceDateWords {
  /** "undated" */
  undated: string;
  /** "around {{date}}" */
  around: string;
  /** "{{date}}; last modified {{updated}}" */
  updated: string;
  /** "undated, around {{date}}": an estimate of a source that carries no date. */
  undatedAround: string;
}

/** The date a page shows for a source: "vers novembre 2025", "undated", "دون تاريخ، حوالي 2008". */
export function formatSourceDate(d: SourceDate, intl: string, words: SourceDateWords): string {
  if (d.from === undefined) return words.undated;
  const date = formatDateSpan(d.from, d.to, intl);
  const said = d.undated
    ? fill(words.undatedAround, { date })
    : d.around
      ? fill(words.around, { date })
      : date;
  return d.updated ? fill(words.updated, { date: said, updated: formatDate(d.updated, intl) }) : said;
}

/** parseSourceDate, throwing (and naming the date) when it cannot be read. */
export function readSourceDate(raw: string): SourceDate {
  const parsed = parseSourceDate(raw);
  if (!parsed)
    throw new Error(`content/data/sources.yaml: a source's date "${raw}" is not one the guide can read`);
  return parsed;
}

/** The words of a date as sources.yaml writes it (readSourceDate, then formatSourceDate). */
export const sourceDateText = (raw: string, intl: string, words: SourceDateWords): string =>
  formatSourceDate(readSourceDate(raw), intl, words);
