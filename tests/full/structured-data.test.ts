/**
 * Structured data and the other validator findings, read from the build: JSON-LD
 * checked against schema.org's types and properties, in the page's language, one name per
 * breadcrumb URL; Twitter image text; the rate-by-location tables; the 404 page's icon; the
 * offline copies' root page language and search index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { propertiesOf } from '../support/schema-org';
import { builtPages, read } from '../support/built';
import { dist, localeCodes, locales, root, siteUrl } from '../support/site';
import { shownUi } from '../support/ui';

const ui = (lang: string) => shownUi(lang);
const pages = builtPages();
const langOf = (path: string) => localeCodes.find((l) => path.startsWith(`/${l}/`));
const jsonLd = (html: string): object[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) =>
    [JSON.parse(m[1]!)].flat(),
  );

/** Every problem of one JSON-LD node and the nodes inside it, as 'Type.property: why'. */
function schemaProblems(node: unknown, where: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => schemaProblems(n, `${where}[${i}]`, out));
  if (!node || typeof node !== 'object' || Array.isArray(node)) return out;
  const o = node as Record<string, unknown>;
  const type = o['@type'];
  if (typeof type !== 'string') {
    out.push(`${where}: an object without @type`);
    return out;
  }
  const allowed = propertiesOf(type);
  if (!allowed) out.push(`${where}: ${type} is not a schema.org type we know (tests/support/schema-org.ts)`);
  for (const [k, v] of Object.entries(o)) {
    if (allowed && !allowed.has(k))
      out.push(`${where}: ${type}.${k} is not a schema.org property of ${type}`);
    if (v && typeof v === 'object') schemaProblems(v, `${where}.${k}`, out);
  }
  return out;
}

function walk(node: unknown, visit: (o: Record<string, unknown>) => void) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Record<string, unknown>);
  for (const v of Object.values(node)) walk(v, visit);
}

describe('structured data (JSON-LD)', () => {
  it('uses only schema.org types, with properties schema.org gives them', () => {
    const problems = pages.flatMap(({ path, file }) =>
      jsonLd(read(file)).flatMap((d, i) => schemaProblems(d, `${path} #${i}`)),
    );
    expect(problems).toEqual([]);
    expect(pages.filter(({ file }) => jsonLd(read(file)).length > 0).length).toBeGreaterThan(50);
  });

  it('speaks the page’s language: inLanguage, and an incentive’s service type and area', () => {
    let services = 0;
    for (const { path, file } of pages) {
      const lang = langOf(path);
      if (!lang) continue;
      const t = ui(lang);
      walk(jsonLd(read(file)), (o) => {
        // A dataset in every language lists them all (Dataset.inLanguage takes several); a page is in one.
        if ('inLanguage' in o)
          expect(
            o['@type'] === 'Dataset' || o['@type'] === 'DataCatalog' ? o['inLanguage'] : [o['inLanguage']],
            path,
          ).toContain(lang);
        if (o['@type'] === 'GovernmentService') {
          services += 1;
          expect(o['serviceType'], path).toBe(t.structuredData.serviceType);
          expect((o['areaServed'] as { name: string }).name, path).toBe(t.structuredData.country);
          expect((o['provider'] as { name: string }).name, path).toBe(t.jsonld.government);
        }
      });
    }
    expect(services).toBeGreaterThanOrEqual(12);
  });

  it('names each breadcrumb URL one way, and every breadcrumb URL is a page of the site', () => {
    const names = new Map<string, Set<string>>();
    for (const { file } of pages) {
      walk(jsonLd(read(file)), (o) => {
        if (o['@type'] !== 'ListItem') return;
        const url = String(o['item']);
        if (!names.has(url)) names.set(url, new Set());
        names.get(url)!.add(String(o['name']));
      });
    }
    expect(names.size).toBeGreaterThan(10);
    const twice = [...names].filter(([, n]) => n.size > 1).map(([u, n]) => `${u}: ${[...n].join(' | ')}`);
    expect(twice).toEqual([]);
    const canonical = new Set(
      pages.map(({ file }) => read(file).match(/<link rel="canonical" href="([^"]+)"/)?.[1]),
    );
    const stray = [...names.keys()].filter((u) => !canonical.has(u.split('#')[0]!) && !canonical.has(u));
    expect(stray, 'breadcrumb URLs that are no page’s canonical URL').toEqual([]);
    expect([...names.keys()].every((u) => u.startsWith(siteUrl))).toBe(true);
  });
});

describe('the other validator findings', () => {
  it('every page with a social image describes it for Twitter too', () => {
    for (const { path, file } of pages) {
      const html = read(file);
      if (!html.includes('property="og:image"')) continue;
      const og = html.match(/<meta property="og:image:alt" content="([^"]*)"/)?.[1];
      expect(html.match(/<meta name="twitter:image:alt" content="([^"]*)"/)?.[1], path).toBe(og);
    }
  });

  it('the AIR rate-by-location tables have a caption and column headers', () => {
    const tables = pages.flatMap(({ path, file }) =>
      [...read(file).matchAll(/<table class="mt-4 w-full text-sm">([\s\S]*?)<\/table>/g)].map(
        (m) => [path, m[1]!] as const,
      ),
    );
    const withRates = tables.filter(([, t]) => /rules|th scope="row"/.test(t));
    expect(withRates.length).toBeGreaterThanOrEqual(6); // 3 incentive pages + 3 estimator pages
    for (const [path, table] of withRates) {
      const lang = langOf(path)!;
      // Compared with ordinary spaces: French gets its no-break spaces from the page's text, after the slot is filled.
      const spaces = (x: string) => x.replace(/[\u00a0\u202f]/g, ' ');
      expect(spaces(table), path).toMatch(
        new RegExp(
          `<caption[^>]*>${spaces(ui(lang).rateTable.caption).replace('{{rule}}', '[^<]+')}</caption>`,
        ),
      );
      expect(
        [...table.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]),
        path,
      ).toEqual([ui(lang).rateTable.location, ui(lang).rateTable.rate]);
    }
  });

  it('the 404 page names its icon (no second 404 for /favicon.ico)', () => {
    expect(readFileSync(join(dist, '404.html'), 'utf8')).toMatch(
      /<link rel="icon" href="\/([^"]*\/)?favicon\.svg"/,
    );
  });

  it('the stylesheet has no rule made from a comment (an arbitrary property that is no CSS property)', () => {
    const css = readdirSync(join(dist, '_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(dist, '_astro', f), 'utf8'))
      .join('');
    const arbitrary = [...css.matchAll(/\.\\\[([a-z-]+)\\:[^{]*\{/g)].map((m) => m[1]!);
    expect(arbitrary.filter((p) => !CSS_PROPERTY.test(p))).toEqual([]);
  });

  it('a one-language offline copy’s root page is in its language', () => {
    for (const lang of localeCodes) {
      const html = readFileSync(join(root, `dist-export/offshoring-maroc-${lang}/index.html`), 'utf8');
      expect(html.match(/<html[^>]*>/)![0], lang).toMatch(
        new RegExp(`\\slang="${lang}" dir="${locales[lang].dir}"`),
      );
      expect(html, lang).toContain(`<title>${ui(lang).site.name}</title>`);
    }
  });

  it('the offline search indexes leave the share box out', () => {
    for (const lang of localeCodes) {
      const index = readFileSync(
        join(root, `dist-export/offshoring-maroc-all/_offline/search-index-${lang}.js`),
        'utf8',
      );
      for (const word of ['WhatsApp', 'LinkedIn', ui(lang).share.title])
        expect(index, `${lang}: ${word}`).not.toContain(word);
    }
  });
});

/** CSS property names (a property Tailwind's arbitrary values may set): lowercase words with hyphens, not one letter. */
const CSS_PROPERTY = /^(-[a-z]+-)?[a-z]{2,}(-[a-z]+)*$/;
