import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOldPath, isRedirectPage, movedSections, netlifyRedirects } from '../../src/data/redirects';
import { localeCodes, root } from '../support/site';

describe('moved pages', () => {
  it('sends the old park URLs to the park pages', () => {
    expect(movedSections).toEqual([{ from: 'sites', to: 'parks', collection: 'parkPages' }]);
  });

  it('knows an old URL under any base path, and only in a language folder', () => {
    expect(isOldPath('/fr/sites/', '/')).toBe(true);
    expect(isOldPath('/offshoring/ar/sites/fes-shore/', '/offshoring/')).toBe(true);
    expect(isOldPath('/offshoring/ar/sites/fes-shore/', '/offshoring')).toBe(true);
    expect(isOldPath('/fr/parks/', '/')).toBe(false);
    expect(isOldPath('/sites/', '/')).toBe(false);
    expect(isOldPath('/fr/parks/sites/', '/')).toBe(false);
  });

  it('tells a redirect page from a page of the guide', () => {
    expect(
      isRedirectPage(
        '<html lang="fr"><head><meta http-equiv="refresh" content="0; url=/fr/parks/"></head></html>',
      ),
    ).toBe(true);
    expect(
      isRedirectPage('<html lang="fr"><head><meta name="description" content="refresh"></head></html>'),
    ).toBe(false);
  });

  it('writes one forced 301 per language for Netlify, under the base path', () => {
    expect(netlifyRedirects('/', ['fr', 'ar'])).toEqual([
      '/fr/sites/*  /fr/parks/:splat  301!',
      '/ar/sites/*  /ar/parks/:splat  301!',
    ]);
    expect(netlifyRedirects('/offshoring/', ['en'])).toEqual([
      '/offshoring/en/sites/*  /offshoring/en/parks/:splat  301!',
    ]);
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
