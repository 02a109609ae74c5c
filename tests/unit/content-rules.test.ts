import { describe, expect, it } from 'vitest';
import {
  caveatProblems,
  confidenceProblems,
  copyProblems,
  newestSourceMonth,
  publisherKey,
  termProblems,
  type Term,
} from '../../src/lib/content-rules';
import { elementsWith, htmlTexts, mapHtmlText } from '../../src/lib/html-text';
import {
  arabicPunctuationProblems,
  frenchTypography,
  frenchTypographyProblems,
  mapStrings,
  mixedIsolateProblems,
  NBSP,
  NNBSP,
} from '../../src/lib/typography';

describe('publisherKey', () => {
  it.each([
    ['Hespress FR (via Maghress)', 'hespress fr'],
    ['Le Brief (citing the BAM 2024 annual report)', 'le brief'],
    ['  Bank   Al-Maghrib ', 'bank al-maghrib'],
  ])('%s → %s', (publisher, key) => expect(publisherKey(publisher)).toBe(key));
});

describe('confidenceProblems: confirmed needs two publishers', () => {
  const src = (id: string, publisher: string) => ({ id, publisher });
  it.each([
    ['one source', [src('a', 'P')], 1],
    [
      'two articles by one publisher',
      [src('a', 'Aujourd’hui le Maroc'), src('b', 'Aujourd’hui le Maroc (via Maghress)')],
      1,
    ],
    ['two publishers', [src('a', 'P'), src('b', 'Q')], 0],
    ['no source', [], 1],
  ])('%s', (_what, sources, count) => {
    expect(confidenceProblems([{ where: 'x', confidence: 'confirmed', sources }])).toHaveLength(count);
  });
  it('other labels are not the rule’s business', () => {
    expect(
      confidenceProblems([
        { where: 'x', confidence: 'single-source', sources: [src('a', 'P')] },
        { where: 'y', confidence: null, sources: [] },
      ]),
    ).toEqual([]);
  });
  it('names the item, the count and the publishers', () => {
    expect(
      confidenceProblems([
        { where: 'figures.yaml: f', confidence: 'confirmed', sources: [src('a', 'P'), src('b', 'P')] },
      ]),
    ).toEqual([
      'figures.yaml: f: labelled confirmed with 1 publisher (P); confirmed needs two sources from different publishers',
    ]);
  });
});

describe('caveatProblems', () => {
  const disputed = new Map([
    ['figure:x', 'conflicting'],
    ['rule:air.caps', 'unknown'],
    ['park:p.officeM2', 'conflicting'],
  ]);
  it('a disputed value with its mark inside passes, also nested or on the element itself', () => {
    const html =
      '<span data-figure="x"><data>5</data> <span><span class="fig-caveat" data-caveat>sources divergentes</span></span></span><span data-rule="air" data-param="caps" data-caveat>—</span>';
    expect(caveatProblems('f.html', html, disputed)).toEqual([]);
  });
  it('a disputed value without a mark fails; a confirmed one is not checked', () => {
    const html =
      '<g data-figure="x"><rect/><text>26,17</text></g><span data-figure="y">3</span><span data-park-value="p" data-field="officeM2">270 000 m²</span><span data-park-value="p" data-field="areaHa">53 ha</span>';
    expect(caveatProblems('f.html', html, disputed)).toEqual([
      'f.html: figure "x" (conflicting) shown without its caveat mark (data-caveat): "26,17"',
      'f.html: park "p.officeM2" (conflicting) shown without its caveat mark (data-caveat): "270 000 m²"',
    ]);
  });
  it('a mark after the element does not count', () => {
    expect(
      caveatProblems('f.html', '<span data-figure="x">5</span><span data-caveat>!</span>', disputed),
    ).toHaveLength(1);
  });
});

describe('copyProblems', () => {
  it('passes with the label, fails without it or when the entry is missing', () => {
    const html = '<ul><li id="src-a">A <span data-copy>copie</span></li><li id="src-b">B</li></ul>';
    expect(copyProblems('s.html', html, ['a'])).toEqual([]);
    expect(copyProblems('s.html', html, ['b', 'c'])).toEqual([
      's.html: source "b" is a copy but its entry has no copy label (data-copy)',
      's.html: source "c" is a copy but is not listed (no #src-c)',
    ]);
  });
});

describe('termProblems', () => {
  const terms: Term[] = [
    { id: 'estimator', preferred: { fr: 'simulateur' }, avoid: { fr: ['estimateur'], en: [] } },
    {
      id: 'one-stop-shop',
      preferred: { fr: 'guichet unique' },
      avoid: { fr: ['/(?<=\\p{Ll}\\s)Guichet unique/'] },
    },
    { id: 'anapec', preferred: { fr: 'ANAPEC' }, avoid: { fr: ["agence publique de l'emploi"] } },
  ];
  it('plain variants match whole words in any case, with either apostrophe', () => {
    expect(termProblems('p', 'fr', 'L’Estimateur et l’agence publique de l’emploi', terms)).toHaveLength(2);
    expect(termProblems('p', 'fr', 'les estimateurs sont…', terms)).toEqual([]);
  });
  it('regex variants keep their case: capitalised mid-sentence only', () => {
    expect(termProblems('p', 'fr', 'Guichet unique : voir le Guichet unique', terms)).toEqual([
      'p: "Guichet unique" is a wrong variant of "one-stop-shop" (fr: use "guichet unique")',
    ]);
  });
  it('only the page’s language is checked', () => {
    expect(termProblems('p', 'en', 'estimateur', terms)).toEqual([]);
  });
});

describe('newestSourceMonth', () => {
  it.each([
    [['2025-10 (approx.)', '2026-01-28', 'unknown', '2025/2026 (approx.)'], '2026-01'],
    [['2020', 'unknown'], null],
    [['2026-13'], null],
  ])('%j → %s', (dates, month) => expect(newestSourceMonth(dates)).toBe(month));
});

describe('frenchTypography', () => {
  it.each([
    ['Le taux : 17 %', `Le taux${NBSP}: 17${NBSP}%`],
    ['Qui paie ? Personne !', `Qui paie${NNBSP}? Personne${NNBSP}!`],
    ['un « plafond »', `un «${NNBSP}plafond${NNBSP}»`],
    ['a ; b', `a${NNBSP}; b`],
    ['le 1er juillet 2025', `le 1er${NBSP}juillet 2025`],
    ['{{value}} %', `{{value}}${NBSP}%`],
  ])('%s', (text, typeset) => expect(frenchTypography(text)).toBe(typeset));
  it.each(['https://x.ma/?a=1', 'à 12:30', 'A &amp; B', 'Tom &amp; Jerry ; ok'.slice(0, 11)])(
    'leaves %s alone',
    (text) => {
      expect(frenchTypography(text)).toBe(text);
    },
  );
  it('is idempotent and its result has no problem', () => {
    const once = frenchTypography('Taux : 20 % ; « cap » ? 5 ans !');
    expect(frenchTypography(once)).toBe(once);
    expect(frenchTypographyProblems(once)).toEqual([]);
  });
  it('a colon after an element keeps its space in the next text node', () => {
    expect(frenchTypography(' : suite')).toBe(`${NBSP}: suite`);
  });
});

describe('frenchTypographyProblems', () => {
  it('names each kind of ordinary space', () => {
    expect(frenchTypographyProblems('Taux : 20 % ; « cap » ?').map((p) => p.rule)).toEqual([
      'ordinary space before ; ! or ?',
      'ordinary space before ; ! or ?',
      'ordinary space before ":"',
      'ordinary space after «',
      'ordinary space before »',
      'ordinary space between a number and its unit',
    ]);
  });
});

describe('arabicPunctuationProblems', () => {
  it('flags Latin marks after Arabic words, not decimal commas', () => {
    expect(arabicPunctuationProblems('26,22 مليار، نعم؟')).toEqual([]);
    expect(arabicPunctuationProblems('نعم; لا').map((p) => p.rule)).toEqual([
      'Latin ";" after Arabic text (use «؛»)',
    ]);
  });
});

describe('mixedIsolateProblems', () => {
  it('flags Arabic and Latin isolated in the direction of a Latin first letter', () => {
    expect(
      mixedIsolateProblems(
        '<bdi>Hespress FR (عبر Maghress)</bdi> <cite dir="auto"><a href="x">[Rapport, ملخص]</a></cite>',
      ),
    ).toEqual([
      'laid out left to right: "Hespress FR (عبر Maghress)"',
      'laid out left to right: "[Rapport, ملخص]"',
    ]);
  });
  it('passes a run in the page direction, a Latin name, and Arabic that comes first', () => {
    expect(
      mixedIsolateProblems(
        '<bdi dir="rtl">Hespress FR (عبر Maghress)</bdi><bdi>CNSS</bdi><cite dir="auto">تقرير CNSS</cite>',
      ),
    ).toEqual([]);
  });
});

describe('mapStrings', () => {
  it('keeps the shape of a dictionary', () => {
    expect(mapStrings({ a: 'x : y', b: { c: ['z ?'] }, n: 3 }, frenchTypography)).toEqual({
      a: `x${NBSP}: y`,
      b: { c: [`z${NNBSP}?`] },
      n: 3,
    });
  });
});

describe('html-text', () => {
  it('mapHtmlText rewrites text and text attributes, not scripts, styles or other attributes', () => {
    const html =
      '<p title="a : b" data-x="c : d">e : f<script>g : h</script><style>i : j</style><code>k : l</code></p><meta name="description" content="m : n">';
    const out = mapHtmlText(html, (t) => t.replace(/ :/g, '#:'));
    expect(out).toBe(
      '<p title="a#: b" data-x="c : d">e#: f<script>g : h</script><style>i : j</style><code>k : l</code></p><meta name="description" content="m#: n">',
    );
  });
  it('htmlTexts lists the visible text nodes', () => {
    expect(htmlTexts('<p>a<b>b</b><script>x</script> </p>')).toEqual(['a', 'b']);
  });
  it('elementsWith finds nested elements with their inner HTML', () => {
    const found = elementsWith('<div data-k="1"><div data-k="2">x</div><br>y</div>', 'data-k');
    expect(found.map((e) => [e.attrs['data-k'], e.inner])).toEqual([
      ['2', 'x'],
      ['1', '<div data-k="2">x</div><br>y'],
    ]);
  });
});
