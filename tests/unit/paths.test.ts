import { describe, expect, it } from 'vitest';
import {
  alternatePaths,
  localeFromPath,
  localizePath,
  negotiateLocale,
  pathWithoutLocale,
  stripBase,
  withBase,
} from '../../src/i18n/paths';

describe('localized paths', () => {
  it('prefixes every locale and keeps trailing slashes', () => {
    expect(localizePath('fr')).toBe('/fr/');
    expect(localizePath('ar', '/pillars/human-capital')).toBe('/ar/pillars/human-capital/');
    expect(localizePath('en', '/sources/#methodology')).toBe('/en/sources/#methodology');
  });

  it('works under a base path', () => {
    expect(localizePath('en', '/parks/', '/offshoring/')).toBe('/offshoring/en/parks/');
    expect(withBase('/fr/', '/offshoring')).toBe('/offshoring/fr/');
    expect(stripBase('/offshoring/ar/parks/', '/offshoring/')).toBe('/ar/parks/');
  });

  it('reads the locale from a path', () => {
    expect(localeFromPath('/ar/parks/')).toBe('ar');
    expect(localeFromPath('/')).toBeUndefined();
    expect(localeFromPath('/es/')).toBeUndefined();
    expect(pathWithoutLocale('/en/parks/fes-shore/')).toBe('/parks/fes-shore/');
    expect(pathWithoutLocale('/en/')).toBe('/');
  });

  it('gives the same page in every language', () => {
    expect(alternatePaths('/fr/incentives/air/')).toEqual({
      fr: '/fr/incentives/air/',
      en: '/en/incentives/air/',
      ar: '/ar/incentives/air/',
    });
    expect(alternatePaths('/offshoring/ar/', '/offshoring/')).toEqual({
      fr: '/offshoring/fr/',
      en: '/offshoring/en/',
      ar: '/offshoring/ar/',
    });
  });

  it('negotiates the reader’s language', () => {
    expect(negotiateLocale(['ar-MA', 'fr'])).toBe('ar');
    expect(negotiateLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(negotiateLocale(['de-DE'])).toBe('fr');
    expect(negotiateLocale([])).toBe('fr');
  });
});
