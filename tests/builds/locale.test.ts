/**
 * A language is one entry of src/i18n/locales.ts plus its translated files. In a project copy, a
 * pseudo-locale `xx` (Latin script, left to right) is added to the registry, with its files made
 * from the French ones, in three builds:
 *   1. one localized value of content/data/ left out: the build fails naming that file, entry and
 *      field, and no other;
 *   2. that value back, one content page and one UI key left out: the build names exactly those two;
 *   3. everything in place: the build passes and the new language has every page, its 404 block,
 *      its search index, its offline zip and PDF, and the other languages link to it.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPair, isScalar, parseDocument, visit } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../support/sandbox';

const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');
const entry = `  xx: { code: 'xx', name: 'Pseudo', dir: 'ltr', script: 'Latn', og: 'xx_XX', intl: 'en-XA', hreflang: 'xx' },\n`;
/** The one localized value left out in the first build. */
const leftOut = { file: 'glossary.yaml', field: '' };
const missingPage = 'content/pillars/xx/infrastructure.mdx';
const missingKey = 'notFound.title';

let box: ReturnType<typeof sandbox>;
afterAll(() => box?.remove());

/** Gives every {fr, en, ar…} map of content/data/*.yaml (and every source's `translated`) an `xx` value (the French one), but the first map of `skip`. */
function translateData(skip?: string) {
  const dataDir = join(box.dir, 'content/data');
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.yaml'))) {
    const doc = parseDocument(readFileSync(join(dataDir, file), 'utf8'));
    let skipped = false;
    visit(doc, {
      Map(_key, node, path) {
        const parent = path.at(-1);
        // A source's `translated` has every language but the fact sheets' (English).
        const sourceWords = isPair(parent) && isScalar(parent.key) && parent.key.value === 'translated';
        if (!node.has('fr') || !(node.has('en') || sourceWords) || node.has('xx')) return;
        if (file === skip && !skipped && isPair(parent) && isScalar(parent.key)) {
          skipped = true;
          leftOut.field = String(parent.key.value);
          return;
        }
        node.set('xx', node.get('fr', true));
      },
    });
    writeFileSync(join(dataDir, file), doc.toString({ lineWidth: 0 }));
  }
}

beforeAll(() => {
  box = sandbox();
  const registry = join(box.dir, 'src/i18n/locales.ts');
  const source = readFileSync(registry, 'utf8');
  if (!source.includes('\n} as const'))
    throw new Error(
      'src/i18n/locales.ts: the registry object no longer ends with "\\n} as const"; update tests/builds/locale.test.ts',
    );
  writeFileSync(registry, source.replace('\n} as const', `\n${entry}} as const`));
  for (const collection of readdirSync(join(box.dir, 'content'))) {
    const fr = join(box.dir, 'content', collection, 'fr');
    if (existsSync(fr)) cpSync(fr, join(box.dir, 'content', collection, 'xx'), { recursive: true });
  }
  cpSync(join(box.dir, 'src/i18n/ui/fr.json'), join(box.dir, 'src/i18n/ui/xx.json'));
});

describe('a new language is a registry entry plus its translated files', () => {
  it('a missing localized value in content/data/ fails the build, naming its file, entry and field only', () => {
    translateData(leftOut.file);
    expect(leftOut.field).not.toBe('');
    const { status, output } = box.astro('build');
    const text = plain(output);
    expect(status, text).not.toBe(0);
    expect(text).toContain(`content/data/${leftOut.file}`);
    expect(text).toMatch(new RegExp(`\\b${leftOut.field}\\.xx\\W+Required`));
    const named = new Set([...text.matchAll(/([\w.]+)\.xx\W+Required/g)].map((m) => m[1]!.split('.').at(-1)));
    expect([...named]).toEqual([leftOut.field]);
  }, 300_000);

  it('a missing page and a missing UI key fail the build, named together and alone', () => {
    translateData();
    rmSync(join(box.dir, missingPage));
    const ui = join(box.dir, 'src/i18n/ui/xx.json');
    const dictionary = JSON.parse(readFileSync(ui, 'utf8'));
    const [section, key] = missingKey.split('.') as [string, string];
    delete dictionary[section][key];
    writeFileSync(ui, JSON.stringify(dictionary, null, 2));
    const { status, output } = box.astro('build');
    const text = plain(output);
    expect(status, text).not.toBe(0);
    const block = text.match(/(\d+) content problem\(s\):\n((?:  - .*\n?)+)/);
    expect(block, text).toBeTruthy();
    const problems = block![2]!
      .trim()
      .split('\n')
      .map((l) => l.replace(/^\s*- /, ''));
    expect(problems.sort()).toEqual(
      [
        `${missingPage}: missing translation (the entry exists in ar, en, fr)`,
        `src/i18n/ui/xx.json: missing key "${missingKey}"`,
      ].sort(),
    );
  }, 300_000);

  it('with every file translated, the build passes and the language is there everywhere', () => {
    cpSync(join(box.dir, missingPage.replace('/xx/', '/fr/')), join(box.dir, missingPage));
    cpSync(join(box.dir, 'src/i18n/ui/fr.json'), join(box.dir, 'src/i18n/ui/xx.json'));
    const out = join(box.dir, 'dist');
    const { status, output } = box.astro('build', '--outDir', out);
    expect(status, plain(output)).toBe(0);
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const fr = pages.filter((p) => p.startsWith('fr/')).map((p) => p.slice(3));
    expect(fr.length).toBeGreaterThan(10);
    expect(fr.filter((p) => !pages.includes(`xx/${p}`))).toEqual([]);
    expect(readFileSync(join(out, 'xx/index.html'), 'utf8')).toMatch(/<html lang="xx" dir="ltr"/);
    expect(readFileSync(join(out, 'fr/index.html'), 'utf8')).toMatch(
      /<link rel="alternate" hreflang="xx" href="[^"]*\/xx\/"/,
    );
    expect(readFileSync(join(out, '404.html'), 'utf8')).toContain('html[data-guess=xx] [data-lang-block=xx]');
    const index = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(index.languages['xx']?.page_count).toBe(index.languages['fr']?.page_count);
    const downloads = readdirSync(join(out, 'downloads'));
    expect(downloads).toEqual(expect.arrayContaining(['offshoring-maroc-xx.zip', 'offshoring-maroc-xx.pdf']));
  }, 600_000);
});
