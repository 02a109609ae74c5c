/**
 * The content rules that read the sources (data, MDX, UI strings): confidence labels
 * match their sources, and one term per concept. Each rule also runs on a fixture of
 * tests/fixtures/bad-content/ that breaks it, and the error names the fixture. The rules that read
 * the built pages (caveat marks, copy labels, typography) run in tests/e2e/content-rules.test.ts;
 * their fixtures are checked here, as they need no build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caveatProblems, confidenceProblems, copyProblems, termProblems } from '../../src/lib/content-rules';
import { arabicPunctuationProblems, frenchTypographyProblems } from '../../src/lib/typography';
import { htmlTexts } from '../../src/lib/html-text';
import { copySources, disputedValues, labelledItems, loadData, termbase } from '../support/content-data';
import { localeCodes, root } from '../support/site';

const fixture = (name: string) => `tests/fixtures/bad-content/${name}`;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('confidence: "confirmed" needs two sources from different publishers', () => {
  it('every figure, milestone, park, tax table, rule and rule parameter in content/data', () => {
    const problems = confidenceProblems(labelledItems());
    expect(problems, problems.join('\n')).toEqual([]);
  });
  it('a figure labelled confirmed on one source fails, naming the fixture and the rule', () => {
    expect(confidenceProblems(labelledItems([fixture('one-source-confirmed.yaml')]))).toEqual([
      `${fixture('one-source-confirmed.yaml')}: one-source-figure: labelled confirmed with 1 publisher (Bladi); confirmed needs two sources from different publishers`,
    ]);
  });
});

describe('caveats: a conflicting or unknown value is never shown without its mark (fixture; built pages in e2e)', () => {
  it('a conflicting figure and a conflicting park shown bare fail, naming the fixture', () => {
    const problems = caveatProblems(fixture('caveat-missing.html'), read(fixture('caveat-missing.html')), disputedValues());
    expect(problems).toEqual([
      `${fixture('caveat-missing.html')}: figure "exports-2023" (conflicting) shown without its caveat mark (data-caveat): "26,17"`,
      `${fixture('caveat-missing.html')}: park "casanearshore.officeM2" (conflicting) shown without its caveat mark (data-caveat): "270 000 m² (2021)"`,
      `${fixture('caveat-missing.html')}: rule "air.caps" (unknown) shown without its caveat mark (data-caveat): "—"`,
    ]);
  });
});

describe('copies: an aggregator or mirror copy is labelled on the sources page (fixture; built page in e2e)', () => {
  it('content/data/sources.yaml marks the maghress.com and usercontent copies', () => {
    const copies = new Set(copySources());
    const unmarked = loadData('sources.yaml').filter((s) => /maghress\.com|usercontent/.test(String(s.url)) && !copies.has(s.id)).map((s) => s.id);
    expect(unmarked, `aggregator or mirror URLs without copy: true: ${unmarked.join(', ')}`).toEqual([]);
  });
  it('a copy listed without its label fails, naming the fixture', () => {
    expect(copyProblems(fixture('copy-unlabelled.html'), read(fixture('copy-unlabelled.html')), ['hespress-fr-2025-10'])).toEqual([
      `${fixture('copy-unlabelled.html')}: source "hespress-fr-2025-10" is a copy but its entry has no copy label (data-copy)`,
    ]);
  });
});

describe('typography (fixtures; built pages in e2e)', () => {
  it('French text with ordinary spaces before ":" and "?", inside « » and before % fails, naming the fixture', () => {
    const problems = htmlTexts(read(fixture('typography-fr.html'))).flatMap(frenchTypographyProblems).map((p) => `${fixture('typography-fr.html')}: ${p.rule}`);
    expect(problems).toEqual([
      `${fixture('typography-fr.html')}: ordinary space before ; ! or ?`,
      `${fixture('typography-fr.html')}: ordinary space before ":"`,
      `${fixture('typography-fr.html')}: ordinary space after «`,
      `${fixture('typography-fr.html')}: ordinary space before »`,
      `${fixture('typography-fr.html')}: ordinary space between a number and its unit`,
    ]);
  });
  it('Arabic text with a Latin comma and question mark fails, naming the fixture', () => {
    const problems = htmlTexts(read(fixture('punctuation-ar.html'))).flatMap(arabicPunctuationProblems).map((p) => `${fixture('punctuation-ar.html')}: ${p.rule}`);
    expect(problems).toEqual([
      `${fixture('punctuation-ar.html')}: Latin "?" after Arabic text (use «؟»)`,
      `${fixture('punctuation-ar.html')}: Latin "," after Arabic text (use «،»)`,
    ]);
  });
});

describe('termbase: one term per concept in each language (content/data/termbase.yaml)', () => {
  const terms = termbase();
  const mdx = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).map((f) => `content/${f}`);
  /** The words of an MDX file a reader sees: frontmatter title and description, and the body without tags. */
  const prose = (text: string) => text.replace(/^---[\s\S]*?\n(title: .*)\n(description: .*)\n[\s\S]*?---/, '$1\n$2').replace(/<[^>]+>/g, ' ');
  const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);

  it('every entry has a preferred term in every language', () => {
    const missing = terms.flatMap((t) => localeCodes.filter((l) => !t.preferred?.[l]).map((l) => `${t.id}: preferred.${l}`));
    expect(missing, missing.join('\n')).toEqual([]);
  });
  it('no wrong variant in any page (content/**/*.mdx)', () => {
    const problems = mdx.flatMap((f) => termProblems(f, f.split('/')[2] ?? '', prose(read(f)), terms));
    expect(problems, problems.join('\n')).toEqual([]);
  });
  it('no wrong variant in any UI string (src/i18n/ui/*.json)', () => {
    const problems = localeCodes.flatMap((l) => termProblems(`src/i18n/ui/${l}.json`, l, strings(JSON.parse(read(`src/i18n/ui/${l}.json`))).join('\n'), terms));
    expect(problems, problems.join('\n')).toEqual([]);
  });
  it('no wrong variant in the labels and notes of content/data', () => {
    const problems = readdirSync(join(root, 'content/data')).filter((f) => f.endsWith('.yaml') && f !== 'termbase.yaml').flatMap((f) => {
      const rows = loadData(f);
      return localeCodes.flatMap((l) => termProblems(`content/data/${f}`, l, rows.flatMap((r) => Object.values(r).flatMap((v) => (v && typeof v === 'object' && l in v ? strings((v as Record<string, unknown>)[l]) : []))).join('\n'), terms));
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });
  it('a page with wrong variants fails, naming the fixture and the term', () => {
    const f = fixture('wrong-terms.mdx');
    expect(termProblems(f, 'fr', prose(read(f)), terms)).toEqual([
      `${f}: "estimateur" is a wrong variant of "estimator" (fr: use "simulateur")`,
      `${f}: "entreprise offshoring" is a wrong variant of "offshoring-adjective" (fr: use "d’offshoring")`,
    ]);
    expect(termProblems(f, 'ar', 'يمرّ كل شيء عبر الشباك الوحيد (Guichet unique)', terms)).toEqual([
      `${f}: "Guichet unique" is a wrong variant of "one-stop-shop" (ar: use "الشباك الوحيد")`,
      `${f}: "يمرّ كل شيء عبر الشباك" is a wrong variant of "one-stop-shop" (ar: use "الشباك الوحيد")`,
    ]);
  });
});

describe('dates: `updated` (page last edited) closes every frontmatter block', () => {
  it('every MDX file ends its frontmatter with updated: "YYYY-MM-DD", and none says lastVerified', () => {
    const mdx = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    const bad = mdx.flatMap((f) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(read(`content/${f}`))?.[1] ?? '';
      const last = front.split('\n').at(-1) ?? '';
      return /^updated: "\d{4}-\d{2}-\d{2}"$/.test(last) && !/^lastVerified:/m.test(front) ? [] : [`content/${f}: last frontmatter line is "${last}"`];
    });
    expect(bad, bad.join('\n')).toEqual([]);
  });
});
