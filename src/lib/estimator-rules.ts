/**
 * Builds the estimator's RuleSet from the plain data of content/data/incentive-rules.yaml and tax.yaml,
 * failing loudly (naming the entry and parameter) when a value the arithmetic needs is missing.
 */
import { locations, type AllowanceTier, type Bracket, type Location, type RuleSet } from './estimator';
import type { PayrollRules } from './payroll';

interface Param {
  value: number | string | null;
  byLocation?: Partial<Record<Location, number | null>> | undefined;
}
export interface RuleData {
  id: string;
  effectiveFrom: string;
  effectiveTo: string;
  parameters: Record<string, Param | undefined>;
}
export type TaxData =
  | { id: string; kind: 'ir-scale'; brackets: Bracket[] }
  | { id: string; kind: 'allowance'; tiers: AllowanceTier[] };

function numberOf(rules: RuleData[], id: string, param: string): number {
  const value = rules.find((r) => r.id === id)?.parameters[param]?.value;
  if (typeof value !== 'number')
    throw new Error(
      `content/data/incentive-rules.yaml: ${id}.parameters.${param}.value must be a number for the estimator`,
    );
  return value;
}

/** `payroll` from buildPayrollRules (src/lib/payroll-rules.ts): its scale and allowance are tax.yaml's too. */
export function buildRuleSet(rules: RuleData[], tax: TaxData[], payroll: PayrollRules): RuleSet {
  const air = rules.find((r) => r.id === 'air');
  const byLocation = air?.parameters['rate']?.byLocation;
  if (!air || !byLocation)
    throw new Error('content/data/incentive-rules.yaml: air.parameters.rate.byLocation is required');
  const capPctByLocation = Object.fromEntries(locations.map((l) => [l, byLocation[l] ?? null])) as Record<
    Location,
    number | null
  >;
  const scale = tax.find((t) => t.kind === 'ir-scale');
  const allowance = tax.find((t) => t.kind === 'allowance');
  if (!scale || scale.kind !== 'ir-scale' || !allowance || allowance.kind !== 'allowance')
    throw new Error('content/data/tax.yaml: an ir-scale and an allowance entry are required');
  const dates = new Set(rules.map((r) => `${r.effectiveFrom}/${r.effectiveTo}`));
  if (dates.size !== 1)
    throw new Error(
      'content/data/incentive-rules.yaml: the estimator assumes one window for all four incentives',
    );
  const [from, to] = [...dates][0]!.split('/') as [string, string];
  const retention = rules.find((r) => r.id === 'pae')?.parameters['retentionMonths']?.value;
  return {
    ...payroll,
    window: { from, to },
    air: { capPctByLocation },
    ais: { maxSharePct: numberOf(rules, 'ais', 'rate') },
    pae: {
      ratePct: numberOf(rules, 'pae', 'rate'),
      retentionMonths: typeof retention === 'number' ? retention : null,
    },
    paf: { ratePct: numberOf(rules, 'paf', 'rate'), years: numberOf(rules, 'paf', 'duration') },
    irBrackets: scale.brackets,
    professionalExpenses: allowance.tiers,
  };
}
