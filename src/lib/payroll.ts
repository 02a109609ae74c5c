/**
 * The payroll model: from a gross salary to the employer's cost, the employee's
 * contributions, income tax and net pay, under Moroccan rules passed in as data
 * (content/data/payroll.yaml, tax.yaml, figures.yaml). Pure: no DOM, no i18n, no Astro.
 * The incentive estimator and the seat-cost page both compute with it, and the income-tax cap's
 * thresholds quoted in the prose come from `capThreshold` below.
 *
 * Amounts are annual and assume the same gross salary every month: capping a constant monthly
 * salary at the monthly ceiling is the same as capping the year at twelve ceilings.
 */
import { dayInMorocco } from './format';

export interface Bracket {
  upTo: number | null;
  ratePct: number;
}
export interface AllowanceTier {
  rbiUpTo: number | null;
  ratePct: number;
  capMad: number | null;
}
export interface Contribution {
  id: string;
  employerPct: number;
  employeePct: number;
  /** Charged only up to the CNSS ceiling. */
  capped: boolean;
  /** Part of another contribution's rate (the IPE within short-term benefits): shown, never added. */
  includedIn?: string | undefined;
}
export interface MinimumWage {
  from: string;
  hourlyMad: number;
}

export interface PayrollRules {
  contributions: Contribution[];
  ceilingMonthly: number;
  monthlyHours: number;
  minimumWages: MinimumWage[];
  familyReduction: { perDependant: number; maxDependants: number; capMad: number };
  irBrackets: Bracket[];
  professionalExpenses: AllowanceTier[];
}

/**
 * To the centime, halves up: round2(930.555) → 930.56. The product is first read to 15 significant
 * digits, so a half that binary floating point stores as 930.55499… still rounds up.
 */
export const round2 = (x: number) => Math.round(Number((x * 100).toPrecision(15))) / 100;

/** incomeTax(90_000, brackets) → 9_000: the scale applied band by band to annual net taxable income. */
export function incomeTax(netTaxable: number, brackets: Bracket[]): number {
  let tax = 0;
  let floor = 0;
  for (const { upTo, ratePct } of brackets) {
    const top = upTo ?? Number.POSITIVE_INFINITY;
    if (netTaxable > floor) tax += ((Math.min(netTaxable, top) - floor) * ratePct) / 100;
    floor = top;
  }
  return round2(tax);
}

/** The professional-expenses tier of a gross pay: the first whose upper bound (inclusive) it does not pass. */
export function allowanceTier(rbi: number, tiers: AllowanceTier[]): AllowanceTier {
  const tier = tiers.find((t) => t.rbiUpTo === null || rbi <= t.rbiUpTo);
  if (!tier) throw new Error('no professional-expenses tier applies');
  return tier;
}

/** professionalExpenses(120_000, tiers) → 30_000 (25 %, under the 35,000 cap). Its base is gross pay, not pay after contributions. */
export function professionalExpenses(rbi: number, tiers: AllowanceTier[]): number {
  const tier = allowanceTier(rbi, tiers);
  const amount = (rbi * tier.ratePct) / 100;
  return round2(tier.capMad === null ? amount : Math.min(amount, tier.capMad));
}

export interface ContributionLine {
  id: string;
  base: number;
  employer: number;
  employee: number;
  employerPct: number;
  employeePct: number;
  capped: boolean;
  includedIn?: string | undefined;
}

/** One line per contribution for a year's gross pay: contributionLines(120_000, rules)[0] → { id: 'cnss-family-allowances', base: 120_000, employer: 7_680, … }. */
export function contributionLines(
  annualGross: number,
  rules: Pick<PayrollRules, 'contributions' | 'ceilingMonthly'>,
): ContributionLine[] {
  const cappedBase = Math.min(annualGross, rules.ceilingMonthly * 12);
  return rules.contributions.map((c) => {
    const base = c.capped ? cappedBase : annualGross;
    return {
      id: c.id,
      base,
      employer: round2((base * c.employerPct) / 100),
      employee: round2((base * c.employeePct) / 100),
      employerPct: c.employerPct,
      employeePct: c.employeePct,
      capped: c.capped,
      includedIn: c.includedIn,
    };
  });
}

/** Employer and employee totals, each contribution counted once (parts `includedIn` another are left out). */
export function contributionTotals(
  annualGross: number,
  rules: Pick<PayrollRules, 'contributions' | 'ceilingMonthly'>,
) {
  const lines = contributionLines(annualGross, rules).filter((l) => !l.includedIn);
  return {
    employer: round2(lines.reduce((s, l) => s + l.employer, 0)),
    employee: round2(lines.reduce((s, l) => s + l.employee, 0)),
  };
}

export interface SalaryTax {
  allowance: number;
  employeeContributions: number;
  netTaxable: number;
  /** Tax on the scale, before the family reduction. */
  scaleTax: number;
  familyReduction: number;
  /** Tax withheld: scale tax less the family reduction, never below zero. */
  tax: number;
}

/**
 * Salary income tax for a year: gross − professional expenses − employee contributions, then the
 * scale, then the family reduction. salaryIncomeTax(120_000, rules) → { netTaxable: 84_062.4, tax: 7_218.72, … }.
 */
export function salaryIncomeTax(annualGross: number, rules: PayrollRules, dependants = 0): SalaryTax {
  const allowance = professionalExpenses(annualGross, rules.professionalExpenses);
  const employeeContributions = contributionTotals(annualGross, rules).employee;
  const netTaxable = round2(Math.max(0, annualGross - allowance - employeeContributions));
  const scaleTax = incomeTax(netTaxable, rules.irBrackets);
  const { perDependant, maxDependants, capMad } = rules.familyReduction;
  const familyReduction = round2(
    Math.min(scaleTax, Math.min(Math.min(dependants, maxDependants) * perDependant, capMad)),
  );
  return {
    allowance,
    employeeContributions,
    netTaxable,
    scaleTax,
    familyReduction,
    tax: round2(scaleTax - familyReduction),
  };
}

export interface PayrollYear extends SalaryTax {
  gross: number;
  employerContributions: number;
  employerCost: number;
  netPay: number;
  lines: ContributionLine[];
}

/** A year of one employee's pay: payrollYear(120_000, 0, rules) → { employerCost: 140_997.6, netPay: 106_843.68, … }. */
export function payrollYear(annualGross: number, dependants: number, rules: PayrollRules): PayrollYear {
  const totals = contributionTotals(annualGross, rules);
  const tax = salaryIncomeTax(annualGross, rules, dependants);
  return {
    gross: annualGross,
    employerContributions: totals.employer,
    employerCost: round2(annualGross + totals.employer),
    ...tax,
    netPay: round2(annualGross - totals.employee - tax.tax),
    lines: contributionLines(annualGross, rules),
  };
}

/**
 * The minimum wage in force on a date, the day taken in Morocco: 17.92 MAD/h × 191 h = 3,422.72 MAD
 * a month from 2026-01-01.
 */
export function minimumWage(rules: Pick<PayrollRules, 'minimumWages' | 'monthlyHours'>, on: Date) {
  const day = dayInMorocco(on);
  const sorted = [...rules.minimumWages].sort((a, b) => a.from.localeCompare(b.from));
  const wage = sorted.filter((w) => w.from <= day).at(-1) ?? sorted[0];
  if (!wage) throw new Error('no minimum wage in the payroll rules');
  return { ...wage, monthly: round2(wage.hourlyMad * rules.monthlyHours), hours: rules.monthlyHours };
}

/** The part of the tax above `capPct` % of gross pay: what an income-tax cap of that level would remove. */
export function taxAboveCap(annualGross: number, capPct: number, rules: PayrollRules, dependants = 0) {
  const { tax } = salaryIncomeTax(annualGross, rules, dependants);
  const cap = round2((annualGross * capPct) / 100);
  return { tax, cap, advantage: round2(Math.max(0, tax - cap)) };
}

/**
 * Lowest whole monthly gross salary (MAD) from which the tax exceeds `capPct` % of gross pay, for
 * an employee without dependants: capThreshold(20, rules) → 21,4xx (about 257,000 a year).
 */
export function capThreshold(capPct: number, rules: PayrollRules, dependants = 0): number {
  let lo = 0;
  let hi = 10_000_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (taxAboveCap(mid * 12, capPct, rules, dependants).advantage > 0) hi = mid;
    else lo = mid;
  }
  return hi;
}
