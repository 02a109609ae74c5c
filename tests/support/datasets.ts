/** The open datasets computed from the YAML files, through the same table the build uses (src/data/datasets.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildDatasets, datasets, type DataInput } from '../../src/data/datasets';
import type { SourceRef } from '../../src/lib/datasets';
import { root } from './site';

export const readYaml = <T = Record<string, unknown>[]>(file: string): T =>
  parse(readFileSync(join(root, file), 'utf8')) as T;

/** What the build reads through astro:content, read from the files (schema defaults applied: `copy`). */
export function yamlInput(overrides: Partial<DataInput['entries']> = {}): DataInput {
  const entries = Object.fromEntries(
    datasets.map((d) => [d.collection, overrides[d.collection] ?? readYaml(d.file)]),
  ) as DataInput['entries'];
  const sources = readYaml<(Omit<SourceRef, 'copy'> & { copy?: boolean; kind: string })[]>(
    'content/data/sources.yaml',
  ).map((s) => ({
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    date: s.date,
    copy: s.copy ?? false,
  }));
  return { entries, sources };
}

export const yamlDatasets = (overrides: Partial<DataInput['entries']> = {}) =>
  buildDatasets(yamlInput(overrides));

export interface ReleaseSnapshot {
  release: string;
  datasets: Record<
    string,
    {
      id: string;
      value: number | string | null;
      unit: string | null;
      period: string | null;
      confidence: string | null;
    }[]
  >;
}
export const previousRelease = (): ReleaseSnapshot =>
  JSON.parse(readFileSync(join(root, 'tests/fixtures/previous-release/datasets.json'), 'utf8'));
