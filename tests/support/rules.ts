/** The estimator's RuleSet read straight from content/data, as the site builds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildRuleSet } from '../../src/lib/estimator-rules';
import { buildPayrollRules } from '../../src/lib/payroll-rules';
import { root } from './site';

const load = (f: string) => parse(readFileSync(join(root, 'content/data', f), 'utf8'));
/** The payroll model's rules (content/data/payroll.yaml, tax.yaml and the family-reduction figures). */
export const payroll = buildPayrollRules(load('payroll.yaml'), load('tax.yaml'), load('figures.yaml'));
export const rules = buildRuleSet(load('incentive-rules.yaml'), load('tax.yaml'), payroll);
