/** The payroll model's rules as the site builds them (content/data/payroll.yaml, tax.yaml, figures.yaml). */
import { getCollection } from 'astro:content';
import { buildPayrollRules, familyFigures } from '../lib/payroll-rules';

export async function payrollRules() {
  const payroll = (await getCollection('payroll')).map((p) => ({ id: p.id, ...p.data }));
  const tax = (await getCollection('tax')).map((t) => ({ id: t.id, ...t.data }));
  const wanted = new Set<string>(Object.values(familyFigures));
  const figures = (await getCollection('figures'))
    .filter((f) => wanted.has(f.id))
    .map((f) => ({ id: f.id, value: f.data.value }));
  return buildPayrollRules(payroll, tax, figures);
}

/** Payroll entries of one kind, with their sources, for the rates table and the explanations. */
export async function payrollEntries() {
  return getCollection('payroll');
}
