import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/lib/csv';
import {
  datasetCsv,
  figureRows,
  parkRows,
  payrollRows,
  ruleRows,
  type RowContext,
} from '../../src/lib/datasets';
import { datasetModified, diffReleases, unexplained } from '../../src/lib/changes';
import { dataset } from '../../src/lib/jsonld';
import { resources } from '../../src/i18n';
import { atomDate, atomFeed } from '../../src/lib/atom';
import { estimateCsv, labelOf } from '../../src/lib/estimate-csv';
import { isOutdated, translationStatus } from '../../src/lib/translation-status';
import { proseRoute } from '../../src/lib/prose';

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, quotes only what needs it', () => {
    expect(
      toCsv(
        ['id', 'value'],
        [
          ['a', 1.5],
          ['b "x", y', 2],
          ['line\nbreak', -3],
        ],
      ),
    ).toBe('\uFEFFid,value\r\na,1.5\r\n"b ""x"", y",2\r\n"line\nbreak",-3\r\n');
  });
  it('keeps Arabic text and leading spaces intact through a round trip', () => {
    const rows = [
      ['صادرات القطاع، سنة 2024', ' lead'],
      ['a,b', ''],
    ];
    expect(parseCsv(toCsv(['label', 'x'], rows))).toEqual([['label', 'x'], ...rows]);
  });
  it('keeps text a spreadsheet would run as a formula as text, and leaves numbers and -5 % alone', () => {
    expect(
      parseCsv(
        toCsv(
          ['x'],
          [['=HYPERLINK("http://x","y")'], ['+33 6 12'], ['@SUM(A1)'], ['-cmd'], ['-5 %'], [-2.2]],
        ),
      ),
    ).toEqual([
      ['x'],
      ['\'=HYPERLINK("http://x","y")'],
      ["'+33 6 12"],
      ["'@SUM(A1)"],
      ["'-cmd"],
      ['-5 %'],
      ['-2.2'],
    ]);
  });
  it('refuses a row of the wrong length and a number a spreadsheet cannot read', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow('CSV row 1 has 1 fields, the header 2');
    expect(() => toCsv(['a'], [[Number.NaN]])).toThrow('NaN');
  });
});

const sources = {
  s1: { id: 's1', publisher: 'P', title: 'T, t', url: 'https://e.x/1', date: '2025', copy: false },
  s2: { id: 's2', publisher: 'Q', title: 'U', url: 'https://e.x/2', date: '2024', copy: true },
};
const ctx: RowContext = {
  languages: ['fr', 'en'],
  source: (id) => sources[id as keyof typeof sources],
  caveats: {
    fr: { confirmed: 'ok', 'single-source': 'une source', conflicting: 'désaccord' },
    en: { confirmed: 'ok', 'single-source': 'one source', conflicting: 'disagree' },
  },
};

describe('dataset rows', () => {
  it('a figure keeps its id, value, unit, period and sources, and gets the caveat of its confidence', () => {
    const [row] = figureRows(
      [
        {
          id: 'f',
          value: 26.22,
          unit: 'mad-billion',
          qualifier: 'about',
          period: '2024',
          label: { fr: 'L', en: 'L' },
          confidence: 'single-source',
          sources: ['s1', 's2'],
        },
      ],
      ctx,
    );
    expect(row).toMatchObject({
      id: 'f',
      value: 26.22,
      unit: 'mad-billion (about)',
      period: '2024',
      confidence: 'single-source',
      caveat: { fr: 'une source', en: 'one source' },
      note: null,
    });
    expect(row!.sources.map((s) => [s.id, s.copy])).toEqual([
      ['s1', false],
      ['s2', true],
    ]);
  });

  it('a rule gives a row per parameter, one per location, and keeps unknown parameters as null', () => {
    const rows = ruleRows(
      [
        {
          id: 'air',
          code: 'AIR',
          effectiveFrom: '2025-07-01',
          effectiveTo: '2030-12-31',
          confidence: 'confirmed',
          sources: ['s1'],
          parameters: {
            rate: {
              value: 20,
              unit: 'percent',
              byLocation: { a: 20, b: null },
              confidence: 'confirmed',
              sources: ['s2'],
            },
            base: { value: 'rbi', confidence: 'confirmed' },
            caps: { value: null, confidence: null },
          },
        },
      ],
      {
        params: {
          fr: { rate: 'Taux', base: 'Assiette', caps: 'Plafonds' },
          en: { rate: 'Rate', base: 'Base', caps: 'Caps' },
        },
        locations: { fr: { a: 'A', b: 'B' }, en: { a: 'A', b: 'B' } },
        values: { fr: { rbi: 'RBI' }, en: { rbi: 'gross income' } },
      },
      ctx,
    );
    expect(rows.map((r) => [r.id, r.value, r.confidence])).toEqual([
      ['air.rate', 20, 'confirmed'],
      ['air.rate.a', 20, 'confirmed'],
      ['air.rate.b', null, null],
      ['air.base', 'rbi', 'confirmed'],
      ['air.caps', null, null],
    ]);
    expect(rows[0]!.sources.map((s) => s.id)).toEqual(['s2']);
    expect(rows[3]!.sources.map((s) => s.id)).toEqual(['s1']);
    expect(rows[3]!.valueText).toEqual({ fr: 'RBI', en: 'gross income' });
    expect(rows[1]!.label.en).toBe('AIR — Rate — A');
  });

  it('a park gives its area, office space, jobs and opening, unknown ones as null and unrated', () => {
    const rows = parkRows(
      [
        {
          id: 'p',
          name: { fr: 'P', en: 'P' },
          areaHa: 53,
          officeM2: null,
          opened: 'unknown',
          confidence: 'confirmed',
          sources: ['s1'],
        },
      ],
      {
        fr: {
          area: 'Superficie',
          office: 'Bureaux',
          jobs: 'Emplois',
          opened: 'Ouverture',
          notYet: 'pas encore ouvert',
        },
        en: { area: 'Area', office: 'Office', jobs: 'Jobs', opened: 'Opened', notYet: 'not yet open' },
      },
      ctx,
    );
    expect(rows.map((r) => [r.id, r.value, r.unit, r.confidence])).toEqual([
      ['p.area', 53, 'hectares', 'confirmed'],
      ['p.office', null, 'm2', null],
      ['p.jobs', null, 'jobs', null],
      ['p.opened', null, null, null],
    ]);
  });

  it("a park's figure rated on its own keeps that rating, and the office figure its year", () => {
    const rows = parkRows(
      [
        {
          id: 'p',
          name: { fr: 'P', en: 'P' },
          areaHa: 107,
          officeM2: 70000,
          officeYear: 2020,
          opened: 2008,
          confidence: 'confirmed',
          fieldConfidence: { officeM2: 'single-source' },
          sources: ['s1'],
        },
      ],
      {
        fr: { area: 'S', office: 'B', jobs: 'E', opened: 'O', notYet: 'pas encore ouvert' },
        en: { area: 'A', office: 'O', jobs: 'J', opened: 'O', notYet: 'not yet open' },
      },
      ctx,
    );
    expect(rows.map((r) => [r.id, r.period, r.confidence])).toEqual([
      ['p.area', null, 'confirmed'],
      ['p.office', '2020', 'single-source'],
      ['p.jobs', null, null],
      ['p.opened', null, 'confirmed'],
    ]);
  });

  it('a park not yet open says so in each language', () => {
    const [opened] = parkRows(
      [
        {
          id: 'q',
          name: { fr: 'Q', en: 'Q' },
          areaHa: null,
          officeM2: null,
          opened: 'not-yet',
          confidence: 'single-source',
          sources: ['s1'],
        },
      ],
      {
        fr: { area: 'S', office: 'B', jobs: 'E', opened: 'O', notYet: 'pas encore ouvert' },
        en: { area: 'A', office: 'O', jobs: 'J', opened: 'O', notYet: 'not yet open' },
      },
      ctx,
    ).filter((r) => r.id === 'q.opened');
    expect(opened).toMatchObject({
      value: 'not-yet',
      confidence: 'single-source',
      valueText: { fr: 'pas encore ouvert', en: 'not yet open' },
    });
  });

  it('the CSV has one line per row, a column per language, and sources joined in order', () => {
    const rows = figureRows(
      [
        {
          id: 'f',
          value: 1,
          unit: 'count',
          period: '2024',
          label: { fr: 'é', en: 'e' },
          confidence: 'confirmed',
          sources: ['s1', 's2'],
        },
      ],
      ctx,
    );
    const [header, line, ...rest] = parseCsv(datasetCsv(rows, ['fr', 'en']));
    expect(rest).toEqual([]);
    const get = (col: string) => line![header!.indexOf(col)];
    expect([
      get('id'),
      get('value'),
      get('label_fr'),
      get('label_en'),
      get('source_titles'),
      get('source_is_copy'),
      get('caveat_en'),
    ]).toEqual(['f', '1', 'é', 'e', 'T, t | U', 'no | yes', '']);
  });
});

describe('diffReleases and unexplained', () => {
  const r = (id: string, value: number | null, confidence = 'confirmed') => ({
    id,
    value,
    unit: 'percent',
    period: '2025',
    confidence,
  });
  it('finds changed, added and removed facts, ignoring rows that did not move', () => {
    const d = diffReleases(
      { rules: [r('a', 1), r('b', 2), r('c', 3)] },
      { rules: [r('a', 1), r('b', 2, 'single-source'), r('d', 4)] },
    );
    expect(d.map((x) => [x.fact, x.kind])).toEqual([
      ['rules:b', 'changed'],
      ['rules:c', 'removed'],
      ['rules:d', 'added'],
    ]);
  });
  it('an entry naming a parameter covers its per-location rows, not its neighbours', () => {
    const d = diffReleases(
      { r: [r('air.rate.x', 1), r('air.rates', 1)] },
      { r: [r('air.rate.x', 2), r('air.rates', 2)] },
    );
    expect(
      unexplained(d, [{ id: 'e', date: '2026-12-01', facts: ['r:air.rate'] }], '2026-11-27').map(
        (x) => x.fact,
      ),
    ).toEqual(['r:air.rates']);
  });
});

describe('atomFeed', () => {
  const xml = atomFeed({
    id: 'https://x/fr/changes/',
    title: 'Modifs & <co>',
    lang: 'fr',
    updated: '2026-12-01',
    self: 'https://x/fr/changes.xml',
    alternate: 'https://x/fr/changes/',
    author: 'A',
    entries: [
      {
        id: 'https://x/fr/changes/#e',
        title: 'T',
        updated: '2026-12-01',
        link: 'https://x/fr/changes/#e',
        summary: 'S "q"',
      },
    ],
  });
  it('has the elements RFC 4287 requires, dates in RFC 3339, text escaped', () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="fr">/,
    );
    expect(xml).toContain('<title>Modifs &amp; &lt;co&gt;</title>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://x/fr/changes.xml"/>');
    expect(xml).toContain('<updated>2026-12-01T00:00:00Z</updated>');
    expect(xml).toContain('<summary>S &quot;q&quot;</summary>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(atomDate('2026-12-01T10:00:00Z')).toBe('2026-12-01T10:00:00Z');
  });
});

describe('estimateCsv', () => {
  const base = {
    header: ['Kind', 'Label', 'Value', 'Unit', 'Notes'] as [string, string, string, string, string],
    kinds: { input: 'input', result: 'result', summary: 'summary' },
  };
  it('writes the inputs, each amount rounded to the dirham as on screen, the words where there is none, and the summary', () => {
    const text = estimateCsv({
      ...base,
      inputs: [
        { label: 'Hires', value: '40' },
        { label: 'Location', value: 'Fès, Oujda' },
      ],
      lines: [
        {
          label: 'AIR',
          cells: [
            { label: 'Per year', amount: 1625999.6, text: '' },
            { label: 'Per person', amount: null, text: 'Unknown' },
          ],
          assumptions: ['a', 'b'],
        },
      ],
      summary: [{ label: 'Per hire', amount: 40650.4 }],
      note: 'Estimate',
    });
    expect(parseCsv(text)).toEqual([
      ['Kind', 'Label', 'Value', 'Unit', 'Notes'],
      ['input', 'Hires', '40', '', ''],
      ['input', 'Location', 'Fès, Oujda', '', ''],
      ['result', 'AIR — Per year', '1626000', 'MAD', 'a / b'],
      ['result', 'AIR — Per person', 'Unknown', '', 'a / b'],
      ['summary', 'Per hire', '40650', 'MAD', ''],
      ['summary', 'Estimate', '', '', ''],
    ]);
  });
  it('labelOf drops the amount placeholder and the colon before it', () => {
    expect(labelOf('Value per hire in the first year (AIR, PAE and PAF): {{amount}}')).toBe(
      'Value per hire in the first year (AIR, PAE and PAF)',
    );
    expect(labelOf('المجموع: {{amount}}')).toBe('المجموع');
  });
});

describe('translationStatus', () => {
  const e = (collection: string, slug: string, lang: string, edited: string) => ({
    collection,
    slug,
    lang,
    title: `${slug}-${lang}`,
    edited,
  });
  it('flags each translation edited before its French text, and only those', () => {
    const rows = translationStatus(
      [
        e('pillars', 'x', 'fr', '2026-12-01'),
        e('pillars', 'x', 'en', '2026-11-27'),
        e('pillars', 'x', 'ar', '2026-12-01'),
        e('pages', 'home', 'en', '2026-11-01'),
        e('pages', 'home', 'fr', '2026-11-01'),
      ],
      'fr',
    );
    expect(rows.map((r) => [r.key, r.outdated])).toEqual([
      ['pages/home', []],
      ['pillars/x', ['en']],
    ]);
    expect(rows[1]!.edited).toEqual({ fr: '2026-12-01', en: '2026-11-27', ar: '2026-12-01' });
    expect(isOutdated('2026-12-02', '2026-12-01')).toBe(false);
  });
  it('knows where each entry is published', () => {
    expect([
      proseRoute('pillars', 'human-capital'),
      proseRoute('pages', 'home'),
      proseRoute('pages', 'estimator'),
      proseRoute('pages', 'glossary'),
      proseRoute('parkPages', 'fes-shore'),
      proseRoute('pages', 'parks'),
    ]).toEqual([
      '/pillars/human-capital/',
      '/',
      '/incentives/estimator/',
      '/glossary/',
      '/parks/fes-shore/',
      '/parks/',
    ]);
  });
});

describe('payroll rows', () => {
  const sides = {
    fr: { employer: 'Employeur', employee: 'Salarié' },
    en: { employer: 'Employer', employee: 'Employee' },
  };
  it('name each side of a contribution in the row’s language, with the period as a span', () => {
    const rows = payrollRows(
      [
        {
          id: 'amo',
          kind: 'contribution',
          period: '2016-01-01/..',
          employerPct: 2.26,
          employeePct: 2.26,
          capped: false,
          label: { fr: 'AMO', en: 'AMO' },
          confidence: 'confirmed',
          sources: ['s1'],
        },
        { id: 'premium', kind: 'unknown', label: { fr: 'Prime', en: 'Premium' }, sources: ['s1'] },
        {
          id: 'deductible',
          kind: 'rule',
          label: { fr: 'Déduites', en: 'Deducted' },
          confidence: 'confirmed',
          sources: ['s1'],
        },
      ],
      sides,
      ctx,
    );
    expect(rows.map((r) => [r.id, r.label, r.period])).toEqual([
      ['amo.employer', { fr: 'AMO (employeur)', en: 'AMO (employer)' }, '2016-01-01/..'],
      ['amo.employee', { fr: 'AMO (salarié)', en: 'AMO (employee)' }, '2016-01-01/..'],
      ['premium', { fr: 'Prime', en: 'Premium' }, null],
      ['deductible', { fr: 'Déduites', en: 'Deducted' }, null],
    ]);
    // Unknown: no value and no rating; a rule in words: the code that it applies, with its rating.
    expect(rows.slice(2).map((r) => [r.value, r.confidence])).toEqual([
      [null, null],
      ['applies', 'confirmed'],
    ]);
  });
});

describe('when a dataset changed', () => {
  const entries = [
    { id: 'start', date: '2026-12-01', facts: ['figures:a'] },
    { id: 'later', date: '2027-03-02', facts: ['figures:b', 'incentive-rules:air.rate'] },
    { id: 'wording', date: '2027-04-01', facts: [] },
  ];
  it('is the newest entry naming one of its rows, else the start of the record', () => {
    expect(datasetModified('figures', entries)).toBe('2027-03-02');
    expect(datasetModified('incentive-rules', entries)).toBe('2027-03-02');
    expect(datasetModified('parks', entries)).toBe('2026-12-01');
    expect(() => datasetModified('parks', [])).toThrow('no entry');
  });
});

describe('Dataset structured data', () => {
  it('has a description of 50 to 5,000 characters for every dataset in every language', () => {
    for (const [lang, d] of Object.entries(resources))
      for (const [name, { about }] of Object.entries(d.openData.datasets))
        expect([...about].length, `${lang} openData.datasets.${name}.about`).toBeGreaterThanOrEqual(50);
  });
  it('refuses a shorter description, naming the dataset', () => {
    const o = {
      name: 'X — dates',
      url: 'u',
      license: 'l',
      creator: 'c',
      dateModified: '2026-12-01',
      languages: ['en'],
      files: [],
    };
    expect(() => dataset({ ...o, description: 'Dates of the offer, as YYYY-MM-DD.' })).toThrow(
      'Dataset "X — dates"',
    );
    expect(
      dataset({ ...o, description: 'Dates of the offer, its texts and parks, as YYYY-MM-DD.' })['@type'],
    ).toBe('Dataset');
  });
});
