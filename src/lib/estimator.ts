/**
 * Incentive estimator: what the renewed offer's four incentives are worth for a hiring plan.
 * Pure: rules come in as a RuleSet built from content/data (incentive-rules.yaml, tax.yaml); no DOM,
 * no i18n. Every line says which rule applied and what it assumes, and unknowns stay unknown.
 * Income tax comes from the payroll model, as on the seat-cost page.
 */
import { dayInMorocco } from './format';
import { round2, salaryIncomeTax, taxAboveCap, type PayrollRules } from './payroll';

export const segments = ['ito', 'crm', 'bpo', 'eso', 'kpo'] as const;
export const locations = ['p2i-primary', 'p2i-secondary', 'no-p2i-region', 'outside-p2i'] as const;
export type Segment = (typeof segments)[number];
export type Location = (typeof locations)[number];

export type { AllowanceTier, Bracket } from './payroll';
export { incomeTax, professionalExpenses, salaryIncomeTax } from './payroll';

/** The offer's incentive rules, with the payroll model's rules (src/lib/payroll.ts) the AIR needs. */
export interface RuleSet extends PayrollRules {
  window: { from: string; to: string };
  air: { capPctByLocation: Record<Location, number | null> };
  ais: { maxSharePct: number };
  pae: { ratePct: number; retentionMonths: number | null };
  paf: { ratePct: number; years: number };
}

export interface EstimateInput {
  segment: Segment;
  location: Location;
  hires: number;
  /** Average annual gross taxable income (RBI) per hire, MAD. */
  salary: number;
  moroccan: number;
  /** Annual corporate tax due, MAD, when the reader gives it. */
  is?: number | undefined;
}

export type LineStatus = 'computed' | 'no-effect' | 'unknown' | 'needs-input' | 'zero';
export type Incentive = 'air' | 'ais' | 'pae' | 'paf';
export interface Line {
  incentive: Incentive;
  status: LineStatus;
  /** Amount for one year (PAE: the one bonus per job, its schedule being unknown), MAD; null when not computable. */
  yearly: number | null;
  /** Total to the end of the window where the rule allows it, MAD; null otherwise. */
  totalToEnd: number | null;
  /** Per hire (AIR, PAE) or per Moroccan recruit (PAF), MAD, first year. */
  perUnit: number | null;
  /** Codes of the assumptions this line makes; the page words them. */
  assumptions: string[];
  detail?: Record<string, number>;
}

export interface Estimate {
  lines: Line[];
  perHireFirstYear: number;
  firstYearTotal: number;
  startYear: number;
  yearsToEnd: number;
}

/** AIR per employee: the income tax above `capPct` of RBI, which the State covers; 0 when under the cap. */
export function airPerEmployee(rbi: number, capPct: number, rules: RuleSet) {
  const { netTaxable, allowance, employeeContributions } = salaryIncomeTax(rbi, rules);
  return { ...taxAboveCap(rbi, capPct, rules), netTaxable, allowance, employeeContributions };
}

/** Lowest annual RBI (to the dirham) from which the cap changes anything: about 257,000 at 20 %, 150,600 at 10 %. */
export function airThreshold(capPct: number, rules: RuleSet): number {
  let lo = 0;
  let hi = 10_000_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (airPerEmployee(mid, capPct, rules).advantage > 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * First calendar year counted and whole years left in the window from it (inclusive), the day taken
 * in Morocco; `ended` once the window's last day has passed, when the offer covers no new hire.
 */
export function windowYears(asOf: Date, window: RuleSet['window']) {
  const day = dayInMorocco(asOf);
  const first = Number(window.from.slice(0, 4));
  const last = Number(window.to.slice(0, 4));
  const startYear = Math.min(Math.max(Number(day.slice(0, 4)), first), last);
  const ended = day > window.to;
  return { startYear, yearsToEnd: ended ? 0 : last - startYear + 1, ended };
}

/** The estimate for a valid input. `asOf` fixes the year the hires are assumed to start. */
export function estimate(input: EstimateInput, rules: RuleSet, asOf: Date): Estimate {
  const { hires, salary, moroccan } = input;
  const { startYear, yearsToEnd } = windowYears(asOf, rules.window);
  const lines: Line[] = [];

  const capPct = rules.air.capPctByLocation[input.location];
  if (capPct === null) {
    lines.push({
      incentive: 'air',
      status: 'unknown',
      yearly: null,
      totalToEnd: null,
      perUnit: null,
      assumptions: ['air-location-unknown'],
    });
  } else {
    const one = airPerEmployee(salary, capPct, rules);
    lines.push({
      incentive: 'air',
      status: one.advantage > 0 ? 'computed' : 'no-effect',
      yearly: round2(one.advantage * hires),
      totalToEnd: null,
      perUnit: one.advantage,
      assumptions: [
        'air-same-salary',
        'air-contributions-deducted',
        'air-duration-unknown',
        'air-mechanism-unknown',
      ],
      detail: {
        capPct,
        taxPerEmployee: one.tax,
        capPerEmployee: one.cap,
        threshold: airThreshold(capPct, rules),
      },
    });
  }

  if (input.is === undefined) {
    lines.push({
      incentive: 'ais',
      status: 'needs-input',
      yearly: null,
      totalToEnd: null,
      perUnit: null,
      assumptions: ['ais-base-unknown', 'ais-duration-unknown'],
    });
  } else {
    const yearly = round2((input.is * rules.ais.maxSharePct) / 100);
    lines.push({
      incentive: 'ais',
      status: input.is === 0 ? 'zero' : 'computed',
      yearly,
      totalToEnd: null,
      perUnit: null,
      assumptions:
        input.is === 0 ? ['ais-exemption'] : ['ais-upper-bound', 'ais-base-unknown', 'ais-duration-unknown'],
      detail: { maxSharePct: rules.ais.maxSharePct },
    });
  }

  const paePerJob = round2((salary * rules.pae.ratePct) / 100);
  lines.push({
    incentive: 'pae',
    status: 'computed',
    yearly: round2(paePerJob * hires),
    totalToEnd: null,
    perUnit: paePerJob,
    assumptions: ['pae-once', 'pae-retention', 'pae-nationality-unknown'],
    detail: { ratePct: rules.pae.ratePct },
  });

  const pafPerRecruit = round2((salary * rules.paf.ratePct) / 100);
  const pafYears = Math.min(rules.paf.years, yearsToEnd);
  lines.push({
    incentive: 'paf',
    status: moroccan === 0 ? 'zero' : 'computed',
    yearly: round2(pafPerRecruit * moroccan),
    totalToEnd: round2(pafPerRecruit * moroccan * pafYears),
    perUnit: pafPerRecruit,
    assumptions: ['paf-years', 'paf-schedule-single-source'],
    detail: { ratePct: rules.paf.ratePct, years: pafYears },
  });

  const perHire = lines.filter((l) => l.incentive !== 'ais').reduce((sum, l) => sum + (l.yearly ?? 0), 0);
  const firstYearTotal = round2(lines.reduce((sum, l) => sum + (l.yearly ?? 0), 0));
  return { lines, perHireFirstYear: round2(perHire / hires), firstYearTotal, startYear, yearsToEnd };
}

/** The questions of the eligibility checklist, one checkbox each, in the order the page asks them. */
export const eligibilityChecks = ['activity', 'newJobs', 'retention', 'moroccan', 'inP2i', 'isDue'] as const;
export type EligibilityCheck = (typeof eligibilityChecks)[number];
export type Eligibility =
  { eligible: false } | { eligible: true; claims: Incentive[]; applyIn: 'p2i' | 'outside' };

/**
 * Which incentives a project may claim from the checklist's answers. An activity outside the five
 * segments claims nothing; otherwise the AIR always, the AIS when the company pays corporate tax,
 * the PAE for new stable jobs kept for the retention period, the PAF when some recruits are
 * Moroccan nationals; the file goes to the P2I one-stop shop inside a P2I, elsewhere outside.
 * eligibility({ activity: true, newJobs: true, retention: false, … }) → { eligible: true, claims: ['air'], … }
 */
export function eligibility(answers: Record<EligibilityCheck, boolean>): Eligibility {
  if (!answers.activity) return { eligible: false };
  const claims: Incentive[] = ['air'];
  if (answers.isDue) claims.push('ais');
  if (answers.newJobs && answers.retention) claims.push('pae');
  if (answers.moroccan) claims.push('paf');
  return { eligible: true, claims, applyIn: answers.inP2i ? 'p2i' : 'outside' };
}
