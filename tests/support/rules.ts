/** The estimator's RuleSet read straight from content/data, as the site builds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildRuleSet } from '../../src/lib/estimator-rules';
import { root } from './site';

const load = (f: string) => parse(readFileSync(join(root, 'content/data', f), 'utf8'));
export const rules = buildRuleSet(load('incentives.yaml'), load('tax.yaml'));
