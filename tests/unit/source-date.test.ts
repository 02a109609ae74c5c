import { describe, expect, it } from 'vitest';
import { formatDateSpan, stripBidiMarks } from '../../src/lib/format';
import { formatSourceDate, parseSourceDate } from '../../src/lib/source-date';
import { resources } from '../../src/i18n';
import { locales, localeCodes, type Locale } from '../../src/i18n/locales';
import { loadData } from '../support/content-data';

/** What a page shows for a date of sources.yaml, thin and no-break spaces as plain ones. */
const shown = (raw: string, l: Locale) => {
  const d = parseSourceDate(raw);
  if (!d) throw new Error(`unread: ${raw}`);
  return stripBidiMarks(formatSourceDate(d, locales[l].intl, resources[l].sourceDate)).replace(
    /[\u00a0\u2009\u202f]/g,
    ' ',
  );
};

describe('parseSourceDate', () => {
  it.each([
    ['2025-11', { from: '2025-11', around: false, undated: false }],
    ['2025-11 (approx.)', { from: '2025-11', around: true, undated: false }],
    [
      '2026-01/02 (approx., inferred from content)',
      { from: '2026-01', to: '2026-02', around: true, undated: false },
    ],
    ['2026-01-27/28', { from: '2026-01-27', to: '2026-01-28', around: false, undated: false }],
    ['2024-02-29', { from: '2024-02-29', around: false, undated: false }],
    ['2025-12/2026-01 (approx.)', { from: '2025-12', to: '2026-01', around: true, undated: false }],
    [
      '2017-01-07 (modified 2025-10-20)',
      { from: '2017-01-07', updated: '2025-10-20', around: false, undated: false },
    ],
    ['unknown', { around: false, undated: true }],
    ['unknown (recent; mentions 2026-era terminology)', { around: false, undated: true }],
    ['unknown (approx. 2008/2009)', { from: '2008', to: '2009', around: true, undated: true }],
    ['unknown (upload approx. 2023)', { from: '2023', around: true, undated: true }],
    // A note that is neither an estimate nor a change date is the researchers' own.
    ['2024-07-26 (last reviewed)', { from: '2024-07-26', around: false, undated: false }],
  ])('%s', (raw, parts) => {
    expect(parseSourceDate(raw)).toEqual(parts);
  });

  it.each([
    'soon',
    '2025-13',
    '2025-02-32 (approx.)',
    '2025-02-29',
    '2025-04-31',
    '2026-02-27/30',
    '2026-11/13',
    '2017-01-07 (modified 2025-10-40)',
    '25-11',
    '2026-02/01',
    '2025-11/2026',
    'approx. 2020',
    '',
  ])('refuses %j', (raw) => {
    expect(parseSourceDate(raw)).toBeUndefined();
  });

  it('reads every date of content/data/sources.yaml (the content schema refuses one it cannot)', () => {
    const unread = loadData('sources.yaml').filter((s) => parseSourceDate(String(s['date'])) === undefined);
    expect(unread.map((s) => `${s.id}: ${String(s['date'])}`)).toEqual([]);
  });
});

describe('a source date on a page, in each language', () => {
  it.each([
    ['2025-11 (approx.)', 'vers novembre 2025', 'around November 2025', 'حوالي نونبر 2025'],
    ['2024-08', 'août 2024', 'August 2024', 'غشت 2024'],
    ['2025-05-02', '2 mai 2025', 'May 2, 2025', '2 ماي 2025'],
    ['2025-07-01', '1er juillet 2025', 'July 1, 2025', '1 يوليوز 2025'],
    [
      '2024-11/12 (approx.)',
      'vers novembre – décembre 2024',
      'around November – December 2024',
      'حوالي نونبر – دجنبر 2024',
    ],
    ['2020/2021 (approx.)', 'vers 2020–2021', 'around 2020 – 2021', 'حوالي 2020–2021'],
    ['unknown', 'sans date', 'undated', 'دون تاريخ'],
    ['unknown (approx. 2008)', 'sans date, vers 2008', 'undated, around 2008', 'دون تاريخ، حوالي 2008'],
    [
      '2017-01-07 (modified 2025-10-20)',
      '7 janvier 2017 ; dernière modification : 20 octobre 2025',
      'January 7, 2017; last modified October 20, 2025',
      '7 يناير 2017؛ آخر تعديل: 20 أكتوبر 2025',
    ],
  ])('%s', (raw, fr, en, ar) => {
    expect(localeCodes.map((l) => shown(raw, l))).toEqual([fr, en, ar]);
  });

  it('shows no English note and Latin digits on a French or Arabic page', () => {
    for (const s of loadData('sources.yaml'))
      for (const l of ['fr', 'ar'] as const) {
        const text = shown(String(s['date']), l);
        expect(text, `${s.id} in ${l}`).not.toMatch(/unknown|approx|modified|reviewed|[٠-٩]/);
      }
  });
});

describe('formatDateSpan', () => {
  it('refuses what is not a year, month or day, or a span of two of the same precision', () => {
    expect(() => formatDateSpan('2025-1', undefined, 'fr-FR')).toThrow(/2025-1/);
    expect(() => formatDateSpan('2025', '2026-01', 'fr-FR')).toThrow(/2025\/2026-01/);
  });
});
