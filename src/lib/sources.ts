/**
 * The kinds of source and where each is listed: one page per kind under /{lang}/sources/, so that
 * no page of the list outgrows a first round trip (the single list of about 160 sources was
 * 20.6 kB Brotli in Arabic).
 */
export const sourceKinds = ['official', 'press', 'professional', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** The language of the fact sheets, in which sources.yaml notes its publishers and describes its untitled sources. */
export const factSheetLanguage = 'en';

export type CitationField = 'publisher' | 'title';

/** A source as sources.yaml has it: the fact sheet's words, and their translations. */
export interface SourceWords {
  publisher: string;
  title: string;
  translated?:
    Partial<Record<string, { publisher?: string | undefined; title?: string | undefined }>> | undefined;
}

/**
 * The fields of a source that need words in `lang`: a publisher with the researchers' note in
 * brackets ("Auditia (accounting firm)"), and a title that is their description in square brackets
 * rather than the published title. Names and published titles are shown as they are.
 */
export function untranslatedFields(s: SourceWords, lang: string): CitationField[] {
  if (lang === factSheetLanguage) return [];
  const needs: CitationField[] = [];
  if (s.publisher.includes('(') && !s.translated?.[lang]?.publisher) needs.push('publisher');
  if (s.title.startsWith('[') && !s.translated?.[lang]?.title) needs.push('title');
  return needs;
}

/** What a citation of the source says in `lang`: its publisher and title, translated where they need it. */
export function citationIn(s: SourceWords, lang: string): Record<CitationField, string> {
  const t = lang === factSheetLanguage ? undefined : s.translated?.[lang];
  return { publisher: t?.publisher ?? s.publisher, title: t?.title ?? s.title };
}

/**
 * The fields of a citation shown in the reader's words (a translated note or description): those
 * take the page's direction, so an Arabic note around a Latin name reads in order; a name or a
 * published title keeps its own. inReaderWords(auditia, 'ar') → ['publisher', 'title'].
 */
export function inReaderWords(s: SourceWords, lang: string): CitationField[] {
  if (lang === factSheetLanguage) return [];
  const t = s.translated?.[lang];
  return (['publisher', 'title'] as const).filter((f) => t?.[f] !== undefined);
}

/** The page that lists one kind, without language: sourceKindPath('press') → '/sources/press/'. */
export const sourceKindPath = (kind: SourceKind): string => `/sources/${kind}/`;

/** A source's anchor on its kind's page: sourceAnchor('cnss-2024') → 'src-cnss-2024'. */
export const sourceAnchor = (id: string): string => `src-${id}`;

/**
 * The sources page's script for old links: the sources used to be listed on /sources/ itself, so a
 * link to /sources/#src-{id} goes on to the page of the source's kind, read from the link to that
 * page (`data-source-ids`, its sources' ids); a malformed anchor is left alone. Classic and inline;
 * the page adds its hash to its policy.
 */
export const oldAnchorScript = `(function () {
  var anchor;
  try {
    anchor = decodeURIComponent(location.hash.slice(1));
  } catch (e) {
    return;
  }
  if (anchor.indexOf('src-') !== 0 || document.getElementById(anchor)) return;
  var links = document.querySelectorAll('[data-source-ids]');
  for (var i = 0; i < links.length; i++) {
    if (links[i].getAttribute('data-source-ids').split(' ').indexOf(anchor.slice(4)) !== -1) {
      location.replace(links[i].href.split('#')[0] + '#' + anchor);
      return;
    }
  }
})();`;
