/**
 * The cost of a seat: for one location, what one employee costs the employer in a year,
 * what the employee takes home, and what the offer's incentives bring back, per seat and for all
 * seats. Pure: the payroll model (./payroll.ts) and the estimator's rule set come in as arguments.
 */
import type { Location, RuleSet } from './estimator';
import { payrollYear, round2, taxAboveCap, type PayrollYear } from './payroll';

/** The lines of the result, in the order the page shows them (their `data-line` values). */
export const seatLines = [
  'gross',
  'employer-contributions',
  'employer-cost',
  'employee-contributions',
  'income-tax',
  'net-pay',
  'air',
  'pae',
  'paf',
  'cost-after-incentives',
] as const;
export type SeatLine = (typeof seatLines)[number];

export interface SeatInput {
  /** Monthly gross salary per employee, MAD. */
  gross: number;
  seats: number;
  /** How many of the seats are Moroccan recruits (the PAF counts only them). */
  moroccan: number;
  location: Location;
  dependants: number;
  compare?: Location | undefined;
}

export interface SeatResult {
  location: Location;
  payroll: PayrollYear;
  /** The income-tax cap of this location; null where no source gives it. */
  air: { capPct: number; tax: number; cap: number; advantage: number } | null;
  paePerSeat: number;
  pafPerRecruit: number;
  /** Per seat and per year, MAD; null when not computable (unknown). */
  perSeat: Record<SeatLine, number | null>;
  /** For all seats, per year, MAD. */
  total: Record<SeatLine, number | null>;
}

/**
 * One location's result: seatCost({ gross: 10_000, seats: 1, moroccan: 1, location: 'p2i-primary', dependants: 0 }, 'p2i-primary', rules)
 * → perSeat['employer-cost'] 140,997.6, perSeat.pae 20,400, perSeat.paf 4,200, perSeat['cost-after-incentives'] 116,397.6.
 */
export function seatCost(input: SeatInput, location: Location, rules: RuleSet): SeatResult {
  const annual = round2(input.gross * 12);
  const payroll = payrollYear(annual, input.dependants, rules);
  const capPct = rules.air.capPctByLocation[location];
  const air = capPct === null ? null : { capPct, ...taxAboveCap(annual, capPct, rules, input.dependants) };
  const paePerSeat = round2((annual * rules.pae.ratePct) / 100);
  const pafPerRecruit = round2((annual * rules.paf.ratePct) / 100);
  const pafTotal = round2(pafPerRecruit * input.moroccan);
  const pafPerSeat = round2(pafTotal / input.seats);
  const perSeat: Record<SeatLine, number | null> = {
    gross: annual,
    'employer-contributions': payroll.employerContributions,
    'employer-cost': payroll.employerCost,
    'employee-contributions': payroll.employeeContributions,
    'income-tax': payroll.tax,
    'net-pay': payroll.netPay,
    air: air ? air.advantage : null,
    pae: paePerSeat,
    paf: pafPerSeat,
    'cost-after-incentives': round2(payroll.employerCost - paePerSeat - pafPerSeat),
  };
  const times = (v: number | null) => (v === null ? null : round2(v * input.seats));
  const total = Object.fromEntries(seatLines.map((l) => [l, times(perSeat[l])])) as Record<
    SeatLine,
    number | null
  >;
  total.paf = pafTotal;
  total['cost-after-incentives'] = round2(
    payroll.employerCost * input.seats - paePerSeat * input.seats - pafTotal,
  );
  return { location, payroll, air, paePerSeat, pafPerRecruit, perSeat, total };
}

/** The result for the location, and for the one compared with it when there is one. */
export function seatCosts(input: SeatInput, rules: RuleSet): SeatResult[] {
  return [input.location, ...(input.compare ? [input.compare] : [])].map((l) => seatCost(input, l, rules));
}
