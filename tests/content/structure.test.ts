import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes, root } from '../support/site';

/** The shape of an MDX entry that must match across languages: headings and data references. */
function shape(file: string) {
  const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?---/, '');
  const frontmatter = readFileSync(file, 'utf8').match(/^---([\s\S]*?)---/)?.[1] ?? '';
  return {
    headings: [...body.matchAll(/^(#{2,4})\s/gm)].map((m) => m[1]!.length),
    references: [...body.matchAll(/<(Fig|When|Rule|ParkFact|Term)\s+([^>]*?)\/?>/g)].map((m) => `${m[1]} ${m[2]!.replace(/\s+/g, ' ').trim()}`).sort(),
    callouts: (body.match(/<Callout>/g) ?? []).length,
    frontmatter: frontmatter.split('\n').filter((l) => /^(order|park|rule|sources):/.test(l)).sort(),
  };
}

const collections = ['pages', 'pillars', 'parks', 'incentives'];
const entries = collections.flatMap((c) =>
  readdirSync(join(root, 'content', c, 'fr')).filter((f) => f.endsWith('.mdx')).map((f) => [c, f] as const),
);

describe('every entry has the same structure in every language', () => {
  it.each(entries)('content/%s/*/%s', (collection, file) => {
    const [first, ...others] = localeCodes;
    const reference = shape(join(root, 'content', collection, first!, file));
    for (const lang of others) {
      expect(shape(join(root, 'content', collection, lang, file)), `content/${collection}/${lang}/${file} differs from ${first}`).toEqual(reference);
    }
  });
});
