import { describe, expect, it } from 'vitest';
import {
  excerptRuns,
  formatCount,
  indexedAs,
  isPageType,
  landingAnchor,
  maxQueryLength,
  ligatureVariants,
  mergeResults,
  pluralTemplate,
  prepareQuery,
  indexableHtml,
  restoreApostrophes,
  templateParts,
  withFragment,
} from '../../src/lib/search';
import { pluralTemplates, useTranslations } from '../../src/i18n';
import { localeCodes, locales } from '../../src/i18n/locales';

describe('indexedAs', () => {
  it('marks the content element as the indexed body with its page type', () => {
    expect(indexedAs('park')).toEqual({ 'data-pagefind-body': '', 'data-pagefind-filter': 'type:park' });
  });
  it('knows the page types', () => {
    expect(isPageType('glossary')).toBe(true);
    expect(isPageType('estimator')).toBe(false);
    expect(isPageType(undefined)).toBe(false);
  });
});

describe('indexableHtml', () => {
  const text = (html: string) =>
    indexableHtml(html)
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  it('keeps the words of adjacent blocks apart in what Pagefind reads', () => {
    expect(text('<dl><dt>Région</dt><dd>Fès-Meknès</dd></dl>')).toBe('Région Fès-Meknès');
    expect(
      text('<table><caption>Parcs</caption><thead><tr><th>Parc</th><th>Ville</th></tr></thead></table>'),
    ).toBe('Parcs Parc Ville');
  });
  it('leaves inline elements and look-alike tags alone', () => {
    expect(indexableHtml('<strong>P</strong>2I <thead><data value="1">1</data>')).toBe(
      '<strong>P</strong>2I <thead><data value="1">1</data>',
    );
  });
  it('writes elisions with an ASCII apostrophe in text, not in attributes', () => {
    expect(
      indexableHtml('<h1 title="l’impôt">Avantage lié à l’impôt</h1><p>Morocco’s “talent” ‘pool’</p>'),
    ).toBe('<h1 title="l’impôt">Avantage lié à l\'impôt</h1><p>Morocco\'s “talent” ‘pool’</p>');
    expect(indexableHtml('<dd data-pagefind-filter="region:L’Oriental">L’Oriental</dd>')).toBe(
      ' <dd data-pagefind-filter="region:L’Oriental"> L\'Oriental </dd> ',
    );
  });
  it('is undone for display', () => {
    expect(restoreApostrophes("Avantage lié à l'impôt, Morocco's 'pool'")).toBe(
      "Avantage lié à l’impôt, Morocco’s 'pool'",
    );
  });
});

describe('prepareQuery', () => {
  it('trims and collapses white space', () => {
    expect(prepareQuery('  Fès \n  Shore ')).toEqual({ text: 'Fès Shore', truncated: false });
    expect(prepareQuery('   ')).toEqual({ text: '', truncated: false });
  });
  it('caps a long query at the limit and says so', () => {
    const { text, truncated } = prepareQuery('a'.repeat(1000));
    expect(truncated).toBe(true);
    expect(text).toHaveLength(maxQueryLength);
  });
  it('cuts before the word the limit falls in', () => {
    expect(prepareQuery('impôt '.repeat(40))).toEqual({ text: 'impôt '.repeat(33).trim(), truncated: true });
    expect(prepareQuery('taux impôt', 7)).toEqual({ text: 'taux', truncated: true });
    expect(prepareQuery('taux impôt', 4)).toEqual({ text: 'taux', truncated: true });
  });
  it('counts characters, not UTF-16 units, and does not split one', () => {
    const { text, truncated } = prepareQuery('😀'.repeat(5), 3);
    expect(truncated).toBe(true);
    expect(text).toBe('😀😀😀');
  });
  it('keeps markup as plain text (it is never parsed)', () => {
    expect(prepareQuery('<img src=x onerror=alert(1)>').text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('ligatureVariants', () => {
  it('spells œ both ways, and leaves a query without it alone', () => {
    expect(ligatureVariants('main d’oeuvre')).toEqual(['main d’oeuvre', 'main d’œuvre']);
    expect(ligatureVariants('Œuvre')).toEqual(['Œuvre', 'OEuvre']);
    expect(ligatureVariants('impôt')).toEqual(['impôt']);
  });
});

describe('mergeResults', () => {
  it('orders pages by their best rank in any spelling, the query as typed first at equal rank, each page once', () => {
    const merged = mergeResults([
      [
        { id: 'a', score: 1 },
        { id: 'b', score: 0.5 },
      ],
      [
        { id: 'a', score: 5 },
        { id: 'c', score: 2 },
      ],
      [
        { id: 'd', score: 9 },
        { id: 'c', score: 3 },
      ],
      [],
    ]);
    expect(merged.map((r) => [r.id, r.score])).toEqual([
      ['a', 1],
      ['d', 9],
      ['b', 0.5],
      ['c', 2],
    ]);
  });
});

describe('excerptRuns', () => {
  it('keeps <mark> runs and decodes entities', () => {
    expect(excerptRuns("l'État et la prime à la <mark>formation</mark> &amp; &lt;PAF&gt;")).toEqual([
      { text: 'l’État et la prime à la ', mark: false },
      { text: 'formation', mark: true },
      { text: ' & <PAF>', mark: false },
    ]);
  });
  it('keeps any other tag as the text it is (drawn with text nodes, never parsed), and a lone <', () => {
    expect(excerptRuns('a<img src=x onerror=alert(1)>b<mark>c</mark><b')).toEqual([
      { text: 'a<img src=x onerror=alert(1)>b', mark: false },
      { text: 'c', mark: true },
      { text: '<b', mark: false },
    ]);
    expect(excerptRuns('salaire < 6 000 MAD et R&D <mark>AIR</mark>')).toEqual([
      { text: 'salaire < 6 000 MAD et R&D ', mark: false },
      { text: 'AIR', mark: true },
    ]);
  });
  it('decodes numeric entities and leaves unknown ones', () => {
    expect(excerptRuns('&#39;&#x627;&bogus;')).toEqual([{ text: "'ا&bogus;", mark: false }]);
  });
});

describe('templateParts', () => {
  it('fills variables and keeps them apart from the literal text', () => {
    expect(templateParts('{{count}} results for “{{query}}”', { count: '3', query: '<b>' })).toEqual([
      { text: '3', name: 'count' },
      { text: ' results for “' },
      { text: '<b>', name: 'query' },
      { text: '”' },
    ]);
  });
  it('leaves unknown placeholders as they are', () => {
    expect(templateParts('a {{x}}', {})).toEqual([{ text: 'a ' }, { text: '{{x}}' }]);
  });
});

describe('formatCount', () => {
  it('writes every count as Intl.NumberFormat does in each language', () => {
    for (const lang of localeCodes) {
      const { intl } = locales[lang];
      const format = new Intl.NumberFormat(intl);
      for (const count of [...Array(1001).keys(), 1234, 25_000, 1_000_000])
        expect(formatCount(count, intl), `${lang} ${count}`).toBe(format.format(count));
    }
  });
  it('groups thousands in the language’s way, with Latin digits in Arabic', () => {
    expect(formatCount(2312, 'en-US')).toBe('2,312');
    expect(formatCount(2312, 'ar-MA')).toMatch(/^2\D?312$/);
    expect(formatCount(2312, 'fr-FR')).toBe('2\u202f312');
  });
});

describe('pluralTemplate', () => {
  it('chooses the same form as i18next for every count in every language', () => {
    for (const lang of localeCodes) {
      const t = useTranslations(lang);
      const templates = pluralTemplates(lang, 'search.results');
      expect(Object.keys(templates).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
      for (const count of [0, 1, 2, 3, 10, 11, 99, 100, 101, 1000000]) {
        const ours = pluralTemplate(templates, count, locales[lang].intl)
          .replace('{{count}}', String(count))
          .replace('{{query}}', 'q');
        expect(ours, `${lang} ${count}`).toBe(t('search.results', { count, query: 'q' }));
      }
    }
  });
  it('uses the Arabic dual and plural forms', () => {
    const ar = pluralTemplates('ar', 'search.results');
    expect(pluralTemplate(ar, 2, 'ar-MA')).toBe(ar.two);
    expect(pluralTemplate(ar, 7, 'ar-MA')).toBe(ar.few);
    expect(pluralTemplate(ar, 25, 'ar-MA')).toBe(ar.many);
  });
});

describe('landingAnchor', () => {
  const anchors = [
    { element: 'h1', id: 'top', location: 0 },
    { element: 'h2', id: 'terms', location: 30 },
    { element: 'div', id: 'term-ito', location: 31 },
    { element: 'div', id: 'term-kpo', location: 60 },
  ];
  it('lands on the closest element with an id before the first match', () => {
    expect(landingAnchor([64, 40], anchors)).toBe('term-ito');
    expect(landingAnchor([61], anchors)).toBe('term-kpo');
    expect(landingAnchor([30], anchors)).toBe('terms');
  });
  it('lands on the page itself before any anchor, or without matches', () => {
    expect(landingAnchor([3], anchors)).toBeUndefined();
    expect(landingAnchor([], anchors)).toBeUndefined();
  });
  it('replaces a fragment', () => {
    expect(withFragment('/fr/glossary/#terms', 'term-kpo')).toBe('/fr/glossary/#term-kpo');
    expect(withFragment('/ar/x/', 'ما-تموله')).toBe('/ar/x/#%D9%85%D8%A7-%D8%AA%D9%85%D9%88%D9%84%D9%87');
    expect(withFragment('/fr/x/#a', undefined)).toBe('/fr/x/');
  });
});
