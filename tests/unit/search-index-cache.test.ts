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

describe('the search index step with a build cache', () => {
  it('copies Pagefind’s files from the cache when no page changed, and indexes again when one did', async () => {
    const dist = (texts: [string, string]) => {
      const d = mkdtempSync(join(tmpdir(), 'om-search-dist-'));
      temporary.push(d);
      mkdirSync(join(d, 'fr'));
      mkdirSync(join(d, 'en'));
      writeFileSync(join(d, 'fr/index.html'), page('fr', 'Parcs', texts[0]));
      writeFileSync(join(d, 'en/index.html'), page('en', 'Parks', texts[1]));
      return d;
    };
    process.env['BUILD_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'om-search-cache-'));
    temporary.push(process.env['BUILD_CACHE_DIR']);
    const run = (d: string) =>
      buildSearchIndex({ root, dist: d, languages: ['fr', 'en'], log: { error() {} } });

    const first = dist(['Technopolis à Rabat', 'Technopolis in Rabat']);
    expect(await run(first)).not.toMatch(/from the build cache/);
    const second = dist(['Technopolis à Rabat', 'Technopolis in Rabat']);
    expect(await run(second)).toMatch(/from the build cache/);
    expect(tree(join(second, 'pagefind'))).toEqual(tree(join(first, 'pagefind')));

    const changed = dist(['Technopolis à Rabat', 'Casanearshore in Casablanca']);
    expect(await run(changed)).not.toMatch(/from the build cache/);
    expect(tree(join(changed, 'pagefind'))).not.toEqual(tree(join(first, 'pagefind')));
  }, 60_000);
});
