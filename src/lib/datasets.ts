/**
 * Open datasets: the guide's language-neutral data as rows that a reuser can cite,
 * one row per published number. Pure: the data, the sources and the translated labels are
 * arguments (src/data/datasets.ts gathers them; the content tests read the YAML directly).
 *
 * Every row has the same fields, whatever the dataset, so one schema and one CSV layout serve all:
 * figureRows([{ id: 'exports-2024', value: 26.22, unit: 'mad-billion', … }], ctx)
 *   → [{ id: 'exports-2024', value: 26.22, unit: 'mad-billion', period: '2024', … }]
 */
import { toCsv } from './csv';

export type Localized = Record<string, string>;
export type Confidence = 'confirmed' | 'single-source' | 'conflicting';

export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  url: string;
  date: string;
  copy: boolean;
}

export interface DatasetRow {
  /** Stable id, shown on the site next to the figure: `exports-2024`, `air.rate`, `casanearshore.area`. */
  id: string;
  /** A number, a code (`state`, `annual-rbi`, `applies`, a YYYY-MM-DD date) or null when no source establishes it. */
  value: number | string | null;
  unit: string | null;
  /** What the value describes: a year, half, quarter, day, or `from/to` for a rule in force. */
  period: string | null;
  confidence: Confidence | null;
  label: Localized;
  /** The value in words where it is a code (a rule's base, who pays…), per language. */
  valueText: Localized | null;
  note: Localized | null;
  /** The reader-facing caveat for a single-source or conflicting value. */
  caveat: Localized | null;
  sources: SourceRef[];
}

export interface RowContext {
  languages: readonly string[];
  source: (id: string) => SourceRef;
  /** The caveat per confidence, per language (UI strings `figure.caveat.*`). */
  caveats: Record<string, Record<Confidence, string>>;
}

const caveatOf = (c: Confidence | null, ctx: RowContext): Localized | null =>
  c === null || c === 'confirmed'
    ? null
    : Object.fromEntries(ctx.languages.map((l) => [l, ctx.caveats[l]![c]]));
const per = (ctx: RowContext, text: (lang: string) => string): Localized =>
  Object.fromEntries(ctx.languages.map((l) => [l, text(l)]));

function row(
  ctx: RowContext,
  r: Omit<DatasetRow, 'caveat' | 'sources' | 'valueText' | 'note'> & {
    sources: string[];
    note?: Localized | null | undefined;
    valueText?: Localized | null | undefined;
  },
): DatasetRow {
  return {
    id: r.id,
    value: r.value,
    unit: r.unit,
    period: r.period,
    confidence: r.confidence,
    label: r.label,
    valueText: r.valueText ?? null,
    note: r.note ?? null,
    caveat: caveatOf(r.confidence, ctx),
    sources: r.sources.map(ctx.source),
  };
}

export interface FigureInput {
  id: string;
  value: number;
  unit: string;
  qualifier?: string | undefined;
  period: string;
  label: Localized;
  confidence: Confidence;
  sources: string[];
  note?: Localized | undefined;
}

/** content/data/figures.yaml: one row per figure, same id. */
export function figureRows(figures: FigureInput[], ctx: RowContext): DatasetRow[] {
  return figures.map((f) =>
    row(ctx, {
      id: f.id,
      value: f.value,
      unit: f.qualifier ? `${f.unit} (${f.qualifier})` : f.unit,
      period: f.period,
      confidence: f.confidence,
      label: f.label,
      note: f.note,
      sources: f.sources,
    }),
  );
}

export interface ParameterInput {
  value: number | string | null;
  unit?: string | undefined;
  upTo?: boolean | undefined;
  byLocation?: Partial<Record<string, number | null>> | undefined;
  confidence: Confidence | null;
  sources?: string[] | undefined;
  note?: Localized | undefined;
}
export interface RuleInput {
  id: string;
  code: string;
  effectiveFrom: string;
  effectiveTo: string;
  confidence: Confidence;
  sources: string[];
  parameters: Record<string, ParameterInput | undefined>;
}
export interface RuleLabels {
  /** Parameter names per language (`rules.params.*`). */
  params: Record<string, Record<string, string>>;
  /** Locations per language (`rules.location.*`). */
  locations: Record<string, Record<string, string>>;
  /** Code values per language (`rules.values.*`). */
  values: Record<string, Record<string, string>>;
}

/**
 * content/data/incentive-rules.yaml: one row per rule parameter (`air.rate`), and one per location
 * where the value depends on it (`air.rate.p2i-primary`). Unknown parameters stay, with value null:
 * that a parameter is unknown is itself information.
 */
export function ruleRows(rules: RuleInput[], labels: RuleLabels, ctx: RowContext): DatasetRow[] {
  return rules.flatMap((r) => {
    const period = `${r.effectiveFrom}/${r.effectiveTo}`;
    return Object.entries(r.parameters).flatMap(([name, p]) => {
      if (!p) return [];
      const label = per(ctx, (l) => `${r.code} — ${labels.params[l]![name] ?? name}`);
      const unit = p.unit ? (p.upTo ? `${p.unit} (up to)` : p.unit) : null;
      const sources = p.sources ?? r.sources;
      const valueText =
        typeof p.value === 'string'
          ? per(ctx, (l) => labels.values[l]![p.value as string] ?? String(p.value))
          : null;
      const main = row(ctx, {
        id: `${r.id}.${name}`,
        value: p.value,
        unit,
        period,
        confidence: p.confidence,
        label,
        valueText,
        note: p.note,
        sources,
      });
      const byLocation = Object.entries(p.byLocation ?? {}).map(([loc, v]) =>
        row(ctx, {
          id: `${r.id}.${name}.${loc}`,
          value: v ?? null,
          unit,
          period,
          confidence: v === null || v === undefined ? null : p.confidence,
          label: per(ctx, (l) => `${label[l]} — ${labels.locations[l]![loc] ?? loc}`),
          note: p.note,
          sources,
        }),
      );
      return [main, ...byLocation];
    });
  });
}

export interface ParkInput {
  id: string;
  name: Localized;
  areaHa: number | null;
  officeM2: number | null;
  officeYear?: number | undefined;
  jobsReported?: { value: number; period: string } | undefined;
  opened: number | string;
  confidence: Confidence;
  /** A figure the fact sheet's notes rate otherwise than the park's record (one source for the offices…). */
  fieldConfidence?: { areaHa?: Confidence | undefined; officeM2?: Confidence | undefined } | undefined;
  sources: string[];
  note?: Localized | undefined;
}

/**
 * How sure a park's area or office figure is: its own rating where the notes give one, else the
 * park's. parkFieldConfidence({ confidence: 'confirmed', fieldConfidence: { officeM2: 'single-source' } }, 'officeM2')
 * → 'single-source'. Pages and datasets both read it, so a caveat on the page is the one in the data.
 */
export const parkFieldConfidence = (
  p: Pick<ParkInput, 'confidence' | 'fieldConfidence'>,
  field: 'areaHa' | 'officeM2',
): Confidence => p.fieldConfidence?.[field] ?? p.confidence;

/**
 * content/data/parks.yaml: a park's area, office space, reported jobs and opening year, a row each.
 * What is not published is null, with no confidence (there is no claim to rate); a park not yet
 * open keeps the code `not-yet`, worded in each language.
 */
export function parkRows(
  parks: ParkInput[],
  attributeLabels: Record<string, Record<'area' | 'office' | 'jobs' | 'opened' | 'notYet', string>>,
  ctx: RowContext,
): DatasetRow[] {
  return parks.flatMap((p) => {
    const label = (k: 'area' | 'office' | 'jobs' | 'opened') =>
      per(ctx, (l) => `${p.name[l]} — ${attributeLabels[l]![k]}`);
    const common = { note: p.note, sources: p.sources };
    const rated = (value: unknown, confidence: Confidence = p.confidence) => ({
      confidence: value === null ? null : confidence,
    });
    const opened = p.opened === 'unknown' ? null : p.opened;
    return [
      row(ctx, {
        id: `${p.id}.area`,
        value: p.areaHa,
        unit: 'hectares',
        period: null,
        label: label('area'),
        ...common,
        ...rated(p.areaHa, parkFieldConfidence(p, 'areaHa')),
      }),
      row(ctx, {
        id: `${p.id}.office`,
        value: p.officeM2,
        unit: 'm2',
        period: p.officeM2 === null || p.officeYear === undefined ? null : String(p.officeYear),
        label: label('office'),
        ...common,
        ...rated(p.officeM2, parkFieldConfidence(p, 'officeM2')),
      }),
      row(ctx, {
        id: `${p.id}.jobs`,
        value: p.jobsReported?.value ?? null,
        unit: 'jobs',
        period: p.jobsReported?.period ?? null,
        label: label('jobs'),
        ...common,
        ...rated(p.jobsReported?.value ?? null),
      }),
      row(ctx, {
        id: `${p.id}.opened`,
        value: opened,
        unit: typeof opened === 'number' ? 'year' : null,
        period: null,
        label: label('opened'),
        valueText: opened === 'not-yet' ? per(ctx, (l) => attributeLabels[l]!.notYet) : null,
        ...common,
        ...rated(opened),
      }),
    ];
  });
}

export interface MilestoneInput {
  id: string;
  date: string;
  label: Localized;
  confidence: Confidence;
  sources: string[];
}

/** content/data/milestones.yaml: one row per dated milestone; the value is the date. */
export function milestoneRows(milestones: MilestoneInput[], ctx: RowContext): DatasetRow[] {
  return milestones.map((m) =>
    row(ctx, {
      id: m.id,
      value: m.date,
      unit: 'date',
      period: m.date,
      confidence: m.confidence,
      label: m.label,
      sources: m.sources,
    }),
  );
}

export type PayrollInput = {
  id: string;
  kind: string;
  period?: string | undefined;
  label: Localized;
  note?: Localized | undefined;
  confidence?: Confidence | undefined;
  sources: string[];
} & Partial<{
  employerPct: number;
  employeePct: number;
  capped: boolean;
  includedIn: string;
  monthlyMad: number;
  hours: number;
  hourlyMad: number;
  effectiveFrom: string;
}>;

/**
 * content/data/payroll.yaml: a contribution gives two rows (`cnss-short-term-benefits.employer`,
 * `….employee`, in % of gross pay); a ceiling, working hours or minimum wage one row with its
 * amount; a rule in words, or a parameter no source establishes, one row with value null.
 */
export function payrollRows(
  entries: PayrollInput[],
  sides: Record<string, Record<'employer' | 'employee', string>>,
  ctx: RowContext,
): DatasetRow[] {
  return entries.flatMap((e) => {
    const base = {
      period: e.period ?? null,
      confidence: e.confidence ?? null,
      note: e.note,
      sources: e.sources,
    };
    const side = (who: 'employer' | 'employee') =>
      per(ctx, (l) => `${e.label[l]} (${sides[l]![who].toLocaleLowerCase(l)})`);
    const capNote = e.capped ? ' (up to the CNSS ceiling)' : '';
    switch (e.kind) {
      case 'contribution':
        return [
          row(ctx, {
            ...base,
            id: `${e.id}.employer`,
            value: e.employerPct!,
            unit: `% of gross pay${capNote}`,
            label: side('employer'),
          }),
          row(ctx, {
            ...base,
            id: `${e.id}.employee`,
            value: e.employeePct!,
            unit: `% of gross pay${capNote}`,
            label: side('employee'),
          }),
        ];
      case 'ceiling':
        return [row(ctx, { ...base, id: e.id, value: e.monthlyMad!, unit: 'MAD per month', label: e.label })];
      case 'monthly-hours':
        return [row(ctx, { ...base, id: e.id, value: e.hours!, unit: 'hours per month', label: e.label })];
      case 'minimum-wage':
        return [
          row(ctx, {
            ...base,
            id: e.id,
            value: e.hourlyMad!,
            unit: 'MAD per hour',
            label: e.label,
          }),
        ];
      case 'rule':
        // A rule stated in its label: the code says it applies, so a confirmed row is never read as unknown.
        return [row(ctx, { ...base, id: e.id, value: 'applies', unit: null, label: e.label })];
      default:
        return [row(ctx, { ...base, id: e.id, value: null, unit: null, label: e.label })];
    }
  });
}

/**
 * One CSV line per row, the same count as the JSON: localized fields become one column per
 * language (`label_fr`…), sources one column per field, joined with ` | ` in the same order.
 */
export function datasetCsv(rows: DatasetRow[], languages: readonly string[]): string {
  const loc = (name: string) => languages.map((l) => `${name}_${l}`);
  const header = [
    'id',
    'value',
    'unit',
    'period',
    'confidence',
    ...loc('label'),
    ...loc('value_text'),
    ...loc('note'),
    ...loc('caveat'),
    'source_ids',
    'source_publishers',
    'source_titles',
    'source_urls',
    'source_dates',
    'source_is_copy',
  ];
  const join = (f: (s: SourceRef) => string, r: DatasetRow) => r.sources.map(f).join(' | ');
  const text = (v: Localized | null, l: string) => v?.[l] ?? '';
  return toCsv(
    header,
    rows.map((r) => [
      r.id,
      r.value ?? '',
      r.unit ?? '',
      r.period ?? '',
      r.confidence ?? '',
      ...languages.map((l) => text(r.label, l)),
      ...languages.map((l) => text(r.valueText, l)),
      ...languages.map((l) => text(r.note, l)),
      ...languages.map((l) => text(r.caveat, l)),
      join((s) => s.id, r),
      join((s) => s.publisher, r),
      join((s) => s.title, r),
      join((s) => s.url, r),
      join((s) => s.date, r),
      join((s) => (s.copy ? 'yes' : 'no'), r),
    ]),
  );
}

/** Rows by id, for lookups and comparisons. */
export const rowsById = (rows: DatasetRow[]) => new Map(rows.map((r) => [r.id, r]));
