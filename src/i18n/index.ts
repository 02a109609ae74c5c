import i18next, { type TFunction } from 'i18next';
import fr from './ui/fr.json';
import { defaultLocale, localeCodes, type Locale } from './locales';
import { frenchTypography, mapStrings } from '../lib/typography';

/**
 * UI dictionaries, one JSON file per locale of the registry (src/i18n/ui/{code}.json), found by
 * name; French is the reference shape. tests/unit/dictionaries.test.ts names any missing key.
 */
const dictionaries = import.meta.glob<typeof fr>('./ui/*.json', { eager: true, import: 'default' });
const withoutDictionary = localeCodes.filter((l) => !dictionaries[`./ui/${l}.json`]);
if (withoutDictionary.length > 0) {
  throw new Error(
    `src/i18n/locales.ts lists ${withoutDictionary.join(', ')}, but src/i18n/ui/ has no ${withoutDictionary.map((l) => `${l}.json`).join(', ')}: add it, translated from fr.json.`,
  );
}
/** French strings get their no-break spaces here, so text the browser writes has them too. */
const typeset = (l: Locale, d: typeof fr) => (l === 'fr' ? mapStrings(d, frenchTypography) : d);
export const resources = Object.fromEntries(
  localeCodes.map((l) => [l, typeset(l, dictionaries[`./ui/${l}.json`]!)]),
) as Record<Locale, typeof fr>;

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
  let t = bound.get(lang);
  if (!t) bound.set(lang, (t = remembering(instance.getFixedT(lang))));
  return t;
}

/**
 * i18next's lookup, interpolation and post-processing cost tens of microseconds a call (a whole
 * group of strings, `returnObjects`, one lookup per string), and a page makes hundreds of the
 * same calls: the `t()` of a locale keeps each result it has made, keyed by the key and options
 * that are plain strings, numbers or booleans. Groups are kept frozen, so no caller can change
 * what the next one gets.
 */
const bound = new Map<Locale, T>();
function remembering(t: T): T {
  const made = new Map<string, unknown>();
  const plain = (o: object) =>
    Object.values(o).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
  const call = t as unknown as (key: unknown, options?: unknown) => unknown;
  return ((key: unknown, options?: unknown) => {
    const id =
      typeof key !== 'string'
        ? undefined
        : options === undefined
          ? key
          : options && typeof options === 'object' && plain(options)
            ? `${key}\u0000${JSON.stringify(options)}`
            : undefined;
    if (id === undefined) return call(key, options);
    if (!made.has(id)) made.set(id, deepFreeze(call(key, options)));
    return made.get(id);
  }) as unknown as T;
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
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
