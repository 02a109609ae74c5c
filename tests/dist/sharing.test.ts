/** Head tags of every built page: previews, canonical, alternates and structured data agree. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base, builtPages, fileFor, read } from '../support/built';
import { localeCodes, locales } from '../support/site';
import { socialImageBudget } from '../budgets';
import type { Locale } from '../../src/i18n/locales';

const pages = builtPages().filter((p) => p.path !== '/404.html');
const metaOf = (html: string, key: string) =>
  [...html.matchAll(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`, 'g'))].map((m) => m[1]!);
const sitePath = (url: string) => `/${new URL(url).pathname.slice(base.length)}`;

describe('social previews and structured data', () => {
  it.each(pages.map((p) => [p.path, p.file] as const))('%s', (_path, file) => {
    const html = read(file);
    const lang = html.match(/<html lang="([a-z]+)"/)![1]!;
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)![1]!;
    expect(metaOf(html, 'og:url')).toEqual([canonical]);
    expect(metaOf(html, 'og:title')[0]).toBeTruthy();
    expect(metaOf(html, 'og:description')[0]!.length).toBeGreaterThan(20);
    expect(metaOf(html, 'og:locale')).toEqual([locales[lang as Locale].og]);
    expect(metaOf(html, 'og:locale:alternate').sort()).toEqual(
      localeCodes
        .filter((l) => l !== lang)
        .map((l) => locales[l].og)
        .sort(),
    );
    expect(metaOf(html, 'twitter:card')).toEqual(['summary_large_image']);
    const [image] = metaOf(html, 'og:image');
    expect(metaOf(html, 'twitter:image')).toEqual([image]);
    const png = readFileSync(fileFor(sitePath(image!))!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeLessThanOrEqual(socialImageBudget);
    for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)) {
      const data = [JSON.parse(json!)].flat();
      for (const item of data) {
        expect(item['@context']).toBe('https://schema.org');
        if (item.inLanguage) expect(item.inLanguage).toBe(lang);
        for (const crumb of item.itemListElement ?? []) expect(fileFor(sitePath(crumb.item))).toBeTruthy();
      }
    }
  });

  it('the home pages declare the site with a search action in their language', () => {
    for (const lang of localeCodes) {
      const html = read(fileFor(`/${lang}/`)!);
      const site = JSON.parse(html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)![1]!);
      const website = [site].flat().find((i: { '@type': string }) => i['@type'] === 'WebSite');
      expect(website.potentialAction.target.urlTemplate).toMatch(
        new RegExp(`/${lang}/search/\\?q=\\{search_term_string\\}$`),
      );
    }
  });
});
