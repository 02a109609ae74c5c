/**
 * Incentive estimator: what the renewed offer's four incentives are worth for a hiring plan.
 * Pure: rules come in as a RuleSet built from content/data (incentives.yaml, tax.yaml); no DOM,
 * no i18n. Every line says which rule applied and what it assumes, and unknowns stay unknown.
 */

export const segments = ['ito', 'crm', 'bpo', 'eso', 'kpo'] as const;
export const locations = ['p2i-primary', 'p2i-secondary', 'no-p2i-region', 'outside-p2i'] as const;
export type Segment = (typeof segments)[number];
export type Location = (typeof locations)[number];

export interface Bracket { upTo: number | null; ratePct: number }
export interface AllowanceTier { rbiUpTo: number | null; ratePct: number; capMad: number | null }

export interface RuleSet {
  window: { from: string; to: string };
  air: { capPctByLocation: Record<Location, number | null> };
  ais: { maxSharePct: number };
  pae: { ratePct: number; retentionMonths: number | null };
  paf: { ratePct: number; years: number };
  irBrackets: Bracket[];
  professionalExpenses: AllowanceTier[];
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
export interface Line {
  incentive: 'air' | 'ais' | 'pae' | 'paf';
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

export interface Estimate { lines: Line[]; perHireFirstYear: number; firstYearTotal: number; startYear: number; yearsToEnd: number }

const round2 = (x: number) => Math.round(x * 100) / 100;

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

/** professionalExpenses(120_000, tiers) → 30_000 (25 %, under the 35,000 cap). */
export function professionalExpenses(rbi: number, tiers: AllowanceTier[]): number {
  const tier = tiers.find((t) => t.rbiUpTo === null || rbi <= t.rbiUpTo);
  if (!tier) throw new Error('no professional-expenses tier applies');
  const amount = (rbi * tier.ratePct) / 100;
  return round2(tier.capMad === null ? amount : Math.min(amount, tier.capMad));
}

/** Salary income tax for one employee from annual RBI (social contributions and family reductions left out). */
export function salaryIncomeTax(rbi: number, rules: Pick<RuleSet, 'irBrackets' | 'professionalExpenses'>) {
  const allowance = professionalExpenses(rbi, rules.professionalExpenses);
  const netTaxable = round2(rbi - allowance);
  return { allowance, netTaxable, tax: incomeTax(netTaxable, rules.irBrackets) };
}

/** AIR per employee: the income tax above `capPct` of RBI, which the State covers; 0 when under the cap. */
export function airPerEmployee(rbi: number, capPct: number, rules: RuleSet) {
  const { tax, netTaxable, allowance } = salaryIncomeTax(rbi, rules);
  const cap = round2((rbi * capPct) / 100);
  return { tax, cap, netTaxable, allowance, advantage: round2(Math.max(0, tax - cap)) };
}

/** Lowest annual RBI (to the dirham) from which the cap changes anything: 237,xxx at 20 %, 141,xxx at 10 %. */
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

/** First calendar year counted and whole years left in the window from it (inclusive). */
export function windowYears(asOf: Date, window: RuleSet['window']) {
  const first = Number(window.from.slice(0, 4));
  const last = Number(window.to.slice(0, 4));
  const startYear = Math.min(Math.max(asOf.getUTCFullYear(), first), last);
  return { startYear, yearsToEnd: Math.max(0, last - startYear + 1) };
}

/** The estimate for a valid input. `asOf` fixes the year the hires are assumed to start. */
export function estimate(input: EstimateInput, rules: RuleSet, asOf: Date): Estimate {
  const { hires, salary, moroccan } = input;
  const { startYear, yearsToEnd } = windowYears(asOf, rules.window);
  const lines: Line[] = [];

  const capPct = rules.air.capPctByLocation[input.location];
  if (capPct === null) {
    lines.push({ incentive: 'air', status: 'unknown', yearly: null, totalToEnd: null, perUnit: null, assumptions: ['air-location-unknown'] });
  } else {
    const one = airPerEmployee(salary, capPct, rules);
    lines.push({
      incentive: 'air',
      status: one.advantage > 0 ? 'computed' : 'no-effect',
      yearly: round2(one.advantage * hires),
      totalToEnd: null,
      perUnit: one.advantage,
      assumptions: ['air-same-salary', 'air-no-social-contributions', 'air-duration-unknown', 'air-mechanism-unknown'],
      detail: { capPct, taxPerEmployee: one.tax, capPerEmployee: one.cap, threshold: airThreshold(capPct, rules) },
    });
  }

  if (input.is === undefined) {
    lines.push({ incentive: 'ais', status: 'needs-input', yearly: null, totalToEnd: null, perUnit: null, assumptions: ['ais-base-unknown', 'ais-duration-unknown'] });
  } else {
    const yearly = round2((input.is * rules.ais.maxSharePct) / 100);
    lines.push({
      incentive: 'ais',
      status: input.is === 0 ? 'zero' : 'computed',
      yearly,
      totalToEnd: null,
      perUnit: null,
      assumptions: input.is === 0 ? ['ais-exemption'] : ['ais-upper-bound', 'ais-base-unknown', 'ais-duration-unknown'],
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
