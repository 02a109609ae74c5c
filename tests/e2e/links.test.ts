import { describe, expect, it } from 'vitest';
import { attrs, base, builtPages, fileFor, ids, read } from '../support/built';
import { localeCodes, siteUrl as site } from '../support/site';

const pages = builtPages();

describe('links in the built site', () => {
  it('builds every page in every language', () => {
    const paths = new Set(pages.map((p) => p.path));
    const rest = [...paths].filter((p) => p.startsWith('/fr/')).map((p) => p.slice(3));
    const missing = localeCodes.flatMap((l) => rest.filter((r) => !paths.has(`/${l}${r}`)).map((r) => `/${l}${r}`));
    expect(missing).toEqual([]);
    expect(rest.length).toBeGreaterThan(5);
  });

  it('every internal link and #fragment resolves, and stays in its language', () => {
    const broken: string[] = [];
    for (const { path, file } of pages) {
      const html = read(file);
      const lang = path.split('/')[1];
      for (const href of attrs(html, 'a', 'href')) {
        if (/^(https?:|mailto:|tel:)/.test(href)) continue;
        const target = new URL(href, `http://x${base.replace(/\/$/, '')}${path}`);
        if (!target.pathname.startsWith(base)) { broken.push(`${path}: ${href} is outside the base path`); continue; }
        const sitePath = `/${target.pathname.slice(base.length)}`;
        const targetFile = fileFor(sitePath);
        if (!targetFile) { broken.push(`${path}: ${href} → no such page`); continue; }
        if (target.hash && !ids(read(targetFile)).has(decodeURIComponent(target.hash.slice(1)))) broken.push(`${path}: ${href} → no #${target.hash.slice(1)}`);
        const targetLang = sitePath.split('/')[1];
        const isPicker = html.includes(`data-lang-link="${targetLang}" href`) || new RegExp(`href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*data-lang-link`).test(html);
        if (localeCodes.includes(lang as never) && localeCodes.includes(targetLang as never) && targetLang !== lang && !isPicker) {
          broken.push(`${path}: ${href} leaves ${lang} outside the language picker`);
        }
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
  });

  it('hreflang alternates and canonical URLs point at pages that exist', () => {
    const wrong: string[] = [];
    for (const { path, file } of pages.filter((p) => p.path !== '/404.html')) {
      const html = read(file);
      for (const href of [...attrs(html, 'link', 'href')].filter((h) => h.startsWith(site) && !h.endsWith('.xml') && !h.endsWith('.svg'))) {
        if (!fileFor(`/${new URL(href).pathname.slice(base.length)}`)) wrong.push(`${path}: ${href}`);
      }
      const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
      if (canonical !== `${site}${base.replace(/\/$/, '')}${path}`) wrong.push(`${path}: canonical ${canonical}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});
