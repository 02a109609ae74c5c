import { describe, expect, it } from 'vitest';
import { datasets } from '../../src/data/datasets';
import { describeUnexplained, diffReleases, unexplained, type ChangeEntryFacts } from '../../src/lib/changes';
import { localeCodes } from '../support/site';
import { previousRelease, readYaml, yamlDatasets } from '../support/datasets';

interface ChangeEntry extends ChangeEntryFacts { title: Record<string, string>; summary: Record<string, string>; pages?: string[] }
const entries = readYaml<ChangeEntry[]>('content/data/changes.yaml').map((e) => ({ ...e, facts: e.facts ?? [] }));
const snapshot = previousRelease();

describe('the record of changes (content/data/changes.yaml)', () => {
  it('every figure, rule and park fact that differs from the previous release is named by a change entry', () => {
    const left = unexplained(diffReleases(snapshot.datasets, yamlDatasets()), entries, snapshot.release);
    expect(left, describeUnexplained(left, 'content/data/changes.yaml')).toEqual([]);
  });

  it('every dataset of the previous release is still published (a new one is held to entries by its added rows)', () => {
    const published = new Set<string>(datasets.map((d) => d.name));
    expect(Object.keys(snapshot.datasets).filter((name) => !published.has(name))).toEqual([]);
  });

  it('entries have unique ids, are newest first, and name facts that exist now or existed then', () => {
    const now = yamlDatasets() as Record<string, { id: string }[]>;
    const known = new Set([...Object.entries(now), ...Object.entries(snapshot.datasets)].flatMap(([name, rows]) => rows.map((r) => `${name}:${r.id}`)));
    const problems = entries.flatMap((e) => e.facts.filter((f) => ![...known].some((k) => k === f || k.startsWith(`${f}.`))).map((f) => `${e.id}: no fact "${f}" in any dataset`));
    expect(problems, problems.join('\n')).toEqual([]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort().reverse());
    for (const e of entries) for (const l of localeCodes) expect(e.title[l] && e.summary[l], `${e.id}: title/summary in ${l}`).toBeTruthy();
  });

  describe('with a figure edited after the release (tests/fixtures/changes/edited-figure.yaml)', () => {
    const edited = readYaml<Record<string, unknown>>('tests/fixtures/changes/edited-figure.yaml');
    const figures = readYaml('content/data/figures.yaml').map((f) => (f['id'] === edited['id'] ? edited : f));
    const after = yamlDatasets({ figures: figures as never });

    it('fails, naming the figure with its old and new value', () => {
      const left = unexplained(diffReleases(snapshot.datasets, after), entries, snapshot.release);
      expect(left.map((d) => d.fact)).toEqual(['figures:exports-2024']);
      expect(describeUnexplained(left, 'content/data/changes.yaml')).toContain('figures:exports-2024: changed: 26.22 mad-billion (2024), confirmed → 27.5 mad-billion (2024), confirmed');
    });

    it('passes once an entry dated after the release names it, not with an older entry', () => {
      const naming = (date: string): ChangeEntryFacts[] => [...entries, { id: 'fixture', date, facts: ['figures:exports-2024'] }];
      expect(unexplained(diffReleases(snapshot.datasets, after), naming(snapshot.release), snapshot.release)).toEqual([]);
      expect(unexplained(diffReleases(snapshot.datasets, after), naming('2020-01-01'), snapshot.release).map((d) => d.fact)).toEqual(['figures:exports-2024']);
    });

    it('a rule parameter removed is a difference too', () => {
      const rules = readYaml('content/data/incentive-rules.yaml').map((r) => (r['id'] === 'pae' ? { ...r, parameters: { ...(r['parameters'] as object), retentionMonths: undefined } } : r));
      const left = unexplained(diffReleases(snapshot.datasets, yamlDatasets({ incentiveRules: rules as never })), entries, snapshot.release);
      expect(left).toEqual([expect.objectContaining({ fact: 'incentive-rules:pae.retentionMonths', kind: 'removed' })]);
    });
  });
});
