/**
 * The record of what changed: comparing two releases' datasets, and holding each
 * difference to a dated change entry that names it. Pure: datasets and entries are arguments.
 *
 * A fact is named `{dataset}:{row id}`: `figures:exports-2024`, `incentive-rules:air.rate`.
 */

/** The fields of a row whose change a reuser must hear about (labels and notes are wording). */
export interface ComparableRow {
  id: string;
  value: number | string | null;
  unit: string | null;
  period: string | null;
  confidence: string | null;
}

export interface Difference {
  fact: string;
  kind: 'changed' | 'added' | 'removed';
  before?: ComparableRow;
  after?: ComparableRow;
}

export interface ChangeEntryFacts {
  id: string;
  date: string;
  facts: readonly string[];
}

export const factKey = (dataset: string, rowId: string) => `${dataset}:${rowId}`;

/** The comparable part of a row, e.g. to store a release snapshot. */
export const comparable = (r: ComparableRow): ComparableRow => ({
  id: r.id,
  value: r.value,
  unit: r.unit,
  period: r.period,
  confidence: r.confidence,
});

/**
 * Every fact added, removed or changed between two releases:
 * diffReleases({ figures: [{ id: 'a', value: 1, … }] }, { figures: [{ id: 'a', value: 2, … }] })
 *   → [{ fact: 'figures:a', kind: 'changed', before, after }]
 */
export function diffReleases(
  before: Record<string, readonly ComparableRow[]>,
  after: Record<string, readonly ComparableRow[]>,
): Difference[] {
  const out: Difference[] = [];
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const old = new Map((before[name] ?? []).map((r) => [r.id, comparable(r)]));
    const now = new Map((after[name] ?? []).map((r) => [r.id, comparable(r)]));
    for (const [id, b] of old) {
      const a = now.get(id);
      if (!a) out.push({ fact: factKey(name, id), kind: 'removed', before: b });
      else if (JSON.stringify(a) !== JSON.stringify(b))
        out.push({ fact: factKey(name, id), kind: 'changed', before: b, after: a });
    }
    for (const [id, a] of now)
      if (!old.has(id)) out.push({ fact: factKey(name, id), kind: 'added', after: a });
  }
  return out;
}

/**
 * Differences that no change entry dated on or after the previous release names. An entry may
 * name a whole dataset row's parent: `incentive-rules:air.rate` covers `air.rate.p2i-primary`.
 */
export function unexplained(
  differences: Difference[],
  entries: readonly ChangeEntryFacts[],
  previousRelease: string,
): Difference[] {
  const named = entries.filter((e) => e.date >= previousRelease).flatMap((e) => e.facts);
  return differences.filter((d) => !named.some((f) => d.fact === f || d.fact.startsWith(`${f}.`)));
}

/** A message that says what to do: one line per fact, with before → after. */
export function describeUnexplained(list: Difference[], changesFile: string): string {
  const show = (r?: ComparableRow) =>
    r
      ? `${r.value ?? 'unknown'}${r.unit ? ` ${r.unit}` : ''}${r.period ? ` (${r.period})` : ''}, ${r.confidence ?? 'no confidence'}`
      : '—';
  return [
    `${list.length} fact(s) differ from the previous release without an entry in ${changesFile} naming them under facts:`,
    ...list.map((d) => `  ${d.fact}: ${d.kind}: ${show(d.before)} → ${show(d.after)}`),
  ].join('\n');
}

/**
 * When a dataset last changed, as the record of changes says: the newest entry naming one of its
 * rows, else the record's first entry (every change since is recorded, so none touched it). A
 * release with no change leaves the date alone: a reuser polling it hears of real changes only.
 * datasetModified('figures', [{ date: '2027-03-02', facts: ['figures:a'] }, …]) → '2027-03-02'.
 */
export function datasetModified(dataset: string, entries: readonly ChangeEntryFacts[]): string {
  const dates = (list: readonly ChangeEntryFacts[]) => list.map((e) => e.date).sort();
  const naming = entries.filter((e) => e.facts.some((f) => f.startsWith(`${dataset}:`)));
  const date = dates(naming).at(-1) ?? dates(entries)[0];
  if (!date) throw new Error('the record of changes (content/data/changes.yaml) has no entry');
  return date;
}
