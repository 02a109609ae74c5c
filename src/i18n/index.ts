import i18next, { type TFunction } from 'i18next';
import frSource from './ui/fr.json';
import en from './ui/en.json';
import ar from './ui/ar.json';
import { defaultLocale, localeCodes, type Locale } from './locales';
import { frenchTypography, mapStrings } from '../lib/typography';

/** French strings get their no-break spaces here, so text the browser writes has them too (issue 13). */
const fr = mapStrings(frSource, frenchTypography);

/** UI dictionaries, one JSON file per locale; French is the reference shape. */
export const resources = { fr, en, ar } satisfies Record<Locale, unknown>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: defaultLocale,
  supportedLngs: localeCodes,
  fallbackLng: false,
  returnNull: false,
  interpolation: { escapeValue: false }, // Astro escapes on render
  resources: Object.fromEntries(localeCodes.map((l) => [l, { translation: resources[l] }])),
});

export type T = TFunction<'translation'>;

/** A `t()` bound to one locale: useTranslations('ar')('nav.home') → 'الرئيسية'. */
export function useTranslations(lang: Locale): T {
  return instance.getFixedT(lang);
}

const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * The raw plural forms of a key, for code that counts in the browser (where i18next is not
 * shipped): pluralTemplates('ar', 'search.results') → { zero: 'لا نتائج…', one: …, …, other: … }.
 */
export function pluralTemplates(lang: Locale, key: string): Partial<Record<Intl.LDMLPluralRule, string>> {
  return Object.fromEntries(
    pluralCategories.flatMap((c) => {
      const template: unknown = instance.getResource(lang, 'translation', `${key}_${c}`);
      return typeof template === 'string' ? [[c, template]] : [];
    }),
  );
}
