/**
 * Builds the payroll model's rules from the plain data of content/data (payroll.yaml, tax.yaml and
 * the family-reduction figures of figures.yaml), failing loudly, naming the file and entry, when a
 * value the arithmetic needs is missing.
 */
import type { PayrollRules } from './payroll';
import type { TaxData } from './estimator-rules';

export type PayrollData =
  | {
      id: string;
      kind: 'contribution';
      employerPct: number;
      employeePct: number;
      capped: boolean;
      includedIn?: string | undefined;
    }
  | { id: string; kind: 'ceiling'; monthlyMad: number }
  | { id: string; kind: 'monthly-hours'; hours: number }
  | { id: string; kind: 'minimum-wage'; hourlyMad: number; effectiveFrom: string }
  | { id: string; kind: 'rule' | 'unknown' };
export interface FigureData {
  id: string;
  value: number;
}

/** The figures (content/data/figures.yaml) that hold the family reduction. */
export const familyFigures = {
  perDependant: 'ir-family-reduction',
  maxDependants: 'ir-family-reduction-max-dependants',
  capMad: 'ir-family-reduction-cap',
} as const;

/** Contributions in reading order: each one followed by the parts it includes (the IPE after short-term benefits). */
export function orderContributions<T extends { id: string; includedIn?: string | undefined }>(
  list: T[],
): T[] {
  return list.filter((c) => !c.includedIn).flatMap((c) => [c, ...list.filter((p) => p.includedIn === c.id)]);
}

export function buildPayrollRules(
  payroll: PayrollData[],
  tax: TaxData[],
  figures: FigureData[],
): PayrollRules {
  const of = <K extends PayrollData['kind']>(kind: K) =>
    payroll.filter((p): p is Extract<PayrollData, { kind: K }> => p.kind === kind);
  const contributions = orderContributions(
    of('contribution').map(({ id, employerPct, employeePct, capped, includedIn }) => ({
      id,
      employerPct,
      employeePct,
      capped,
      includedIn,
    })),
  );
  for (const c of contributions) {
    if (c.includedIn && !contributions.some((o) => o.id === c.includedIn && !o.includedIn))
      throw new Error(
        `content/data/payroll.yaml: ${c.id}.includedIn names no contribution "${c.includedIn}"`,
      );
  }
  const [ceiling] = of('ceiling');
  const [hours] = of('monthly-hours');
  const minimumWages = of('minimum-wage').map((w) => ({ from: w.effectiveFrom, hourlyMad: w.hourlyMad }));
  if (contributions.length === 0 || !ceiling || !hours || minimumWages.length === 0)
    throw new Error(
      'content/data/payroll.yaml: contributions, a ceiling, monthly hours and a minimum wage are required',
    );
  const scale = tax.find((t) => t.kind === 'ir-scale');
  const allowance = tax.find((t) => t.kind === 'allowance');
  if (!scale || scale.kind !== 'ir-scale' || !allowance || allowance.kind !== 'allowance')
    throw new Error('content/data/tax.yaml: an ir-scale and an allowance entry are required');
  const figure = (id: string) => {
    const value = figures.find((f) => f.id === id)?.value;
    if (typeof value !== 'number')
      throw new Error(`content/data/figures.yaml: figure "${id}" is required by the payroll model`);
    return value;
  };
  return {
    contributions,
    ceilingMonthly: ceiling.monthlyMad,
    monthlyHours: hours.hours,
    minimumWages,
    familyReduction: {
      perDependant: figure(familyFigures.perDependant),
      maxDependants: figure(familyFigures.maxDependants),
      capMad: figure(familyFigures.capMad),
    },
    irBrackets: scale.brackets,
    professionalExpenses: allowance.tiers,
  };
}
