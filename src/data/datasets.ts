/**
 * The open datasets, in one table: name → the data collection and YAML file it comes
 * from → the row mapper (src/lib/datasets.ts). The build serves each as /data/{name}.json and
 * /data/{name}.csv (src/pages/data/[file].ts); /{lang}/data/ lists them; the content tests read
 * the same YAML files through this table and compare them with the previous release.
 *
 * Adding a dataset is one entry here.
 */
import { resources } from '../i18n';
import { localeCodes } from '../i18n/locales';
import {
  datasetCsv,
  figureRows,
  milestoneRows,
  parkRows,
  ruleRows,
  type Confidence,
  type DatasetRow,
  type FigureInput,
  type MilestoneInput,
  type ParkInput,
  payrollRows,
  type PayrollInput,
  type RowContext,
  type RuleInput,
  type SourceRef,
} from '../lib/datasets';

/** Licence of the datasets and of the guide's own text (the linked sources keep their own terms). */
export const datasetLicence = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

const labels = <K extends string>(pick: (d: (typeof resources)['fr']) => Record<K, string>) =>
  Object.fromEntries(localeCodes.map((l) => [l, pick(resources[l] as (typeof resources)['fr'])])) as Record<
    string,
    Record<K, string>
  >;

export interface DatasetSpec {
  name: string;
  /** The Astro data collection it is made from. */
  collection: 'figures' | 'incentiveRules' | 'parks' | 'milestones' | 'payroll';
  /** The YAML file behind that collection (read directly by the tests). */
  file: string;
  rows: (entries: never[], ctx: RowContext) => DatasetRow[];
}

export const datasets = [
  {
    name: 'figures',
    collection: 'figures',
    file: 'content/data/figures.yaml',
    rows: (e: FigureInput[], ctx: RowContext) => figureRows(e, ctx),
  },
  {
    name: 'incentive-rules',
    collection: 'incentiveRules',
    file: 'content/data/incentive-rules.yaml',
    rows: (e: RuleInput[], ctx: RowContext) =>
      ruleRows(
        e,
        {
          params: labels((d) => d.rules.params),
          locations: labels((d) => d.rules.location),
          values: labels((d) => d.rules.values),
        },
        ctx,
      ),
  },
  {
    name: 'parks',
    collection: 'parks',
    file: 'content/data/parks.yaml',
    rows: (e: ParkInput[], ctx: RowContext) =>
      parkRows(
        e,
        labels((d) => ({
          area: d.park.area,
          office: d.park.office,
          jobs: d.park.jobs,
          opened: d.park.opened,
          notYet: d.park.notYet,
        })),
        ctx,
      ),
  },
  {
    name: 'milestones',
    collection: 'milestones',
    file: 'content/data/milestones.yaml',
    rows: (e: MilestoneInput[], ctx: RowContext) => milestoneRows(e, ctx),
  },
  {
    name: 'payroll-rates',
    collection: 'payroll',
    file: 'content/data/payroll.yaml',
    rows: (e: PayrollInput[], ctx: RowContext) =>
      payrollRows(
        e,
        labels((d) => ({ employer: d.seatCost.rates.employer, employee: d.seatCost.rates.employee })),
        ctx,
      ),
  },
] as const satisfies readonly {
  name: string;
  collection: DatasetSpec['collection'];
  file: string;
  rows: (e: never[], ctx: RowContext) => DatasetRow[];
}[];

export type DatasetName = (typeof datasets)[number]['name'];

/** Raw entries per collection (references as plain ids) and the sources, however they were read. */
export interface DataInput {
  entries: Record<DatasetSpec['collection'], unknown[]>;
  sources: SourceRef[];
}

/** Every dataset's rows: buildDatasets(input) → { figures: [...], 'incentive-rules': [...], … } */
export function buildDatasets(input: DataInput): Record<DatasetName, DatasetRow[]> {
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  const ctx: RowContext = {
    languages: localeCodes,
    source: (id) => {
      const s = byId.get(id);
      if (!s) throw new Error(`datasets: no source "${id}" in content/data/sources.yaml`);
      return s;
    },
    caveats: labels((d) => d.figure.caveat) as Record<string, Record<Confidence, string>>,
  };
  // Entries by id, whatever order they were read in (astro:content or the YAML file): the files are stable.
  const sorted = (e: unknown[]) =>
    [...(e as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.fromEntries(
    datasets.map((d) => [
      d.name,
      (d.rows as (e: unknown[], c: RowContext) => DatasetRow[])(sorted(input.entries[d.collection]), ctx),
    ]),
  ) as Record<DatasetName, DatasetRow[]>;
}

/** The JSON document of a dataset: what it is, its licence, and its rows. */
export function datasetJson(name: string, rows: DatasetRow[], o: { url: string; modified: string }) {
  return { name, url: o.url, licence: datasetLicence, modified: o.modified, languages: localeCodes, rows };
}

export const datasetCsvOf = (rows: DatasetRow[]) => datasetCsv(rows, localeCodes);

/** Astro references ({ collection, id }) as plain ids, the way the YAML writes them. */
export function plainIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainIds);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 2 && keys.includes('id') && keys.includes('collection'))
      return (value as { id: string }).id;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainIds(v)]));
  }
  return value;
}
