import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { localeCodes, type Locale } from './i18n/locales';
import { proseFolders, type ProseCollection } from './lib/prose';
import { factSheetLanguage, sourceKinds, untranslatedFields } from './lib/sources';
import { parseSourceDate } from './lib/source-date';
import { isCalendarDate } from './lib/format';

/** A string in every site language; a missing language fails the build naming the field (e.g. `label.ar`). */
const localized = z
  .object(
    Object.fromEntries(localeCodes.map((l) => [l, z.string().trim().min(1)])) as Record<Locale, z.ZodString>,
  )
  .strict();

const confidence = z.enum(['confirmed', 'single-source', 'conflicting']);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'expected a day on the calendar (a month 01–12, a day the month has)');
/** A period a figure describes: a year, a half-year, a quarter, a month or a day. */
const period = z
  .string()
  .regex(/^\d{4}(-H[12]|-Q[1-4]|-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD')
  .refine(
    (p) => /-[HQ]/.test(p) || isCalendarDate(p),
    'expected a month or day on the calendar (a month 01–12, a day the month has)',
  );
const sourceRefs = z
  .array(reference('sources'))
  .min(1, 'cite at least one source id from content/data/sources.yaml');

/** Translated prose: content/{folder}/{lang}/{slug}.mdx (src/lib/prose.ts names the folders). */
const prose = (collection: ProseCollection) =>
  glob({ base: `./content/${proseFolders[collection]}`, pattern: `{${localeCodes.join(',')}}/**/*.mdx` });
const page = z.object({
  title: z.string().min(1),
  description: z.string().min(20).max(220),
  sources: z.array(reference('sources')).default([]),
  /** When the page was last edited (not when its facts were checked): the last line of the frontmatter. */
  updated: isoDate,
});

const sources = defineCollection({
  loader: file('content/data/sources.yaml'),
  schema: z
    .object({
      publisher: z.string().min(1),
      title: z.string().min(1),
      url: z.url(),
      /** The fact sheet's note, read by src/lib/source-date.ts: 2025-11, 2026-01/02 (approx.), unknown (approx. 2008)… */
      date: z.string().refine((d) => parseSourceDate(d) !== undefined, {
        message:
          'expected a date the guide can show: YYYY, YYYY-MM or YYYY-MM-DD, or a span (2026-01/02, 2025/2026), or unknown; then an optional note in brackets: (approx.), (modified YYYY-MM-DD), (approx. YYYY) after unknown',
      }),
      kind: z.enum(sourceKinds),
      /** An aggregator or mirror copy of the original (maghress.com, a usercontent mirror): labelled as a copy on its kind's page of sources. */
      copy: z.boolean().default(false),
      /** The publisher's note and a described title in the languages other than the fact sheets' (src/lib/sources.ts). */
      translated: z
        .partialRecord(
          z.enum(localeCodes.filter((l) => l !== factSheetLanguage) as [Locale, ...Locale[]]),
          z.strictObject({
            publisher: z.string().trim().min(1).optional(),
            title: z.string().trim().min(1).optional(),
          }),
        )
        .optional(),
    })
    .superRefine((s, ctx) => {
      for (const l of localeCodes)
        for (const field of untranslatedFields(s, l))
          ctx.addIssue({
            code: 'custom',
            path: ['translated', l, field],
            message:
              field === 'publisher'
                ? `the publisher's note in brackets needs its ${l} words ("${s.publisher}")`
                : `the title in square brackets is a description: it needs its ${l} words ("${s.title}")`,
          });
    }),
});

const figures = defineCollection({
  loader: file('content/data/figures.yaml'),
  schema: z.object({
    fact: z.string().min(1).describe('id in the shared fact sheet'),
    value: z.number(),
    unit: z.enum([
      'mad',
      'mad-million',
      'mad-billion',
      'percent',
      'percent-change',
      'jobs',
      'companies',
      'hectares',
      'm2',
      'months',
      'years',
      'count',
    ]),
    qualifier: z.enum(['about', 'more-than']).optional(),
    period,
    label: localized,
    confidence,
    sources: sourceRefs,
    note: localized.optional(),
  }),
});

const parks = defineCollection({
  loader: file('content/data/parks.yaml'),
  schema: z.object({
    fact: z.string().min(1),
    name: localized,
    city: localized,
    region: localized,
    coordinates: z.object({
      lat: z.number().min(20).max(36.5),
      lon: z.number().min(-17.5).max(-0.9),
      basis: z.literal('city-approximate'),
    }),
    areaHa: z.number().positive().nullable(),
    /** What the area covers when it is not the whole park (a first phase, a zone): shown beside it, since the bases differ. */
    areaBasis: localized.optional(),
    officeM2: z.number().positive().nullable(),
    /** The year the office figure describes (the published figures differ from year to year). */
    officeYear: z.number().int().min(2000).max(2100).optional(),
    jobsReported: z.object({ value: z.number().int().positive(), period }).optional(),
    operator: localized,
    opened: z.union([z.number().int().min(2000).max(2100), z.enum(['unknown', 'not-yet'])]),
    status: z.enum(['p2i-primary', 'p2i-secondary', 'other']),
    confidence,
    /** Where the fact sheet's notes rate the area or offices otherwise than the park's record (one source…). */
    fieldConfidence: z.object({ areaHa: confidence, officeM2: confidence }).partial().strict().optional(),
    sources: sourceRefs,
    note: localized.optional(),
  }),
});

const location = z.enum(['p2i-primary', 'p2i-secondary', 'no-p2i-region', 'outside-p2i']);
/** One rule parameter. `value: null` means unknown: shown as unknown, never guessed. */
const parameter = z
  .object({
    value: z.union([
      z.number(),
      z.string().regex(/^[a-z0-9-]+$/, 'text values are codes translated under rules.values'),
      z.null(),
    ]),
    unit: z.enum(['percent', 'years', 'months']).optional(),
    upTo: z.boolean().optional(),
    byLocation: z.record(location, z.number().nullable()).optional(),
    confidence: confidence.nullable(),
    sources: z.array(reference('sources')).optional(),
    note: localized.optional(),
  })
  .refine(
    (p) => (p.value === null) === (p.confidence === null),
    'an unknown value has confidence null, a known one a confidence',
  );

const incentiveRules = defineCollection({
  loader: file('content/data/incentive-rules.yaml'),
  schema: z
    .object({
      fact: z.string().min(1),
      code: z.enum(['AIR', 'AIS', 'PAE', 'PAF']),
      effectiveFrom: isoDate,
      effectiveTo: isoDate,
      parameters: z.object({
        rate: parameter,
        base: parameter,
        whoPays: parameter,
        duration: parameter,
        paymentSchedule: parameter,
        conditions: parameter,
        retentionMonths: parameter.optional(),
        caps: parameter,
      }),
      confidence,
      sources: sourceRefs,
    })
    .refine((r) => r.effectiveTo >= r.effectiveFrom, {
      message: 'the rule ends before it starts (effectiveTo before effectiveFrom)',
      path: ['effectiveTo'],
    }),
});

const milestones = defineCollection({
  loader: file('content/data/milestones.yaml'),
  schema: z.object({
    fact: z.string().min(1),
    date: isoDate,
    /** `month` when the sources only establish the month (the day is inferred): shown as "September 2024". */
    precision: z.enum(['day', 'month']).default('day'),
    label: localized,
    confidence,
    sources: sourceRefs,
  }),
});

const tax = defineCollection({
  loader: file('content/data/tax.yaml'),
  schema: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('ir-scale'),
      fact: z.string().min(1),
      effectiveFrom: isoDate,
      confidence,
      sources: sourceRefs,
      brackets: z
        .array(z.object({ upTo: z.number().positive().nullable(), ratePct: z.number().min(0).max(100) }))
        .min(2)
        .refine(
          (b) =>
            b.at(-1)?.upTo === null &&
            b.slice(0, -1).every((x, i, a) => x.upTo !== null && (i === 0 || x.upTo > (a[i - 1]?.upTo ?? 0))),
          'brackets must rise and end with upTo: null',
        ),
      note: localized.optional(),
      noteSources: z.array(reference('sources')).optional(),
    }),
    z.object({
      kind: z.literal('allowance'),
      fact: z.string().min(1),
      effectiveFrom: isoDate,
      confidence,
      sources: sourceRefs,
      tiers: z
        .array(
          z.object({
            rbiUpTo: z.number().positive().nullable(),
            ratePct: z.number().min(0).max(100),
            capMad: z.number().positive().nullable(),
          }),
        )
        .min(1),
    }),
  ]),
});

/** A year or day, or a span from/to of them, '..' for one with no end: '2024/2025', '2016-01-01/..'. */
const span = z
  .string()
  .regex(
    /^(\d{4}(-\d{2}-\d{2})?)(\/(\d{4}(-\d{2}-\d{2})?|\.\.))?$/,
    "expected YYYY or YYYY-MM-DD, or a span of them: '2024/2025', '2016-01-01/..' (no end)",
  )
  .refine(
    (p) => p.split('/').every((end) => end === '..' || isCalendarDate(end)),
    'expected a day on the calendar (a month 01–12, a day the month has)',
  )
  .refine((p) => {
    const [from = '', to = '..'] = p.split('/');
    return to === '..' || from <= to;
  }, 'the span ends before it starts');

/** Payroll rules of the cost of a seat: contributions, ceiling, minimum wage, and what no source establishes. */
const payrollBase = {
  fact: z.string().min(1),
  period: span.optional(),
  sources: sourceRefs,
  label: localized,
  note: localized.optional(),
};
const pct = z.number().min(0).max(100);
const payroll = defineCollection({
  loader: file('content/data/payroll.yaml'),
  schema: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('contribution'),
      ...payrollBase,
      confidence,
      employerPct: pct,
      employeePct: pct,
      capped: z.boolean(),
      includedIn: z.string().min(1).optional(),
    }),
    z.object({ kind: z.literal('ceiling'), ...payrollBase, confidence, monthlyMad: z.number().positive() }),
    z.object({
      kind: z.literal('monthly-hours'),
      ...payrollBase,
      confidence,
      hours: z.number().positive().max(300),
    }),
    z.object({
      kind: z.literal('minimum-wage'),
      ...payrollBase,
      confidence,
      hourlyMad: z.number().positive(),
      effectiveFrom: isoDate,
    }),
    z.object({ kind: z.literal('rule'), ...payrollBase, confidence }),
    z.object({ kind: z.literal('unknown'), ...payrollBase, note: localized }),
  ]),
});

/** content/data/changes.yaml: dated changes. `facts` names dataset rows (`figures:exports-2024`). */
const changes = defineCollection({
  loader: file('content/data/changes.yaml'),
  schema: z.object({
    date: isoDate,
    title: localized,
    summary: localized,
    facts: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9-]+:[a-zA-Z0-9.-]+$/, 'expected {dataset}:{row id}, e.g. figures:exports-2024'),
      )
      .default([]),
    pages: z
      .array(
        z.string().regex(/^\/([a-z0-9-]+\/)*$/, 'expected a path without language, e.g. /incentives/air/'),
      )
      .default([]),
  }),
});

const glossary = defineCollection({
  loader: file('content/data/glossary.yaml'),
  schema: z.object({
    term: z.string().min(1),
    /** A common noun (guichet unique), shown in the page's language in lower case rather than as a French term. */
    common: z.boolean().default(false),
    expansion: localized,
    definition: localized,
    sources: sourceRefs,
  }),
});

const pillars = defineCollection({
  loader: prose('pillars'),
  schema: page.extend({ order: z.number().int().min(1) }),
});
const parkPages = defineCollection({
  loader: prose('parkPages'),
  schema: page.extend({ park: reference('parks'), order: z.number().int().min(1) }),
});
const incentives = defineCollection({
  loader: prose('incentives'),
  schema: page.extend({
    rule: reference('incentiveRules').optional().describe('absent for the baseline tax regime page'),
    order: z.number().int().min(1),
  }),
});
const pages = defineCollection({ loader: prose('pages'), schema: page });

/** Setting up, in order: null where no source gives the field; a caveat where the step is not confirmed. */
const setupSteps = defineCollection({
  loader: file('content/data/setup-steps.yaml'),
  schema: z
    .object({
      fact: z.string().min(1),
      order: z.number().int().min(1),
      title: localized,
      body: localized.describe('the body responsible'),
      what: localized,
      documents: localized.nullable(),
      duration: localized.nullable(),
      legalBasis: localized.nullable(),
      address: z.url().nullable().describe('official web address, only where the facts give one'),
      addressNote: localized.optional(),
      confidence,
      caveat: localized.optional(),
      sources: sourceRefs,
    })
    .refine((s) => s.confidence === 'confirmed' || s.caveat !== undefined, {
      message: 'a single-source or conflicting step needs a caveat',
      path: ['caveat'],
    }),
});

/** Whom to contact: the bodies the steps name; address only where the facts give one. */
const publicBodies = defineCollection({
  loader: file('content/data/public-bodies.yaml'),
  schema: z.object({
    name: localized,
    role: localized,
    address: z.url().nullable(),
    addressNote: localized.optional(),
    steps: z.array(reference('setupSteps')).min(1),
  }),
});

export const collections = {
  sources,
  figures,
  parks,
  incentiveRules,
  milestones,
  tax,
  glossary,
  pillars,
  parkPages,
  incentives,
  pages,
  payroll,
  setupSteps,
  publicBodies,
  changes,
};
