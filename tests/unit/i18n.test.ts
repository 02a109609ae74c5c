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

  it('gives the same answers when it answers a repeated call from what it kept', () => {
    const t = useTranslations('en');
    expect(useTranslations('en')).toBe(t);
    expect(t('picker.current', { name: 'A' })).toBe('Current language: A');
    expect(t('picker.current', { name: 'B' })).toBe('Current language: B');
    expect(t('picker.current', { name: 'A' })).toBe('Current language: A');
    expect(useTranslations('fr')('nav.parks')).toBe('Parcs');
    expect(t('nav.parks')).toBe('Parks');
    const units = t('units', { returnObjects: true });
    expect(t('units', { returnObjects: true })).toEqual(units);
    expect(Object.isFrozen(units)).toBe(true);
  });

  it('knows which codes are site locales', () => {
    expect(isLocale('ar')).toBe(true);
    expect(isLocale('es')).toBe(false);
    expect(isLocale('toString')).toBe(false);
  });
});
