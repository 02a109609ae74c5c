/**
 * The one locale registry. Astro's i18n config, <html lang dir>, hreflang tags, the language
 * picker, number formatting and the test matrix all read it. Adding a language = an entry here
 * + `src/i18n/ui/{code}.json` + `content/{collection}/{code}/` files + its key in data labels.
 */
export const locales = {
  fr: {
    code: 'fr',
    name: 'Français',
    dir: 'ltr',
    script: 'Latn',
    og: 'fr_MA',
    intl: 'fr-FR',
    hreflang: 'fr',
  },
  en: { code: 'en', name: 'English', dir: 'ltr', script: 'Latn', og: 'en_US', intl: 'en-US', hreflang: 'en' },
  ar: { code: 'ar', name: 'العربية', dir: 'rtl', script: 'Arab', og: 'ar_MA', intl: 'ar-MA', hreflang: 'ar' },
} as const satisfies Record<
  string,
  {
    code: string;
    name: string;
    dir: 'ltr' | 'rtl';
    script: Script;
    og: string;
    intl: string;
    hreflang: string;
  }
>;

/** Writing systems (ISO 15924) the site has fonts and font budgets for (tests/budgets.ts). */
export type Script = 'Latn' | 'Arab';

/** The web font each script is set in (the @font-face families of src/styles/global.css). */
export const fontFamilyByScript = {
  Latn: 'Inter Variable',
  Arab: 'Noto Sans Arabic Variable',
} as const satisfies Record<Script, string>;

/** Each web font with the languages set in it: { 'Inter Variable': ['fr', 'en'], … }. */
export const languagesByFontFamily = (): Record<string, string[]> => {
  const families: Record<string, string[]> = {};
  for (const l of Object.values(locales)) (families[fontFamilyByScript[l.script]] ??= []).push(l.code);
  return families;
};

export type Locale = keyof typeof locales;
export type LocaleInfo = (typeof locales)[Locale];
export const defaultLocale: Locale = 'fr';
export const localeCodes = Object.keys(locales) as Locale[];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(locales, value);
}
