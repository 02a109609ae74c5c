import { pluralTemplates, type T } from './index';
import { locales, type Locale } from './locales';
import { maxQueryLength, pageTypes, type PageType, type SearchStrings } from '../lib/search';

/** The search UI's strings in one language, for the browser: searchStrings('fr', t).types.park → 'Parc'. */
export function searchStrings(lang: Locale, t: T): SearchStrings {
  const intl = locales[lang].intl;
  return {
    intl,
    results: pluralTemplates(lang, 'search.results'),
    empty: t('search.empty'),
    noResultsHint: t('search.noResultsHint'),
    tooLong: t('search.tooLong', { max: new Intl.NumberFormat(intl).format(maxQueryLength) }),
    unavailable: t('search.unavailable'),
    sections: t('search.sections'),
    types: Object.fromEntries(pageTypes.map((p) => [p, t(`search.type.${p}`)])) as Record<PageType, string>,
  };
}
