/**
 * Two builds of the same commit are byte-identical: dist/, which `npm test` built in
 * the project, against a second build of a copy of the sources in another directory, with
 * Astro's content cache cleared (--force), compared file by file. The copy holds only what the
 * build reads (tests/support/sandbox.ts), so a README or test file that leaks into the output shows too.
 * The second build starts with an empty build cache (BUILD_CACHE_DIR, integrations/cache.ts)
 * while dist/ was built with the project's cache as it was (warm after a first build): a cached
 * font subset, social image or PDF that differed from a fresh one would show.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dist } from '../support/site';
import { sandbox } from '../support/sandbox';

/**
 * Files allowed to differ between two builds, each with its reason. None today: dates come from
 * content (updated), not from the clock; Vite names files by content hash; Pagefind gets
 * its pages in sorted order; resvg draws the social images the same way every time.
 */
const allowedToDiffer: { path: RegExp; why: string }[] = [];

const digests = (dir: string) =>
  new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(dir, f)).isFile())
      .map(
        (f) =>
          [
            f,
            createHash('sha256')
              .update(readFileSync(join(dir, f)))
              .digest('hex'),
          ] as const,
      ),
  );

let box: ReturnType<typeof sandbox> | undefined;
afterAll(() => box?.remove());

describe('reproducible build', () => {
  it('a second build, from a copy of the project elsewhere, gives the same bytes as dist/', () => {
    box = sandbox();
    const out = join(box.dir, 'second-build');
    const cold = mkdtempSync(join(tmpdir(), 'om-cold-cache-'));
    const before = process.env['BUILD_CACHE_DIR'];
    process.env['BUILD_CACHE_DIR'] = cold;
    let result: ReturnType<typeof box.astro>;
    try {
      result = box.astro('build', '--force', '--outDir', out);
    } finally {
      if (before === undefined) delete process.env['BUILD_CACHE_DIR'];
      else process.env['BUILD_CACHE_DIR'] = before;
      rmSync(cold, { recursive: true, force: true });
    }
    const { status, output } = result;
    expect(status, output).toBe(0);
    const [first, second] = [digests(dist), digests(out)];
    const differ = [...new Set([...first.keys(), ...second.keys()])]
      .filter((f) => first.get(f) !== second.get(f))
      .filter((f) => !allowedToDiffer.some((a) => a.path.test(f)))
      .map(
        (f) =>
          `${f}: ${!first.has(f) ? 'only in the second build' : !second.has(f) ? 'only in dist/' : 'different bytes'}`,
      )
      .sort();
    expect(differ, differ.join('\n')).toEqual([]);
    expect(first.size).toBeGreaterThan(100);
  }, 300_000);
});
