/** The content data as plain YAML, for the content rules: labelled items, disputed values, copies, the termbase. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Labelled, Term } from '../../src/lib/content-rules';
import { parkFieldConfidence } from '../../src/lib/datasets';
import { root } from './site';

type Row = Record<string, unknown> & { id: string };
export const loadData = (file: string, dir = join(root, 'content/data')): Row[] =>
  parse(readFileSync(join(dir, file), 'utf8')) as Row[];

const ids = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : []);

/** Every figure, milestone, park, tax table, incentive rule and rule parameter with its label and sources. */
export function labelledItems(
  files = ['figures.yaml', 'milestones.yaml', 'parks.yaml', 'tax.yaml', 'incentive-rules.yaml'].map(
    (f) => `content/data/${f}`,
  ),
): Labelled[] {
  const publishers = new Map(loadData('sources.yaml').map((s) => [s.id, String(s.publisher)]));
  const resolve = (list: string[]) =>
    list.map((id) => ({ id, publisher: publishers.get(id) ?? `unknown source ${id}` }));
  const items: Labelled[] = [];
  for (const file of files) {
    for (const row of loadData(file, root)) {
      items.push({
        where: `${file}: ${row.id}`,
        confidence: row.confidence as Labelled['confidence'],
        sources: resolve(ids(row.sources)),
      });
      const params = row.parameters as
        Record<string, { confidence: Labelled['confidence']; sources?: unknown }> | undefined;
      for (const [name, p] of Object.entries(params ?? {})) {
        // A parameter without its own sources rests on the rule's.
        items.push({
          where: `${file}: ${row.id}.parameters.${name}`,
          confidence: p.confidence,
          sources: resolve(ids(p.sources ?? row.sources)),
        });
      }
    }
  }
  return items;
}

/** 'figure:id' / 'park:id' / 'rule:id.param' → why it needs a caveat: conflicting, or unknown. */
export function disputedValues(dir?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of loadData('figures.yaml', dir))
    if (f.confidence === 'conflicting') out.set(`figure:${f.id}`, 'conflicting');
  // A park's area and offices: any caveat, single source included (src/lib/datasets.ts parkFieldConfidence).
  for (const p of loadData('parks.yaml', dir))
    for (const field of ['areaHa', 'officeM2'] as const) {
      const rated = parkFieldConfidence(p as unknown as Parameters<typeof parkFieldConfidence>[0], field);
      if (p[field] !== null && rated !== 'confirmed') out.set(`park:${p.id}.${field}`, rated);
    }
  for (const r of loadData('incentive-rules.yaml', dir)) {
    for (const [name, p] of Object.entries(
      (r.parameters ?? {}) as Record<string, { value: unknown; confidence: unknown }>,
    )) {
      if (p.value === null) out.set(`rule:${r.id}.${name}`, 'unknown');
      else if (p.confidence === 'conflicting') out.set(`rule:${r.id}.${name}`, 'conflicting');
    }
  }
  return out;
}

/** Ids of the sources that are aggregator or mirror copies; with `kind`, only those of that kind. */
export const copySources = (dir?: string, kind?: string) =>
  loadData('sources.yaml', dir)
    .filter((s) => s.copy === true && (kind === undefined || s.kind === kind))
    .map((s) => s.id);

/** The termbase: content/data/termbase.yaml. */
export const termbase = (dir?: string) => loadData('termbase.yaml', dir) as unknown as Term[];
