import { describe, expect, it } from 'vitest';
import {
  isBlank,
  minimumAnnualSalary,
  parseAmount,
  parseInput,
  maxRate,
  parseRate,
} from '../../src/lib/estimator-input';
import { rules } from '../support/rules';

const good = { segment: 'ito', location: 'p2i-secondary', hires: '40', salary: '300000', moroccan: '40' };
const errorsOf = (raw: Record<string, string>) => {
  const r = parseInput(raw);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}${e.limit !== undefined ? `:${e.limit}` : ''}`);
};

describe('parseAmount', () => {
  it.each([
    ['300000', 300000],
    ['300 000', 300000],
    ['300\u202f000', 300000],
    ['300,000', 300000],
    ['1.200', 1200],
    ['2500,50', 2500.5],
    ['2500.5', 2500.5],
    ['٣٠٠٠٠٠', 300000],
    ['-5', -5],
    ['\u22125', -5],
    ['1.234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['12.345.678,9', 12345678.9],
    ['-0', 0],
    ['\u22120', 0],
  ])('%s → %d', (text, n) => expect(parseAmount(text)).toBe(n)); // toBe tells 0 from -0, shown '-0'

  it.each([
    '',
    'abc',
    '3e5',
    '12,3456',
    '1.2.3,4',
    '0x10',
    'Infinity',
    '<b>1</b>',
    '--5',
    '-\u22125',
    '1.234,567',
    '1,234.5.6',
    '1.234.5',
  ])('rejects %j', (text) => {
    expect(parseAmount(text)).toBeNaN();
  });
});

describe('parseInput', () => {
  it('accepts the example plan', () => {
    expect(parseInput(good)).toEqual({
      ok: true,
      input: {
        segment: 'ito',
        location: 'p2i-secondary',
        hires: 40,
        salary: 300000,
        moroccan: 40,
        is: undefined,
      },
    });
    expect(parseInput({ ...good, is: '0' })).toMatchObject({ ok: true, input: { is: 0 } });
  });

  it.each([
    [{ hires: '' }, ['hires:required']],
    [{ hires: '-3' }, ['hires:negative']],
    [{ hires: 'dix' }, ['hires:number']],
    [{ hires: '2,5' }, ['hires:whole']],
    [{ hires: '0', moroccan: '0' }, ['hires:zero']],
    [{ hires: '5000000' }, ['hires:too-large:100000']],
    [{ salary: '' }, ['salary:required']],
    [{ salary: '-1' }, ['salary:negative']],
    [{ salary: '0' }, ['salary:zero']],
    [{ salary: '99999999999' }, ['salary:too-large:10000000']],
    [{ moroccan: '41' }, ['moroccan:above-hires:40']],
    [{ moroccan: '' }, ['moroccan:required']],
    [{ is: '-10' }, ['is:negative']],
    [{ is: '1e9' }, ['is:number']],
    [{ segment: 'xyz' }, ['segment:choice']],
    [{ location: '<script>' }, ['location:choice']],
    [{ segment: '', location: '' }, ['segment:required', 'location:required']],
  ])('%j → %j', (change, expected) => {
    expect(errorsOf({ ...good, ...change })).toEqual(expected);
  });

  it('refuses a salary below the minimum wage over a year, when given one', () => {
    const floor = { minSalary: 41_072.64 }; // 3,422.72 MAD × 12, the 2026 SMIG
    expect(parseInput({ ...good, salary: '40000' }, floor)).toEqual({
      ok: false,
      errors: [{ field: 'salary', code: 'below-minimum', limit: 41_072.64 }],
    });
    expect(parseInput({ ...good, salary: '41072.64' }, floor).ok).toBe(true);
  });

  it('knows an untouched form', () => {
    expect(isBlank({})).toBe(true);
    expect(isBlank({ hires: ' ' })).toBe(true);
    expect(isBlank({ hires: '1' })).toBe(false);
  });
});

describe('minimum annual salary', () => {
  it('is twelve months of the minimum wage in force on the day', () => {
    expect(minimumAnnualSalary(rules, new Date('2026-03-01'))).toBe(41_072.64); // 3,422.72 × 12
    expect(minimumAnnualSalary(rules, new Date('2025-06-01'))).toBe(39_193.2); // 3,266.1 × 12
  });

  it('rejects a salary one cent under it and accepts it exactly', () => {
    const min = minimumAnnualSalary(rules, new Date('2026-03-01'));
    const at = (salary: string) => parseInput({ ...good, salary }, { minSalary: min });
    expect(at('41072,64').ok).toBe(true);
    expect(at('41072,63')).toMatchObject({
      ok: false,
      errors: [{ field: 'salary', code: 'below-minimum', limit: min }],
    });
  });
});

describe('exchange rate', () => {
  it.each([
    ['10,8', 10.8],
    ['10.8', 10.8],
    ['0,01', 0.01],
    ['١١', 11],
    ['10,835', 10.835],
    ['10.835', 10.835],
    ['10,8350', 10.835],
    ['0,093', 0.093],
    ['١٠٫٨٣٥', 10.835],
  ])('%s → %d', (text, rate) => expect(parseRate(text)).toEqual({ rate, invalid: false }));

  it('is no rate, and no error, when left blank', () => {
    expect(parseRate('')).toEqual({ rate: null, invalid: false });
    expect(parseRate('   ')).toEqual({ rate: null, invalid: false });
  });

  it.each(['0', '0,00', '-2', 'abc', 'Infinity'])('rejects %j: a rate must be a positive number', (text) => {
    expect(parseRate(text)).toEqual({ rate: null, invalid: true });
  });

  it('takes a rate up to maxRate and refuses an amount typed for a rate, which would convert to 0', () => {
    expect(parseRate(String(maxRate))).toEqual({ rate: maxRate, invalid: false });
    expect(parseRate('1000,5')).toEqual({ rate: null, invalid: true });
    expect(parseRate('99999999')).toEqual({ rate: null, invalid: true });
  });
});
