/**
 * Bad input fails the build with a message naming the file and the problem, in builds of a
 * project copy: three frontmatter fields, two sources and an incentive rule that break a schema
 * (Astro stops at the first one, before bundling, so each is a few seconds), then every kind of
 * broken reference at once, which src/data/integrity.ts reports together before the first page
 * renders.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localeCodes, root } from '../support/site';
import { sandbox } from '../support/sandbox';

type Box = ReturnType<typeof sandbox>;
const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');

/** Copies a fixture of tests/fixtures/bad-content/ into content/{collection}/{lang}/ of a project copy. */
function place(box: Box, fixture: string, collection: string, langs: readonly string[] = localeCodes) {
  for (const lang of langs)
    copyFileSync(
      join(root, 'tests/fixtures/bad-content', fixture),
      join(box.dir, 'content', collection, lang, fixture),
    );
}

describe('frontmatter that breaks a schema fails the build with the file and the field', () => {
  let box: Box | undefined;
  afterEach(() => box?.remove());

  it.each([
    ['missing-title.mdx', /title\W+Required/],
    ['wrong-type.mdx', /order\W+Expected type \W*number\W*, received \W*string/],
    ['impossible-date.mdx', /updated\W+expected a day on the calendar/],
  ])('%s', (fixture, field) => {
    box = sandbox();
    place(box, fixture, 'pillars');
    const { status, output } = box.astro('build');
    expect(status, output).not.toBe(0);
    expect(plain(output)).toMatch(new RegExp(`(${localeCodes.join('|')})/${fixture.replace('.mdx', '')}`));
    expect(plain(output)).toMatch(field);
  });
});

describe('a source in content/data/sources.yaml that breaks its schema fails the build with the source and the field', () => {
  let box: Box | undefined;
  afterEach(() => box?.remove());
  /** The project copy's sources.yaml with the `auditia` entry changed by `edit`. */
  const editAuditia = (b: Box, edit: (entry: string) => string) => {
    const file = join(b.dir, 'content/data/sources.yaml');
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf('- id: auditia\n');
    const end = text.indexOf('\n- id: ', start + 1);
    writeFileSync(file, text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end));
  };

  it.each([
    [
      'a date the pages cannot write',
      (e: string) => e.replace('date: "unknown"', 'date: "sometime"'),
      /date\W+expected a date the guide can show/,
    ],
    [
      'a note in brackets without its Arabic words',
      (e: string) => e.replace(/\n    ar:\n(      .*\n?)+/, '\n'),
      /translated\.ar\.publisher\W+the publisher's note in brackets needs its ar words/,
    ],
  ])('%s', (_what, edit, field) => {
    box = sandbox();
    editAuditia(box, edit);
    const { status, output } = box.astro('build');
    expect(status, output).not.toBe(0);
    expect(plain(output)).toMatch(/auditia/);
    expect(plain(output)).toMatch(field);
  });
});

describe('an incentive rule that ends before it starts fails the build with the rule and the field', () => {
  let box: Box | undefined;
  afterEach(() => box?.remove());

  it('air, effectiveTo before effectiveFrom', () => {
    box = sandbox();
    const file = join(box.dir, 'content/data/incentive-rules.yaml');
    const text = readFileSync(file, 'utf8');
    const air = text.indexOf('- id: air\n');
    const end = text.indexOf('effectiveTo: "', air);
    expect(air, 'the air rule and its end date').toBeGreaterThanOrEqual(0);
    writeFileSync(
      file,
      `${text.slice(0, end)}effectiveTo: "2024-12-31"${text.slice(text.indexOf('\n', end))}`,
    );
    const { status, output } = box.astro('build');
    expect(status, output).not.toBe(0);
    expect(plain(output)).toMatch(/\bair\b/);
    expect(plain(output)).toMatch(/effectiveTo\W+the rule ends before it starts/);
  });
});

describe('broken references fail the build, each named with its file', () => {
  let box: Box;
  let result: { status: number | null; output: string };
  beforeAll(() => {
    box = sandbox();
    place(box, 'unknown-park.mdx', 'parks');
    place(box, 'unknown-rule.mdx', 'incentives');
    place(box, 'unknown-source.mdx', 'pillars');
    place(box, 'unknown-figure.mdx', 'pillars');
    place(box, 'unknown-milestone.mdx', 'pillars');
    place(box, 'one-language.mdx', 'pillars', ['en']);
    place(box, 'unknown-cap-location.mdx', 'pillars');
    // A UI string missing in one language: nav.parks taken out of the Arabic dictionary.
    const ar = join(box.dir, 'src/i18n/ui/ar.json');
    const dict = JSON.parse(readFileSync(ar, 'utf8'));
    delete dict.nav.parks;
    writeFileSync(ar, JSON.stringify(dict, null, 2));
    const r = box.astro('build');
    result = { status: r.status, output: plain(r.output) };
  }, 180_000);
  afterAll(() => box?.remove());

  it('the build fails', () => {
    expect(result.status, result.output).not.toBe(0);
  });

  it.each([
    [
      'an unknown park on a park page',
      'content/parks/fr/unknown-park.mdx: park: no park "nowhere-shore" in content/data/parks.yaml',
    ],
    [
      'an unknown incentive rule',
      'content/incentives/en/unknown-rule.mdx: rule: no incentive rule "no-such-rule" in content/data/incentive-rules.yaml',
    ],
    [
      'an unknown source',
      'content/pillars/ar/unknown-source.mdx: sources[0]: no source "no-such-source" in content/data/sources.yaml',
    ],
    [
      'an unknown figure in MDX',
      'content/pillars/fr/unknown-figure.mdx: <Fig id="nope" />: no figure "nope" in content/data/figures.yaml',
    ],
    [
      'an unknown milestone in MDX',
      'content/pillars/en/unknown-milestone.mdx: <When id="never" />: no milestone "never" in content/data/milestones.yaml',
    ],
    [
      'an unknown rule parameter in MDX',
      'content/pillars/ar/unknown-milestone.mdx: <Rule id="pae" param="nope" />: incentive rule "pae" has no parameter "nope"',
    ],
    [
      'an entry in one language only',
      'content/pillars/fr/one-language.mdx: missing translation (the entry exists in en)',
    ],
    [
      'the same entry, other language',
      'content/pillars/ar/one-language.mdx: missing translation (the entry exists in en)',
    ],
    ['a UI key missing in one language', 'src/i18n/ui/ar.json: missing key "nav.parks"'],
    [
      'a location without an income-tax cap in MDX',
      'content/pillars/fr/unknown-cap-location.mdx: <AirThreshold at="outside-p2i" />: no income-tax cap for "outside-p2i" in content/data/incentive-rules.yaml',
    ],
  ])('%s', (_what, message) => {
    expect(result.output).toContain(message);
  });
});
