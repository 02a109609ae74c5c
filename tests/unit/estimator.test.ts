/**
 * Worked examples computed by hand (2025 salary scale: 0 % to 40,000; 10 % to 60,000; 20 % to
 * 80,000; 30 % to 100,000; 34 % to 180,000; 37 % above. Professional expenses: 35 % up to 78,000
 * of RBI, else 25 % capped at 35,000. Employee contributions deducted before the scale, as the
 * payroll model does: 0.52 % + 3.96 % up to 72,000 MAD a year, AMO 2.26 % of all pay).
 */
import { describe, expect, it } from 'vitest';
import {
  airPerEmployee,
  airThreshold,
  eligibility,
  eligibilityChecks,
  estimate,
  incomeTax,
  professionalExpenses,
  salaryIncomeTax,
  windowYears,
} from '../../src/lib/estimator';
import { rules } from '../support/rules';

const in2026 = new Date(Date.UTC(2026, 10, 27));
const line = (e: ReturnType<typeof estimate>, id: string) => e.lines.find((l) => l.incentive === id)!;

describe('salary income tax', () => {
  it.each([
    // rbi, allowance, employee contributions, net taxable, tax
    [40_000, 14_000, 2_696, 23_304, 0], // 6.74 % of 40,000; under the exempt band
    [78_000, 27_300, 4_988.4, 45_711.6, 571.16], // 3,225.6 capped + 1,762.8 AMO; 10 % × 5,711.6
    [120_000, 30_000, 5_937.6, 84_062.4, 7_218.72], // 2,000 + 4,000 + 30 % × 4,062.4
    [150_000, 35_000, 6_615.6, 108_384.4, 14_850.7], // cap reached; 12,000 + 34 % × 8,384.4
    [300_000, 35_000, 10_005.6, 254_994.4, 66_947.93], // 39,200 + 37 % × 74,994.4
  ])(
    'RBI %d → allowance %d, contributions %d, net %d, tax %d',
    (rbi, allowance, employeeContributions, net, tax) => {
      expect(salaryIncomeTax(rbi, rules)).toMatchObject({
        allowance,
        employeeContributions,
        netTaxable: net,
        tax,
      });
    },
  );

  it('applies the scale band by band', () => {
    expect(incomeTax(40_000, rules.irBrackets)).toBe(0);
    expect(incomeTax(180_000, rules.irBrackets)).toBe(39_200); // 2,000 + 4,000 + 6,000 + 27,200
    expect(professionalExpenses(1_000_000, rules.professionalExpenses)).toBe(35_000);
  });
});

describe('AIR: income tax above the cap', () => {
  it('has no effect on a salary whose tax is under the 20 % cap', () => {
    expect(airPerEmployee(120_000, 20, rules)).toMatchObject({ tax: 7_218.72, cap: 24_000, advantage: 0 });
  });

  it('bites under both caps at 300,000 MAD', () => {
    expect(airPerEmployee(300_000, 20, rules)).toMatchObject({
      tax: 66_947.93,
      cap: 60_000,
      advantage: 6_947.93,
    });
    expect(airPerEmployee(300_000, 10, rules)).toMatchObject({
      tax: 66_947.93,
      cap: 30_000,
      advantage: 36_947.93,
    });
  });

  it('bites at 160,000 MAD only under the 10 % cap', () => {
    // 160,000 − 35,000 − 6,841.6 = 118,158.4; 12,000 + 34 % × 18,158.4 = 18,173.86.
    expect(airPerEmployee(160_000, 10, rules).advantage).toBe(2_173.86); // 18,173.86 − 16,000
    expect(airPerEmployee(160_000, 20, rules).advantage).toBe(0);
  });

  it('starts to matter near 257,000 MAD (20 %) and 150,600 MAD (10 %), contributions deducted', () => {
    // 0.37 × (0.9774 G − 38,225.6) − 27,400 = 0.2 G at G ≈ 257,014.5.
    expect(airThreshold(20, rules)).toBeGreaterThan(257_000);
    expect(airThreshold(20, rules)).toBeLessThan(257_100);
    // 0.34 × (0.9774 G − 38,225.6) − 22,000 = 0.1 G at G ≈ 150,642.8.
    expect(airThreshold(10, rules)).toBeGreaterThan(150_600);
    expect(airThreshold(10, rules)).toBeLessThan(150_700);
  });

  it('never leaves an employee paying more than the cap, nor pays more than the tax', () => {
    for (let rbi = 50_000; rbi <= 1_000_000; rbi += 12_345) {
      for (const cap of [10, 20]) {
        const a = airPerEmployee(rbi, cap, rules);
        expect(a.tax - a.advantage).toBeLessThanOrEqual(a.cap + 0.01);
        expect(a.advantage).toBeGreaterThanOrEqual(0);
        expect(a.advantage).toBeLessThanOrEqual(a.tax);
      }
    }
  });
});

describe('estimate for a hiring plan', () => {
  const plan = {
    segment: 'ito',
    location: 'p2i-secondary',
    hires: 40,
    salary: 300_000,
    moroccan: 40,
  } as const;

  it('computes the shared example link (40 hires at 300,000 MAD in a secondary P2I)', () => {
    const e = estimate(plan, rules, in2026);
    expect(line(e, 'air')).toMatchObject({ status: 'computed', yearly: 1_477_917.2, perUnit: 36_947.93 }); // 40 × 36,947.93
    expect(line(e, 'pae')).toMatchObject({ yearly: 2_040_000, perUnit: 51_000, totalToEnd: null }); // 17 % × 300,000 × 40, once
    expect(line(e, 'paf')).toMatchObject({ yearly: 420_000, perUnit: 10_500, totalToEnd: 2_100_000 }); // 3.5 % × 300,000 × 40, × 5 years
    expect(line(e, 'ais')).toMatchObject({ status: 'needs-input', yearly: null });
    expect(e.perHireFirstYear).toBe(98_447.93); // 36,947.93 + 51,000 + 10,500
    expect(e.firstYearTotal).toBe(3_937_917.2);
  });

  it.each([
    // hires, moroccan, salary, PAE, PAF yearly
    [1, 1, 120_000, 20_400, 4_200],
    [10, 4, 200_000, 340_000, 28_000],
    [250, 0, 96_000, 4_080_000, 0],
  ])('PAE and PAF for %d hires (%d Moroccan) at %d MAD', (hires, moroccan, salary, pae, paf) => {
    const e = estimate({ ...plan, hires, moroccan, salary }, rules, in2026);
    expect(line(e, 'pae').yearly).toBe(pae);
    expect(line(e, 'paf').yearly).toBe(paf);
    expect(line(e, 'paf').status).toBe(moroccan === 0 ? 'zero' : 'computed');
  });

  it('never multiplies the employment bonus over years', () => {
    const e = estimate(plan, rules, in2026);
    expect(line(e, 'pae').totalToEnd).toBeNull();
    expect(line(e, 'pae').assumptions).toContain('pae-once');
  });

  it('cuts the training bonus at the end of the window (31 December 2030)', () => {
    expect(windowYears(new Date(Date.UTC(2028, 0, 1)), rules.window)).toEqual({
      startYear: 2028,
      yearsToEnd: 3,
      ended: false,
    });
    expect(line(estimate(plan, rules, new Date(Date.UTC(2028, 5, 1))), 'paf').totalToEnd).toBe(1_260_000); // 420,000 × 3
    expect(line(estimate(plan, rules, new Date(Date.UTC(2024, 0, 1))), 'paf').totalToEnd).toBe(2_100_000); // starts 2025, capped at 5
  });

  it('knows when the window has closed', () => {
    const at = (iso: string) => windowYears(new Date(iso), rules.window);
    expect(at('2030-12-31T12:00:00Z')).toEqual({ startYear: 2030, yearsToEnd: 1, ended: false });
    expect(at('2031-01-01T12:00:00Z')).toEqual({ startYear: 2030, yearsToEnd: 0, ended: true });
    expect(at('2035-03-01T12:00:00Z')).toMatchObject({ yearsToEnd: 0, ended: true });
    expect(line(estimate(plan, rules, new Date('2031-03-01')), 'paf').totalToEnd).toBe(0);
  });

  it('says the AIR is unknown for Casablanca or Rabat outside a P2I', () => {
    const e = estimate({ ...plan, location: 'outside-p2i' }, rules, in2026);
    expect(line(e, 'air')).toMatchObject({
      status: 'unknown',
      yearly: null,
      assumptions: ['air-location-unknown'],
    });
  });

  it('shows no AIR saving under the threshold, honestly', () => {
    const e = estimate({ ...plan, location: 'p2i-primary', salary: 120_000 }, rules, in2026);
    expect(line(e, 'air')).toMatchObject({ status: 'no-effect', yearly: 0 });
  });

  it('AIS with and without corporate tax due', () => {
    expect(line(estimate({ ...plan, is: 1_000_000 }, rules, in2026), 'ais')).toMatchObject({
      status: 'computed',
      yearly: 560_000,
      assumptions: ['ais-upper-bound', 'ais-base-unknown', 'ais-duration-unknown'],
    });
    expect(line(estimate({ ...plan, is: 0 }, rules, in2026), 'ais')).toMatchObject({
      status: 'zero',
      yearly: 0,
      assumptions: ['ais-exemption'],
    });
  });
});

describe('eligibility checklist', () => {
  const all = {
    activity: true,
    newJobs: true,
    retention: true,
    moroccan: true,
    inP2i: true,
    isDue: true,
  } as const;

  it('claims nothing when the activity is outside the five segments, whatever else is ticked', () => {
    expect(eligibility({ ...all, activity: false })).toEqual({ eligible: false });
    expect(
      eligibility({
        activity: false,
        newJobs: false,
        retention: false,
        moroccan: false,
        inP2i: false,
        isDue: false,
      }),
    ).toEqual({ eligible: false });
  });

  it('claims all four incentives with every box ticked, applying in the P2I', () => {
    expect(eligibility(all)).toEqual({
      eligible: true,
      claims: ['air', 'ais', 'pae', 'paf'],
      applyIn: 'p2i',
    });
  });

  it('always claims the AIR for an activity in the segments, and applies outside a P2I when not in one', () => {
    expect(
      eligibility({
        activity: true,
        newJobs: false,
        retention: false,
        moroccan: false,
        inP2i: false,
        isDue: false,
      }),
    ).toEqual({ eligible: true, claims: ['air'], applyIn: 'outside' });
  });

  it.each([
    ['isDue', 'ais'],
    ['moroccan', 'paf'],
  ] as const)('drops a single-condition incentive when %s is unticked (%s)', (check, incentive) => {
    const r = eligibility({ ...all, [check]: false });
    expect(r.eligible && r.claims).not.toContain(incentive);
    expect(r.eligible && r.claims).toHaveLength(3);
  });

  it('needs both new jobs and retention for the PAE', () => {
    const pae = (newJobs: boolean, retention: boolean) => {
      const r = eligibility({ ...all, newJobs, retention });
      return r.eligible && r.claims.includes('pae');
    };
    expect(pae(true, true)).toBe(true);
    expect(pae(true, false)).toBe(false);
    expect(pae(false, true)).toBe(false);
    expect(pae(false, false)).toBe(false);
  });

  it('asks every question the rule reads', () => {
    expect([...eligibilityChecks].sort()).toEqual([
      'activity',
      'inP2i',
      'isDue',
      'moroccan',
      'newJobs',
      'retention',
    ]);
  });
});
