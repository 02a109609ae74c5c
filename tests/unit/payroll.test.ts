/**
 * The payroll model, against examples computed by hand (rates of content/data/payroll.yaml:
 * employer 6.40 % family allowances, 1.05 % short-term and 7.93 % long-term benefits up to the
 * 6,000 MAD monthly ceiling, AMO 2.26 % + 1.85 %, training tax 1.60 %; employee 0.52 % and 3.96 %
 * up to the ceiling, AMO 2.26 %. Professional expenses 35 % up to 78,000 MAD of annual gross,
 * else 25 % capped at 35,000; the 2025 scale; 500 MAD per dependant, at most 6).
 */
import { describe, expect, it } from 'vitest';
import {
  allowanceTier,
  capThreshold,
  contributionLines,
  minimumWage,
  payrollYear,
  round2,
  salaryIncomeTax,
  taxAboveCap,
} from '../../src/lib/payroll';
import { payroll as rules } from '../support/rules';

describe('the worked example of the fact sheet: 10,000 MAD gross a month, no dependant', () => {
  const y = payrollYear(120_000, 0, rules);

  it('gives the employer and employee contributions of the sheet (17.50 % and 4.95 %)', () => {
    // Employer: 7,680 + 756 + 5,709.6 + 2,712 + 2,220 + 1,920 = 20,997.6 (1,749.80 a month).
    expect(y.employerContributions).toBe(20_997.6);
    expect(y.employerContributions / 12).toBeCloseTo(1_749.8, 2);
    expect(Math.round((y.employerContributions / y.gross) * 10_000) / 100).toBe(17.5);
    // Employee: 374.4 + 2,851.2 + 2,712 = 5,937.6 (494.80 a month).
    expect(y.employeeContributions).toBe(5_937.6);
    expect(Math.round((y.employeeContributions / y.gross) * 10_000) / 100).toBe(4.95);
    expect(y.employerCost).toBe(140_997.6);
  });

  it('deducts the employee contributions before the scale: tax 6.0 % of gross', () => {
    // 120,000 − 30,000 (25 %) − 5,937.6 = 84,062.4; 2,000 + 4,000 + 30 % × 4,062.4 = 7,218.72.
    expect(y).toMatchObject({
      allowance: 30_000,
      netTaxable: 84_062.4,
      scaleTax: 7_218.72,
      familyReduction: 0,
      tax: 7_218.72,
    });
    expect(Math.round((y.tax / y.gross) * 1000) / 10).toBe(6);
    expect(y.netPay).toBe(106_843.68); // 8,903.64 a month
  });

  it('counts the IPE once, inside the short-term benefits', () => {
    const ipe = y.lines.find((l) => l.id === 'cnss-ipe-loss-of-employment')!;
    expect(ipe).toMatchObject({ includedIn: 'cnss-short-term-benefits', employer: 273.6, employee: 136.8 }); // 0.38 % and 0.19 % of 72,000
    const order = y.lines.map((l) => l.id);
    expect(order.indexOf('cnss-ipe-loss-of-employment')).toBe(order.indexOf('cnss-short-term-benefits') + 1); // shown right under it
    const counted = y.lines.filter((l) => !l.includedIn);
    expect(counted.reduce((s, l) => s + l.employer, 0)).toBeCloseTo(20_997.6, 2);
  });
});

describe('below and at the ceiling', () => {
  it('5,000 MAD a month: every rate on the whole salary (21.09 % and 6.74 %), no tax', () => {
    const y = payrollYear(60_000, 0, rules);
    // 3,840 + 630 + 4,758 + 1,356 + 1,110 + 960 = 12,654; 312 + 2,376 + 1,356 = 4,044.
    expect(y).toMatchObject({
      employerContributions: 12_654,
      employeeContributions: 4_044,
      employerCost: 72_654,
    });
    // 60,000 − 21,000 (35 %) − 4,044 = 34,956: under the 40,000 exempt band.
    expect(y).toMatchObject({ allowance: 21_000, netTaxable: 34_956, tax: 0, netPay: 55_956 });
  });

  it('capped lines stop at 72,000 MAD a year', () => {
    const lines = contributionLines(300_000, rules);
    expect(lines.find((l) => l.id === 'cnss-long-term-pension')).toMatchObject({
      base: 72_000,
      employer: 5_709.6,
      employee: 2_851.2,
    });
    expect(lines.find((l) => l.id === 'amo-basic-contribution')).toMatchObject({
      base: 300_000,
      employer: 6_780,
      employee: 6_780,
    });
  });
});

describe('dependants', () => {
  it('takes 500 MAD a year off the tax per dependant, at most 6', () => {
    expect(salaryIncomeTax(120_000, rules, 2)).toMatchObject({
      scaleTax: 7_218.72,
      familyReduction: 1_000,
      tax: 6_218.72,
    });
    expect(payrollYear(120_000, 2, rules).netPay).toBe(107_843.68);
    expect(salaryIncomeTax(120_000, rules, 9)).toMatchObject({ familyReduction: 3_000, tax: 4_218.72 });
  });

  it('never turns the reduction into a payment', () => {
    expect(salaryIncomeTax(60_000, rules, 6)).toMatchObject({ scaleTax: 0, familyReduction: 0, tax: 0 });
  });
});

describe('the income-tax cap (AIR)', () => {
  it('25,000 MAD a month: the 20 % cap bites, the 10 % one bites more', () => {
    // 300,000 − 35,000 − 10,005.6 (374.4 + 2,851.2 + 6,780) = 254,994.4;
    // 39,200 up to 180,000 + 37 % × 74,994.4 = 27,747.93 → 66,947.93.
    expect(taxAboveCap(300_000, 20, rules)).toEqual({ tax: 66_947.93, cap: 60_000, advantage: 6_947.93 });
    expect(taxAboveCap(300_000, 10, rules)).toEqual({ tax: 66_947.93, cap: 30_000, advantage: 36_947.93 });
  });

  it('10,000 MAD a month: no effect under either cap', () => {
    expect(taxAboveCap(120_000, 10, rules).advantage).toBe(0);
  });

  it('starts to bite at about 21,418 MAD a month (20 %) and 12,554 (10 %)', () => {
    // Above 180,000 of net taxable: tax = 0.37 × (0.9774 G − 38,225.6) − 27,400 = 0.2 G at G ≈ 257,014.5 a year.
    expect(capThreshold(20, rules)).toBe(21_418);
    // In the 34 % band: 0.34 × (0.9774 G − 38,225.6) − 22,000 = 0.1 G at G ≈ 150,642.8 a year.
    expect(capThreshold(10, rules)).toBe(12_554);
    for (const cap of [10, 20]) {
      const m = capThreshold(cap, rules);
      expect(taxAboveCap((m - 1) * 12, cap, rules).advantage).toBe(0);
      expect(taxAboveCap(m * 12, cap, rules).advantage).toBeGreaterThan(0);
    }
  });

  it('moves up with dependants', () => {
    expect(capThreshold(20, rules, 3)).toBeGreaterThan(capThreshold(20, rules));
  });
});

describe('rounding to the centime', () => {
  it('rounds halves up, also those binary floating point stores just below', () => {
    expect(round2((2.26 / 100) * 41_175)).toBe(930.56); // 930.555
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(930.554)).toBe(930.55);
  });

  it('gives 930.56 for the AMO at 3,431.25 a month (2.26 % × 41,175)', () => {
    const amo = contributionLines(41_175, rules).find((l) => l.id === 'amo-basic-contribution');
    expect(amo?.employee).toBe(930.56);
  });
});

describe('minimum wage', () => {
  it('is the hourly SMIG × 191 hours, the one in force on the date', () => {
    expect(minimumWage(rules, new Date('2025-06-01'))).toMatchObject({ hourlyMad: 17.1, monthly: 3_266.1 });
    expect(minimumWage(rules, new Date('2026-03-01'))).toMatchObject({ hourlyMad: 17.92, monthly: 3_422.72 });
  });

  it('changes on New Year’s Day in Morocco (UTC+1), whatever the reader’s clock', () => {
    expect(minimumWage(rules, new Date('2025-12-31T22:30:00Z')).monthly).toBe(3_266.1);
    expect(minimumWage(rules, new Date('2025-12-31T23:30:00Z')).monthly).toBe(3_422.72);
  });

  it('gives the net of the fact sheet at the 2026 minimum (3,192.03 a month)', () => {
    const y = payrollYear(3_422.72 * 12, 0, rules);
    // Employee: 213.58 + 1,626.48 + 928.24 = 2,768.30; no tax.
    expect(y.employeeContributions).toBe(2_768.3);
    expect(y.tax).toBe(0);
    expect(y.netPay / 12).toBeCloseTo(3_192.03, 2);
    // Employer: 2,628.65 + 431.26 + 3,257.06 + 928.24 + 759.84 + 657.16 (about 21.09 %).
    expect(y.employerContributions).toBe(8_662.21);
  });
});

describe('invariants', () => {
  it('net pay + contributions + tax add up to the gross, and the cost to gross + employer contributions', () => {
    for (let g = 40_000; g <= 2_000_000; g += 37_777) {
      for (const d of [0, 3]) {
        const y = payrollYear(g, d, rules);
        expect(y.netPay + y.employeeContributions + y.tax).toBeCloseTo(g, 1);
        expect(y.employerCost).toBeCloseTo(g + y.employerContributions, 1);
        expect(y.tax).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('professional-expenses tier', () => {
  it.each([
    [77_999.99, 35],
    [78_000, 35], // the bound is inclusive
    [78_000.01, 25],
    [1_000_000, 25],
  ])('RBI %d → %d %%', (rbi, ratePct) =>
    expect(allowanceTier(rbi, rules.professionalExpenses).ratePct).toBe(ratePct),
  );

  it('names the problem when no tier applies', () => {
    expect(() => allowanceTier(100, [{ rbiUpTo: 50, ratePct: 35, capMad: null }])).toThrow(
      /no professional-expenses tier/,
    );
  });
});
