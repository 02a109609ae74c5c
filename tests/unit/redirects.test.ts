import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroRedirects, movedSections, netlifyRedirects } from '../../src/data/redirects';
import { localeCodes, root } from '../support/site';

describe('moved pages', () => {
  it('sends the old park URLs to the new ones, the section and each page under it', () => {
    expect(astroRedirects()).toEqual({ '/[lang]/sites': '/[lang]/parks', '/[lang]/sites/[slug]': '/[lang]/parks/[slug]' });
  });

  it('writes one forced 301 per language for Netlify, under the base path', () => {
    expect(netlifyRedirects('/', ['fr', 'ar'])).toEqual(['/fr/sites/*  /fr/parks/:splat  301!', '/ar/sites/*  /ar/parks/:splat  301!']);
    expect(netlifyRedirects('/offshoring/', ['en'])).toEqual(['/offshoring/en/sites/*  /offshoring/en/parks/:splat  301!']);
  });

  it('has the same 301 in server/nginx.conf, for every language, before the Brotli lookup', () => {
    const conf = readFileSync(join(root, 'server/nginx.conf'), 'utf8');
    for (const { from, to } of movedSections) {
      const line = conf.split('\n').find((l) => l.includes(`/${from}/`) && l.trim().startsWith('rewrite'));
      expect(line?.trim()).toBe(`rewrite ^/(${localeCodes.join('|')})/${from}/(.*)$ /$1/${to}/$2 permanent;`);
      expect(conf.indexOf(line!)).toBeLessThan(conf.indexOf('$offshoring_br'));
    }
  });
});
