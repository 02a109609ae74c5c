import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../integrations/search-index/pagefind';

const root = join(import.meta.dirname, '../..');
const page = (lang: string, title: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
/** Every file under `dir`, path → bytes. */
const tree = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name))]),
  );

const temporary: string[] = [];
afterEach(() => {
  for (const d of temporary.splice(0)) rmSync(d, { recursive: true, force: true });
  delete process.env['BUILD_CACHE_DIR'];
});

/** A temporary folder, removed after the test. */
const temporaryDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(d);
  return d;
};
/** A built site of two pages, French and English, with these texts. */
const dist = (texts: [string, string]) => {
  const d = temporaryDir('om-search-dist-');
  mkdirSync(join(d, 'fr'));
  mkdirSync(join(d, 'en'));
  writeFileSync(join(d, 'fr/index.html'), page('fr', 'Parcs', texts[0]));
  writeFileSync(join(d, 'en/index.html'), page('en', 'Parks', texts[1]));
  return d;
};

describe('the search index step with a build cache', () => {
  it('copies Pagefind’s files from the cache when no page changed, and indexes again when one did', async () => {
    process.env['BUILD_CACHE_DIR'] = temporaryDir('om-search-cache-');
    const run = (d: string) =>
      buildSearchIndex({ root, dist: d, languages: ['fr', 'en'], log: { error() {} } });

    const first = dist(['Technopolis à Rabat', 'Technopolis in Rabat']);
    expect(await run(first)).not.toMatch(/Pagefind files from the build cache/);
    const second = dist(['Technopolis à Rabat', 'Technopolis in Rabat']);
    expect(await run(second)).toMatch(/Pagefind files from the build cache/);
    expect(tree(join(second, 'pagefind'))).toEqual(tree(join(first, 'pagefind')));

    const changed = dist(['Technopolis à Rabat', 'Casanearshore in Casablanca']);
    expect(await run(changed)).not.toMatch(/Pagefind files from the build cache/);
    expect(tree(join(changed, 'pagefind'))).not.toEqual(tree(join(first, 'pagefind')));
  }, 60_000);

  it('reads again only the texts of the pages that changed, and gives the same texts as a fresh read', async () => {
    const run = async (d: string, cacheDir: string) => {
      process.env['BUILD_CACHE_DIR'] = cacheDir;
      const docs = new Map();
      const line = await buildSearchIndex({
        root,
        dist: d,
        languages: ['fr', 'en'],
        log: { error() {} },
        docs,
      });
      return { line, docs, quick: readFileSync(join(d, 'pagefind', 'quick.fr.json'), 'utf8') };
    };
    const cache = temporaryDir('om-search-cache-');

    expect((await run(dist(['Technopolis à Rabat', 'Technopolis in Rabat']), cache)).line).toMatch(
      /page texts: 2 \(0 from the build cache\)/,
    );
    const changed = dist(['Midparc à Nouaceur', 'Technopolis in Rabat']);
    const warm = await run(changed, cache);
    expect(warm.line).toMatch(/page texts: 2 \(1 from the build cache\)/);
    const cold = await run(changed, temporaryDir('om-search-cache-'));
    expect(cold.line).toMatch(/page texts: 2 \(0 from the build cache\)/);
    expect([...warm.docs]).toEqual([...cold.docs]);
    expect(warm.docs.get('fr/index.html')).toMatchObject({ title: 'Parcs' });
    expect(JSON.stringify(warm.docs.get('fr/index.html'))).toContain('Nouaceur');
    expect(warm.quick).toBe(cold.quick);
  }, 60_000);
});
