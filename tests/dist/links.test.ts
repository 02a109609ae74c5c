import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attrs,
  base,
  builtPages,
  cssUrls,
  elements,
  fileFor,
  ids,
  jsImports,
  read,
  resolveRef,
} from '../support/built';
import { dist, localeCodes, siteUrl as site } from '../support/site';

const pages = builtPages();

describe('links in the built site', () => {
  it('builds every page in every language', () => {
    const paths = new Set(pages.map((p) => p.path));
    const rest = [...paths].filter((p) => p.startsWith('/fr/')).map((p) => p.slice(3));
    const missing = localeCodes.flatMap((l) =>
      rest.filter((r) => !paths.has(`/${l}${r}`)).map((r) => `/${l}${r}`),
    );
    expect(missing).toEqual([]);
    expect(rest.length).toBeGreaterThan(5);
  });

  it('every internal link and #fragment resolves, and stays in its language', () => {
    const broken: string[] = [];
    const linked = new Set<string>();
    for (const { path, file } of pages) {
      const html = read(file);
      const lang = path.split('/')[1];
      for (const href of attrs(html, 'a', 'href')) {
        const target = resolveRef(href, path);
        if (!target) continue;
        if (target === 'outside') {
          broken.push(`${path}: ${href} is outside the base path`);
          continue;
        }
        const { sitePath, hash } = target;
        const targetFile = fileFor(sitePath);
        if (!targetFile) {
          broken.push(`${path}: ${href} → no such page`);
          continue;
        }
        linked.add(targetFile);
        if (
          hash &&
          (!targetFile.endsWith('.html') || !ids(read(targetFile)).has(decodeURIComponent(hash.slice(1))))
        )
          broken.push(`${path}: ${href} → no #${hash.slice(1)}`);
        const targetLang = sitePath.split('/')[1];
        const isPicker =
          html.includes(`data-lang-link="${targetLang}" href`) ||
          new RegExp(`href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*data-lang-link`).test(html);
        if (
          localeCodes.includes(lang as never) &&
          localeCodes.includes(targetLang as never) &&
          targetLang !== lang &&
          !isPicker
        ) {
          broken.push(`${path}: ${href} leaves ${lang} outside the language picker`);
        }
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
    // The offline zips and PDF brochures are among the links checked.
    const downloads = readdirSync(join(dist, 'downloads')).map((f) => join(dist, 'downloads', f));
    expect(downloads.map((f) => f.split('/').pop()).sort()).toEqual(
      [
        ...localeCodes.flatMap((l) => [`offshoring-maroc-${l}.pdf`, `offshoring-maroc-${l}.zip`]),
        'offshoring-maroc-all.zip',
      ].sort(),
    );
    expect(downloads.filter((f) => !linked.has(f))).toEqual([]);
  });

  it('hreflang alternates and canonical URLs point at pages that exist', () => {
    const wrong: string[] = [];
    for (const { path, file } of pages.filter((p) => p.path !== '/404.html')) {
      const html = read(file);
      for (const href of [...attrs(html, 'link', 'href')].filter(
        (h) => h.startsWith(site) && !h.endsWith('.xml') && !h.endsWith('.svg'),
      )) {
        if (!fileFor(`/${new URL(href).pathname.slice(base.length)}`)) wrong.push(`${path}: ${href}`);
      }
      const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
      if (canonical !== `${site}${base.replace(/\/$/, '')}${path}`)
        wrong.push(`${path}: canonical ${canonical}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
  it('every file a page loads exists: stylesheets, icons, scripts, form targets, and the fonts and modules these load', () => {
    const missing: string[] = [];
    const seen = new Set<string>();
    /** Checks one reference made from `from` (a site path), then what a stylesheet or script loads in turn. */
    const visit = (ref: string, from: string, what: string) => {
      const target = resolveRef(ref, from);
      if (!target) return;
      if (target === 'outside') return void missing.push(`${from}: ${what} ${ref} is outside the base path`);
      const file = fileFor(target.sitePath);
      if (!file) return void missing.push(`${from}: ${what} ${ref} → no such file`);
      if (seen.has(file)) return;
      seen.add(file);
      if (file.endsWith('.css')) for (const url of cssUrls(read(file))) visit(url, target.sitePath, 'url()');
      if (file.endsWith('.js')) {
        const imports = jsImports(read(file));
        for (const m of [...imports.static, ...imports.dynamic]) visit(m, target.sitePath, 'import');
      }
    };
    for (const { path, file } of pages) {
      const html = read(file);
      for (const link of elements(html, 'link'))
        if (link.href && link.rel !== 'canonical' && link.rel !== 'alternate')
          visit(link.href, path, `<link rel="${link.rel}">`);
      for (const script of elements(html, 'script')) if (script.src) visit(script.src, path, '<script>');
      for (const tag of ['img', 'source', 'iframe', 'video', 'audio', 'embed'])
        for (const el of elements(html, tag)) if (el.src) visit(el.src, path, `<${tag}>`);
      for (const form of elements(html, 'form')) if (form.action) visit(form.action, path, '<form action>');
      for (const inline of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
        for (const url of cssUrls(inline[1]!)) visit(url, path, 'url()');
    }
    expect(missing, missing.join('\n')).toEqual([]);
    expect(seen.size).toBeGreaterThan(3);
  });

  it('the sitemap, robots.txt and _redirects name pages that exist', () => {
    const wrong: string[] = [];
    const onSite = (url: string, where: string) => {
      const u = new URL(url);
      if (u.origin !== site || !u.pathname.startsWith(base) || !fileFor(`/${u.pathname.slice(base.length)}`))
        wrong.push(`${where}: ${url}`);
    };
    const index = read(`${dist}/sitemap-index.xml`);
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const s of sitemaps) {
      onSite(s, 'sitemap-index.xml');
      const xml = read(fileFor(`/${new URL(s).pathname.slice(base.length)}`) ?? `${dist}/missing`);
      for (const [, url] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) onSite(url!, s);
      for (const [, url] of xml.matchAll(/<xhtml:link [^>]*href="([^"]+)"/g)) onSite(url!, s);
    }
    for (const [, url] of read(`${dist}/robots.txt`).matchAll(/^Sitemap: (\S+)/gm))
      onSite(url!, 'robots.txt');
    for (const line of read(`${dist}/_redirects`)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))) {
      const to = line
        .trim()
        .split(/\s+/)[1]!
        .replace(/:splat$/, ''); // a moved section: its new index must exist
      if (!fileFor(`/${to.slice(base.length)}`)) wrong.push(`_redirects: ${line}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});
