/**
 * Synthetic content for the build benchmark: fills a *copy* of the project with extra
 * MDX entries until each language has `factor` times its real number of pages. Never run it on
 * the real content/ — bench/run.ts only calls it on a temporary copy.
 *
 * Each synthetic entry is a real entry of pillars/, parks/ or incentives/ (taken in turn) under a
 * new slug, with its title numbered, in every language: same length, same components and the
 * same references as real content, so a page costs what a real one does.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const collections = ['pillars', 'parks', 'incentives'];

/** Pages each language has besides its entries: home, parks index, incentives index, estimator, search, glossary, sources. */
const fixedPages = 7;

/**
 * addSyntheticEntries('/tmp/copy', 10, ['fr', 'en', 'ar']) → 214: the entries it wrote per
 * language, so that a language has ten times its real page count.
 */
export function addSyntheticEntries(projectDir: string, factor: number, langs: readonly string[]): number {
  const [first] = langs;
  const real = collections.flatMap((c) =>
    readdirSync(join(projectDir, 'content', c, first!))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ collection: c, file: f })),
  );
  const wanted = Math.max(0, Math.round((real.length + fixedPages) * factor) - fixedPages - real.length);
  for (let i = 0; i < wanted; i += 1) {
    const { collection, file } = real[i % real.length]!;
    const copy = Math.floor(i / real.length) + 2;
    for (const lang of langs) {
      const source = readFileSync(join(projectDir, 'content', collection, lang, file), 'utf8');
      const numbered = source.replace(
        /^title:\s*(["']?)(.*?)\1\s*$/m,
        (_, _q, title: string) => `title: ${JSON.stringify(`${title} (${copy})`)}`,
      );
      writeFileSync(
        join(projectDir, 'content', collection, lang, file.replace(/\.mdx$/, `-synthetic-${copy}.mdx`)),
        numbered,
      );
    }
  }
  return wanted;
}
