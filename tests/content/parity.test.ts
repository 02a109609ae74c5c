import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { localeCodes, root } from '../support/site';
import { missingKeys } from '../../src/lib/dictionaries';
import { factSheetLanguage } from '../../src/lib/sources';

const contentDir = join(root, 'content');
const proseCollections = readdirSync(contentDir).filter((d) => d !== 'data' && statSync(join(contentDir, d)).isDirectory());

function mdxFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
}

describe('translation parity', () => {
  it.each(proseCollections)('content/%s has the same entries in every language', (collection) => {
    const byLang = Object.fromEntries(localeCodes.map((l) => [l, mdxFiles(join(contentDir, collection, l))]));
    const all = new Set(Object.values(byLang).flat());
    const missing = localeCodes.flatMap((l) => [...all].filter((f) => !byLang[l]!.includes(f)).map((f) => `content/${collection}/${l}/${f}`));
    expect(missing, `missing translations:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every UI string key exists, non-empty, in every locale', () => {
    const dicts = Object.fromEntries(localeCodes.map((l) => [l, JSON.parse(readFileSync(join(root, `src/i18n/ui/${l}.json`), 'utf8'))]));
    const problems = missingKeys(dicts).map(({ lang, key, problem }) => `src/i18n/ui/${lang}.json: ${problem} key "${key}"`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every localized field in content/data has every language', () => {
    const problems: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${(n as { id?: string })?.id ?? i}]`));
      if (typeof node !== 'object' || node === null) return;
      const keys = Object.keys(node);
      if (keys.some((k) => (localeCodes as string[]).includes(k)) && keys.every((k) => /^[a-z]{2}$/.test(k))) {
        // A source's `translated` holds what the fact sheets (in English) say in the other languages.
        const needed = where.endsWith('.translated') ? localeCodes.filter((l) => l !== factSheetLanguage) : localeCodes;
        for (const l of needed) if (!(node as Record<string, unknown>)[l]) problems.push(`${where}: missing "${l}"`);
        return;
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`);
    };
    for (const f of readdirSync(join(contentDir, 'data')).filter((f) => f.endsWith('.yaml'))) {
      walk(parse(readFileSync(join(contentDir, 'data', f), 'utf8')), relative(root, join(contentDir, 'data', f)));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
