/**
 * The content rules on the built site, as a reader gets it: every page (the brochure
 * page is what the PDF prints, og:title what the social image draws). Each rule's breaking fixture
 * is run in tests/content/content-rules.test.ts.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caveatProblems, copyProblems } from '../../src/lib/content-rules';
import { htmlTexts } from '../../src/lib/html-text';
import {
  arabicPunctuationProblems,
  frenchTypographyProblems,
  mixedIsolateProblems,
} from '../../src/lib/typography';
import { builtPages, read } from '../support/built';
import { copySources, disputedValues } from '../support/content-data';
import { sourceKinds } from '../../src/lib/sources';
import { dist, localeCodes } from '../support/site';

const pages = builtPages().map((p) => ({ ...p, name: relative(dist, p.file), html: read(p.file) }));
const inLang = (lang: string) => pages.filter((p) => p.name.startsWith(`${lang}/`));
/** Text of the meta tags a share preview and the social image use. */
const metaTexts = (html: string) =>
  [
    ...html.matchAll(/<meta (?:property|name)="(?:og:title|og:description|description)" content="([^"]*)"/g),
  ].map((m) => m[1] ?? '');

describe('a conflicting or unknown value is never shown without its caveat mark', () => {
  const disputed = disputedValues();
  it('on every built page: prose, tables, charts and the brochure', () => {
    const problems = pages.flatMap((p) => caveatProblems(p.name, p.html, disputed));
    expect(problems, problems.join('\n')).toEqual([]);
  });
  it('the check has something to check: disputed values are on the pages, marked', () => {
    const marked = pages.filter(
      (p) => /data-caveat/.test(p.html) && /data-(?:figure|park-value|rule)=/.test(p.html),
    );
    expect(marked.length).toBeGreaterThan(10);
  });
});

describe('aggregator and mirror copies are labelled on the lists of sources', () => {
  it('the sources include copies, and each is of a kind that has its list', () => {
    expect(copySources().length).toBeGreaterThan(0);
    expect(sourceKinds.flatMap((kind) => copySources(undefined, kind)).sort()).toEqual(copySources().sort());
  });
  it.each(localeCodes.flatMap((lang) => sourceKinds.map((kind) => `${lang}/sources/${kind}/index.html`)))(
    '%s',
    (name) => {
      const page = pages.find((p) => p.name === name);
      expect(page, name).toBeDefined();
      expect(copyProblems(name, page!.html, copySources(undefined, name.split('/')[2]))).toEqual([]);
    },
  );
});

describe('French typography is applied by the build', () => {
  it('no ordinary space before ; : ! ?, inside « », or between a number and its unit, on any French page', () => {
    const problems = inLang('fr').flatMap((p) =>
      [...htmlTexts(p.html), ...metaTexts(p.html)]
        .flatMap(frenchTypographyProblems)
        .map((x) => `${p.name}: ${x.rule}: "${x.context}"`),
    );
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  });
  it('the French pages do carry the no-break spaces', () => {
    const home = inLang('fr').find((p) => p.name === 'fr/index.html')!;
    expect(home.html).toMatch(/\u00a0:/);
    expect(home.html).toMatch(/\d\u00a0%|\d\u202f%/);
  });
});

describe('Arabic punctuation', () => {
  it('no Latin comma, semicolon or question mark after Arabic words on any Arabic page', () => {
    const problems = inLang('ar').flatMap((p) =>
      [...htmlTexts(p.html), ...metaTexts(p.html)]
        .flatMap(arabicPunctuationProblems)
        .map((x) => `${p.name}: ${x.rule}: "${x.context}"`),
    );
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  });
  it('no isolated Arabic note around a Latin name is laid out left to right (a publisher "X (عبر Y)")', () => {
    const problems = inLang('ar').flatMap((p) => mixedIsolateProblems(p.html).map((x) => `${p.name}: ${x}`));
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  });
});

describe('dates say what they mean', () => {
  it('no page claims the facts were verified on a day; each says when its sources stop', () => {
    const claims = pages
      .filter((p) =>
        /Faits vérifiés|Dernière vérification|Facts verified|Last verified|تاريخ التحقق|آخر تحقق/.test(
          p.html,
        ),
      )
      .map((p) => p.name);
    expect(claims).toEqual([]);
    for (const lang of localeCodes)
      expect(inLang(lang).find((p) => p.name === `${lang}/index.html`)?.html).toContain('data-sources-up-to');
  });
});

describe('the estimator page gives the exchange regime, not an example rate', () => {
  it.each(localeCodes)('%s', (lang) => {
    const html = pages.find((p) => p.name === `${lang}/incentives/estimator/index.html`)!.html;
    for (const id of ['fx-basket-eur-weight', 'fx-basket-usd-weight', 'fx-fluctuation-band'])
      expect(html).toContain(`data-figure="${id}"`);
    const script = read(join(dist, lang, 'incentives', 'estimator-data.js'));
    const payload = JSON.parse(/^self\.estimatorData=([\s\S]*);\n$/.exec(script)?.[1] ?? '{}') as {
      text?: { results?: { rateError?: string } };
    };
    expect(payload.text?.results?.rateError).toBeTruthy();
    expect(payload.text?.results?.rateError).not.toMatch(/\d/);
  });
});
