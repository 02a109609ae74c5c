import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n';
import { isLocale } from '../../src/i18n/locales';

describe('t()', () => {
  it('returns each language’s string for the same key', () => {
    expect(useTranslations('fr')('nav.parks')).toBe('Parcs');
    expect(useTranslations('en')('nav.parks')).toBe('Parks');
    expect(useTranslations('ar')('nav.parks')).toBe('المنصات');
  });

  it('interpolates without escaping (Astro escapes on render)', () => {
    expect(useTranslations('en')('picker.current', { name: 'A & B' })).toBe('Current language: A & B');
  });

  it('knows which codes are site locales', () => {
    expect(isLocale('ar')).toBe(true);
    expect(isLocale('es')).toBe(false);
    expect(isLocale('toString')).toBe(false);
  });
});
