/** Old URLs of moved pages (src/data/redirects.ts) still lead to the page, as a static host serves them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { movedSections } from '../../src/data/redirects';
import { base, fileFor, read } from '../support/built';
import { localeCodes, root } from '../support/site';

const refreshTarget = (html: string) => /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];

describe.each(movedSections)('/{lang}/$from/ moved to /{lang}/$to/', ({ from, to }) => {
  const slugs = readdirSync(join(root, 'content', to, 'fr')).map((f) => f.replace(/\.mdx$/, ''));

  it.each(localeCodes)(
    '%s: the section and each page under it send the browser to the new URL, which exists',
    (lang) => {
      const wrong: string[] = [];
      for (const rest of ['', ...slugs.map((s) => `${s}/`)]) {
        const old = `/${lang}/${from}/${rest}`;
        const file = fileFor(old);
        const target = file && refreshTarget(read(file));
        if (target !== `${base}${lang}/${to}/${rest}`) wrong.push(`${old} → ${target ?? 'no redirect page'}`);
        else if (!fileFor(`/${lang}/${to}/${rest}`)) wrong.push(`${old} → ${target}: no such page`);
      }
      expect(wrong, wrong.join('\n')).toEqual([]);
    },
  );

  it('leaves the old URLs out of the sitemap', () => {
    const sitemap = read(fileFor('/sitemap-0.xml')!);
    expect(sitemap).toContain(`/${localeCodes[0]}/${to}/`);
    expect(sitemap).not.toContain(`/${from}/`);
  });
});
