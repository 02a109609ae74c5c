/**
 * Search for the offline copy, and for the header box's first results online. Browsers refuse
 * fetch() and WebAssembly loads on file://, so Pagefind cannot run there: the export writes each
 * language's indexed text into a classic script, and this module indexes it in the browser with
 * MiniSearch and answers queries in the shape the search UI already draws (see
 * src/client/search/engine.ts). Online, the same text comes as `pagefind/quick.{lang}.json`.
 *
 * Words are compared in a normal form on both sides: lower case; Latin accents dropped (fes →
 * Fès); French elisions and English possessives dropped (impôt → l’impôt); Arabic short vowels
 * dropped, alef/yaa/taa marbuta variants merged and the attached conjunction, preposition and
 * article stripped with stripArabicPrefixes, so «التكوين», «والتكوين» and «تكوين» are one word.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { normalizeArabic, stripArabicPrefixes } from './arabic-search';
import { withFragment, type Filters, type Hit, type PageType, type TextRun } from './search';

/** A part of a page: the lead (before the first heading with an id) or a section under one. */
export interface OfflineSection {
  /** The heading's text; the page title for the lead. */
  title: string;
  /** The heading's id; absent for the lead. */
  id?: string;
  /** Text with white space collapsed. */
  text: string;
  /** Elements with an id inside the section, as [character offset in text, id], in order. */
  anchors: [number, string][];
}

/** One indexed page, as the export writes it. */
export interface OfflineDoc {
  /** Path of the page's file from the export root: 'fr/parks/fes-shore/index.html'. */
  url: string;
  title: string;
  type: PageType;
  region?: string;
  sections: OfflineSection[];
}

/** What the classic script `search-index-{lang}.js` assigns, per language. */
export interface OfflineIndexData {
  lang: string;
  docs: OfflineDoc[];
}

/** Words and numbers, with the apostrophe of an elision kept inside the word for normalizeTerm. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const FRENCH_ELISION = /^(?:qu|jusqu|lorsqu|puisqu|[cdjlmnst])['’]/;
const ARABIC = /[\u0600-\u06ff]/;

/** The words of a text with their positions: 'l’impôt, 2030' → [{ word: 'l’impôt', start: 0 }, { word: '2030', start: 9 }]. */
export function words(text: string): { word: string; start: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index }));
}

/**
 * A word in the form the index keeps: ('L’Impôt', 'fr') → 'impot'; ('Morocco’s', 'en') → 'morocco';
 * ('والتكوين', 'ar') → 'تكوين'; ('أعمال', 'ar') → 'اعمال'; ('KPO', 'ar') → 'kpo'.
 */
export function normalizeTerm(word: string, lang: string): string {
  if (ARABIC.test(word)) {
    const bare = stripArabicPrefixes(normalizeArabic(word));
    return bare
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه');
  }
  let w = word.toLowerCase();
  if (lang === 'fr') w = w.replace(FRENCH_ELISION, '');
  if (lang === 'en') w = w.replace(/['’]s$/, '');
  return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]/g, '');
}

interface PageFields {
  id: number;
  title: string;
  headings: string;
  text: string;
  type: PageType;
  region: string;
}

export interface OfflineIndex {
  lang: string;
  docs: OfflineDoc[];
  search: MiniSearch<PageFields>;
  /** normalizeTerm in the index's language, remembered per word. */
  term: (word: string) => string;
}

/**
 * normalizeTerm for one language, each distinct word computed once: a page's text repeats the
 * same few thousand words, and the normal form (Unicode decomposition, Arabic prefixes) is most
 * of the cost of indexing and of marking excerpts.
 */
export function termNormalizer(lang: string): (word: string) => string {
  const known = new Map<string, string>();
  return (word) => {
    let term = known.get(word);
    if (term === undefined) known.set(word, (term = normalizeTerm(word, lang)));
    return term;
  };
}

/** The fields MiniSearch indexes, in the order that numbers them. */
const indexedFields = ['title', 'headings', 'text'] as const;

/** A page as MiniSearch sees it. */
export function pageFields(doc: OfflineDoc, id: number): PageFields {
  return {
    id,
    title: doc.title,
    headings: doc.sections
      .slice(1)
      .map((s) => s.title)
      .join(' \n '),
    text: doc.sections.map((s) => s.text).join(' \n '),
    type: doc.type,
    region: doc.region ?? '',
  };
}

/** MiniSearch's options for a language's index; `term` normalises a word (see termNormalizer). */
export function miniSearchOptions(term: (word: string) => string): Options<PageFields> {
  return {
    fields: [...indexedFields],
    storeFields: ['type', 'region'],
    tokenize: (text) => text.match(WORD) ?? [],
    processTerm: (word) => term(word) || null,
  };
}

/**
 * Indexes the pages of one language. The result is the index MiniSearch's addAll builds, made
 * another way: addAll walks its radix tree once per word of the text (tens of thousands for the
 * guide, most of the time of a first search in a cold page), while here the words are counted
 * in a hash map and MiniSearch loads the counts as it loads a saved index (MiniSearch.loadJS),
 * one walk per distinct word. tests/unit/offline-search.test.ts holds the two to the same index.
 */
export function createOfflineIndex(data: OfflineIndexData): OfflineIndex {
  const { lang, docs } = data;
  const term = termNormalizer(lang);
  const options = miniSearchOptions(term);
  const tokenize = (text: string) => text.match(WORD) ?? [];
  /** term → field id → document id → occurrences, in the order addAll would meet them. */
  const index = new Map<string, Record<number, Record<number, number>>>();
  const fieldLength: Record<number, number[]> = {};
  const averageFieldLength: number[] = [];
  const documentIds: Record<number, number> = {};
  const storedFields: Record<number, { type: PageType; region: string }> = {};
  docs.forEach((doc, id) => {
    const page = pageFields(doc, id);
    documentIds[id] = id;
    storedFields[id] = { type: page.type, region: page.region };
    const lengths: number[] = [];
    indexedFields.forEach((field, fieldId) => {
      const tokens = tokenize(page[field]);
      // As MiniSearch counts a field's length (distinct words) and keeps the running average.
      const length = new Set(tokens).size;
      lengths[fieldId] = length;
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] ?? 0) * id + length) / (id + 1);
      for (const token of tokens) {
        const t = term(token);
        if (!t) continue;
        let byField = index.get(t);
        if (!byField) index.set(t, (byField = {}));
        const counts = (byField[fieldId] ??= {});
        counts[id] = (counts[id] ?? 0) + 1;
      }
    });
    fieldLength[id] = lengths;
  });
  const search = MiniSearch.loadJS<PageFields>(
    {
      documentCount: docs.length,
      nextId: docs.length,
      documentIds,
      fieldIds: Object.fromEntries(indexedFields.map((f, i) => [f, i])),
      fieldLength,
      averageFieldLength,
      storedFields,
      dirtCount: 0,
      index: [...index],
      serializationVersion: 2,
    },
    options,
  );
  return { lang, docs, search, term };
}

/** How much a match in the title or a heading counts against one in the text. */
const boost = { title: 4, headings: 2, text: 1 };
/** Words in an excerpt, as Pagefind's excerptLength in the online search. */
export const excerptWords = 24;

/**
 * Pages that contain every word of the query (the last one may be unfinished: 'casan' finds
 * Casanearshore), best first, with excerpts and the matching sections.
 */
export function searchOffline(index: OfflineIndex, query: string, filters: Filters = {}): Hit[] {
  const found = findOffline(index, query, filters);
  return found.hits(0, found.total);
}

/**
 * searchOffline's results counted at once, their excerpts made only for the slice asked for:
 * excerpts read every word of a page, so five results cost a fifth of twenty-five.
 */
export function findOffline(
  index: OfflineIndex,
  query: string,
  filters: Filters = {},
): { total: number; hits(from: number, to: number): Hit[] } {
  const results = index.search.search(query, {
    combineWith: 'AND',
    boost,
    // Prefixes only from three letters, so «le» does not match half of the French pages.
    prefix: (term) => term.length >= 3,
    filter: (r) =>
      (!filters.type || r['type'] === filters.type) && (!filters.region || r['region'] === filters.region),
  });
  return { total: results.length, hits: (from, to) => results.slice(from, to).map((r) => toHit(index, r)) };
}

interface Part {
  section: OfflineSection;
  marks: Marked[];
}
const hasMatch = (p: Part) => p.marks.some((m) => m.mark);
const snippet = (p: Part | undefined) => (p ? excerpt(p.section.text, p.marks) : []);

function toHit(index: OfflineIndex, r: SearchResult): Hit {
  const doc = index.docs[r.id as number]!;
  const matched = new Set(r.terms);
  const parts: Part[] = doc.sections.map((section) => ({
    section,
    marks: markWords(section.text, matched, index.term),
  }));
  const [lead, ...rest] = parts;
  const sections = rest
    .filter(hasMatch)
    .slice(0, 3)
    .map((p) => ({
      url: withFragment(doc.url, landing(p.section, p.marks) ?? p.section.id),
      title: p.section.title,
      excerpt: snippet(p),
    }));
  // The page's excerpt: its first part with a match (a title may match alone: then its start).
  const best = parts.find(hasMatch) ?? lead;
  return {
    url: doc.url,
    title: doc.title,
    type: doc.type,
    region: doc.region,
    excerpt: snippet(best),
    // As online: the lead's matches, or the page's excerpt when no section matches.
    lead: lead && hasMatch(lead) ? snippet(lead) : sections.length === 0 ? snippet(best) : [],
    sections,
  };
}

interface Marked {
  start: number;
  end: number;
  mark: boolean;
}

/** Every word of a text, marked when its normal form is one the search matched. */
function markWords(text: string, matched: Set<string>, term: (word: string) => string): Marked[] {
  return words(text).map(({ word, start }) => ({
    start,
    end: start + word.length,
    mark: matched.has(term(word)),
  }));
}

/** The id of the last element with an id at or before the first match of a section. */
function landing(section: OfflineSection, marks: Marked[]): string | undefined {
  const first = marks.find((m) => m.mark)?.start;
  if (first === undefined) return undefined;
  let id: string | undefined;
  for (const [offset, anchor] of section.anchors) if (offset <= first) id = anchor;
  return id;
}

/**
 * The run of `excerptWords` words with the most matches (the first such run, starting a few
 * words before its first match), as text segments with the matched words marked and '…' where
 * the text was cut.
 */
export function excerpt(text: string, marks: Marked[], size = excerptWords): TextRun[] {
  if (marks.length === 0) return text ? [{ text, mark: false }] : [];
  let from = 0;
  let bestCount = -1;
  // Matches in the window marks[i, i + size), kept up to date as the window slides.
  let count = marks.slice(0, size).filter((m) => m.mark).length;
  for (let i = 0; i + size <= Math.max(marks.length, size); i++) {
    if (i > 0) count += Number(marks[i + size - 1]!.mark) - Number(marks[i - 1]!.mark);
    if (count > bestCount) [from, bestCount] = [i, count];
    if (i + size >= marks.length) break;
  }
  // Start a few words before the first match rather than with it, for context.
  const first = marks.findIndex((m, i) => i >= from && m.mark);
  if (first >= 0) from = Math.max(from, Math.min(first - 5, marks.length - size));
  const window = marks.slice(from, from + size);
  const out: TextRun[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += t;
    else out.push({ text: t, mark });
  };
  if (from > 0) push('… ', false);
  let at = window[0]!.start;
  for (const m of window) {
    push(text.slice(at, m.start), false);
    push(text.slice(m.start, m.end), m.mark);
    at = m.end;
  }
  const end = from + size < marks.length;
  // Keep the punctuation that closes the last word (a full stop, a closing quote).
  push(end ? `${text.slice(at, marks[from + size]!.start).replace(/\s+$/, '')} …` : text.slice(at), false);
  return out;
}
