import { describe, expect, it } from 'vitest';
import {
  fill,
  formatDate,
  formatDateSpan,
  formatNumber,
  formatPeriod,
  formatQuantity,
  isCalendarDate,
  dayInMorocco,
  stripBidiMarks,
} from '../../src/lib/format';
import { resources } from '../../src/i18n';
import { locales, localeCodes } from '../../src/i18n/locales';

const NNBSP = '\u202f';
const u = (l: (typeof localeCodes)[number]) => resources[l].units;
const fmt = (
  l: (typeof localeCodes)[number],
  ...args: [number, Parameters<typeof formatQuantity>[1], Parameters<typeof formatQuantity>[4]?]
) =>
  stripBidiMarks(formatQuantity(args[0], args[1], locales[l].intl, u(l), args[2])).replace(
    /[\u00a0\u202f]/g,
    ' ',
  );

describe('formatQuantity per locale', () => {
  it.each([
    ['fr', 26.22, 'mad-billion', undefined, '26,22 milliards de dirhams'],
    ['en', 26.22, 'mad-billion', undefined, 'MAD 26.22 billion'],
    ['ar', 26.22, 'mad-billion', undefined, '26,22 مليار درهم'],
    ['fr', 148500, 'jobs', 'about', 'environ 148 500 emplois'],
    ['en', 148500, 'jobs', 'about', 'about 148,500 jobs'],
    ['ar', 148500, 'jobs', 'about', 'حوالي 148.500 منصب شغل'],
    ['fr', 3.5, 'percent-change', undefined, '+3,5 %'],
    ['en', 0.2, 'percent-change', undefined, '+0.2%'],
    ['ar', 17, 'percent', undefined, '17 %'],
    ['ar', 18, 'months', undefined, '18 شهرًا'],
    ['ar', 5, 'years', undefined, '5 سنوات'],
    ['ar', 53, 'hectares', undefined, '53 هكتارًا'],
    ['ar', 6.5, 'hectares', undefined, '6,5 هكتار'],
    ['ar', 100, 'hectares', undefined, '100 هكتار'],
    ['en', 1200, 'companies', 'more-than', 'more than 1,200 companies'],
  ] as const)('%s: %s %s → %s', (lang, value, unit, qualifier, expected) => {
    expect(fmt(lang, value, unit, qualifier)).toBe(expected);
  });

  it('keeps the sign of a change on the number’s left in Arabic, as for a minus (a left-to-right mark)', () => {
    expect(formatQuantity(4, 'percent-change', locales.ar.intl, u('ar'))).toMatch(/^\u200e\+4/);
    expect(formatQuantity(-2.2, 'percent-change', locales.ar.intl, u('ar'))).toMatch(/^\u200e-2,2/);
    expect(formatQuantity(0, 'percent-change', locales.fr.intl, u('fr'))).toMatch(/^0/);
  });

  it('writes Latin digits in Arabic, as Moroccan usage has it', () => {
    const text = formatQuantity(13.4, 'mad-billion', locales.ar.intl, u('ar'));
    expect(text).toMatch(/13,4/);
    expect(text).not.toMatch(/[\u0660-\u0669]/);
  });

  it('uses a narrow no-break space to group French thousands', () => {
    expect(formatNumber(270000, locales.fr.intl)).toBe(`270${NNBSP}000`);
  });

  it('keeps one formatter per locale and options, never mixing them', () => {
    expect(formatNumber(1.234, 'en-US', 2)).toBe('1.23');
    expect(formatNumber(1.234, 'en-US', 0)).toBe('1');
    expect(formatNumber(1.234, 'fr-FR', 2)).toBe('1,23');
    expect(formatNumber(1.234, 'en-US', 2)).toBe('1.23');
  });

  it('refuses what is not a number', () => {
    expect(() => formatNumber(Number.NaN, 'en-US')).toThrow(RangeError);
  });
});

describe('dates and periods', () => {
  it('formats calendar days without time-zone drift', () => {
    expect(formatDate('2025-07-01', 'en-US')).toBe('July 1, 2025');
    expect(formatDate('2025-07-01', 'fr-FR')).toBe('1er juillet 2025');
    expect(formatDate('2025-11-24', 'fr-FR')).toBe('24 novembre 2025');
    expect(stripBidiMarks(formatDate('2030-12-31', 'ar-MA'))).toBe('31 دجنبر 2030');
    expect(() => formatDate('1/7/2025', 'en-US')).toThrow(RangeError);
  });

  it('takes the day of a moment in Morocco, where the rules apply', () => {
    expect(dayInMorocco(new Date('2025-12-31T22:59:00Z'))).toBe('2025-12-31');
    expect(dayInMorocco(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
    expect(dayInMorocco(new Date('2026-07-14T12:00:00Z'))).toBe('2026-07-14');
  });

  it('knows the calendar, and refuses a day or month it does not have rather than roll it over', () => {
    for (const iso of ['2025', '2025-12', '2024-02-29', '2025-02-28', '2025-04-30', '2025-12-31'])
      expect(isCalendarDate(iso), iso).toBe(true);
    for (const iso of ['2025-00', '2025-13', '2025-02-29', '2025-04-31', '2025-01-00', '2025-1-5', '25-11'])
      expect(isCalendarDate(iso), iso).toBe(false);
    expect(() => formatDate('2025-02-30', 'en-US')).toThrow(RangeError);
    expect(() => formatDateSpan('2025-11', '2025-13', 'en-US')).toThrow(RangeError);
    expect(() => formatPeriod('2025-13', 'en-US', resources.en.period)).toThrow(RangeError);
  });

  it('formats half-years, months and years', () => {
    expect(formatPeriod('2025-H1', 'fr-FR', resources.fr.period)).toBe('1er semestre 2025');
    expect(formatPeriod('2025-H1', 'en-US', resources.en.period)).toBe('H1 2025');
    expect(formatPeriod('2024', 'ar-MA', resources.ar.period)).toBe('2024');
    expect(formatPeriod('2023-11', 'en-US', resources.en.period)).toBe('November 2023');
  });

  it('leaves unknown template slots visible', () => {
    expect(fill('{{value}} / {{missing}}', { value: '1' })).toBe('1 / {{missing}}');
  });
});
