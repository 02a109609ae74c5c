/**
 * Search for the offline copy, and for the header box's first results online. Browsers refuse
 * fetch() and WebAssembly loads on file://, so Pagefind cannot run there: the export writes each
 * language's indexed text into a classic script, and this module indexes it in the browser and
 * answers queries in the shape the search UI already draws (see src/client/search/engine.ts).
 * Online, the same text comes as `pagefind/quick.{lang}.json`.
 *
 * Words are compared in a normal form on both sides: lower case; Latin accents dropped (fes →
 * Fès) and œ, æ written out (oeuvre → œuvre); French elisions and English possessives dropped
 * (impôt → l’impôt); a plural's ending dropped (taxes ↔ tax, impôts ↔ impôt); Arabic-Indic
 * digits read as Latin ones (٢٠٣٠ → 2030); Arabic short vowels dropped, alef/yaa/taa marbuta
 * variants and hamza on waw or yaa merged (مؤكد → موكد, رئيس → رييس), then the attached conjunction, preposition and article stripped with
 * stripArabicPrefixes, so «التكوين», «والتكوين» and «تكوين» are one word, and so are «الإلكترونية»
 * and «الكترونية»; a Latin word after an attached «و» (وKPO) is that Latin word. A lone attached
 * letter before an Arabic word (ومؤسساتية) stays in the index, and a query's word is also sought
 * behind each (attachedForms).
 *
 * The index is a plain inverted index (a map from a word's normal form to the pages and fields
 * it occurs in), scored with BM25+ per field: a few thousand distinct words for a language of
 * the guide, built in one pass over the text. (MiniSearch did this until December 2026; its
 * radix tree and the conversions to build it took most of a first search's time in a page just
 * opened, which here faults in every page of memory it grows by.)
 */
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
  /** The index made at build time (the header box's quick index has it; the offline copy not). */
  index?: PackedIndex;
}

/** Words and numbers, with the apostrophe of an elision kept inside the word for normalizeTerm. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const FRENCH_ELISION = /^(?:qu|jusqu|lorsqu|puisqu|[cdjlmnst])['’]/;
const ARABIC = /[\u0600-\u06ff]/;
const ARABIC_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** One attached Arabic letter (و ف ب ك ل) before a word in Latin letters or digits: 'وKPO'. */
const ARABIC_LETTER_BEFORE_LATIN = /^[وفبكل]([^\u0600-\u06ff]+)$/;
const ARABIC_WORD = /^[\u0621-\u064a]+$/;
const PLAIN = /^[a-z0-9]+$/;

/** The words of a text with their positions: 'l’impôt, 2030' → [{ word: 'l’impôt', start: 0 }, { word: '2030', start: 9 }]. */
export function words(text: string): { word: string; start: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index }));
}

/**
 * A word in the form the index keeps: ('L’Impôt', 'fr') → 'impot'; ('Morocco’s', 'en') → 'morocco';
 * ('companies', 'en') → 'company'; ('والتكوين', 'ar') → 'تكوين'; ('أعمال', 'ar') → 'اعمال';
 * ('KPO', 'ar') → 'kpo'; ('وKPO', 'ar') → 'kpo'; ('٢٠٣٠', 'ar') → '2030'.
 */
export function normalizeTerm(word: string, lang: string): string {
  if (PLAIN.test(word)) return singular(word, lang); // lower-case ASCII letters and digits
  const latinDigits = word.replace(ARABIC_DIGIT, (d) => String(d.charCodeAt(0) & 0xf));
  if (ARABIC.test(latinDigits)) {
    // Alef variants merged before the article is stripped: «الإلكترونية» and «الكترونية» alike.
    const folded = normalizeArabic(latinDigits)
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ؤ/g, 'و')
      .replace(/ئ/g, 'ي')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه');
    const latin = folded.match(ARABIC_LETTER_BEFORE_LATIN)?.[1];
    if (latin) return normalizeTerm(latin, lang);
    // Once more after an article: «الإلكترونية» → «الكترونيه» → «كترونيه», as «الكترونية» gives.
    const bare = stripArabicPrefixes(folded);
    return bare === folded ? bare : stripArabicPrefixes(bare);
  }
  let w = latinDigits.toLowerCase();
  if (lang === 'fr') w = w.replace(FRENCH_ELISION, '');
  if (lang === 'en') w = w.replace(/['’]s$/, '');
  w = w.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  return singular(w.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]/g, ''), lang);
}

/**
 * A plural's regular ending dropped, the same on both sides, so the plural finds the singular:
 * en 'companies' → 'company', 'taxes' → 'tax', 'kpos' → 'kpo' ('process', 'status', 'analysis'
 * kept); fr 'impots' → 'impot', 'emplois' → 'emploi', 'taux' → 'tau' (and 'les', short, kept).
 * Latin words only (Arabic plurals are mostly broken plurals: no ending to drop).
 */
function singular(w: string, lang: string): string {
  if (w.length < 4 || /\d/.test(w)) return w;
  if (lang === 'en') {
    if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
    if (/(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
    return /[^su]s$/.test(w) && !w.endsWith('is') ? w.slice(0, -1) : w;
  }
  if (lang === 'fr') return /[^s][sx]$/.test(w) ? w.slice(0, -1) : w;
  return w;
}

/** The fields a page is indexed by, in the order that numbers them, and what a match in each counts. */
const fields = ['title', 'headings', 'text'] as const;
const boosts = [4, 2, 1];
const fieldCount = fields.length;
/** BM25+ parameters (Lv and Zhai's defaults: term saturation, length normalisation, floor). */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
/** A word the query's word only begins counts this much at best, less the longer it is. */
const prefixWeight = 0.375;

/**
 * An index made at build time, which `quick.{lang}.json` carries beside the pages so that the
 * header box's first search does not read every word of them first.
 */
export interface PackedIndex {
  /** The words (normal forms) in code-unit order, separated by spaces. */
  words: string;
  /**
   * Each word's pairs, in the words' order, separated by ';': 'key[.count]' in base 36, the key
   * (page × 3 + field) as a difference from the previous pair's, the count when more than one;
   * pairs separated by ','.
   */
  postings: string;
  /** Distinct words per page and field, at page × 3 + field. */
  lengths: number[];
}

export interface OfflineIndex {
  lang: string;
  docs: OfflineDoc[];
  /** The words (normal forms) in code-unit order. */
  words: string[];
  /**
   * Where each word occurs, as pairs [page × fieldCount + field, occurrences] in page then field
   * order; still packed (PackedIndex) until a search first reads it.
   */
  lists: (number[] | string)[];
  /** Distinct words per page and field, at page × fieldCount + field. */
  lengths: number[];
  /** Each field's average length over the pages. */
  averages: number[];
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

/** The texts of a page's fields: its title, its section headings, all its text. */
function fieldTexts(doc: OfflineDoc): string[][] {
  return [[doc.title], doc.sections.slice(1).map((s) => s.title), doc.sections.map((s) => s.text)];
}

/**
 * The index of one language's pages: unpacked from `data.index` when the build made it, else
 * made here in one pass over the pages' words.
 */
export function createOfflineIndex(data: OfflineIndexData): OfflineIndex {
  const { lang, docs } = data;
  const term = termNormalizer(lang);
  if (data.index) {
    const { words, postings, lengths } = data.index;
    return {
      lang,
      docs,
      words: words ? words.split(' ') : [],
      lists: postings ? postings.split(';') : [],
      lengths,
      averages: averageLengths(lengths, docs.length),
      term,
    };
  }
  const found = new Map<string, number[]>();
  const lengths: number[] = [];
  docs.forEach((doc, page) => {
    fieldTexts(doc).forEach((texts, field) => {
      const key = page * fieldCount + field;
      let distinct = 0;
      for (const text of texts) {
        for (const word of text.match(WORD) ?? []) {
          const t = term(word);
          if (!t) continue;
          let list = found.get(t);
          if (!list) found.set(t, (list = []));
          // Pages and fields are read in order: a word seen in this field already is the last pair.
          if (list[list.length - 2] === key) list[list.length - 1]!++;
          else {
            list.push(key, 1);
            distinct++;
          }
        }
      }
      lengths[key] = distinct;
    });
  });
  const words = [...found.keys()].sort();
  return {
    lang,
    docs,
    words,
    lists: words.map((w) => found.get(w)!),
    lengths,
    averages: averageLengths(lengths, docs.length),
    term,
  };
}

function averageLengths(lengths: number[], pages: number): number[] {
  const totals = new Array<number>(fieldCount).fill(0);
  lengths.forEach((length, key) => (totals[key % fieldCount]! += length));
  return totals.map((total) => total / Math.max(pages, 1));
}

/** The index in the form the build writes into `quick.{lang}.json` (PackedIndex). */
export function packIndex(index: OfflineIndex): PackedIndex {
  const pack = (list: number[]) => {
    const pairs: string[] = [];
    for (let i = 0, last = 0; i < list.length; i += 2) {
      const count = list[i + 1]!;
      pairs.push((list[i]! - last).toString(36) + (count > 1 ? `.${count.toString(36)}` : ''));
      last = list[i]!;
    }
    return pairs.join(',');
  };
  return {
    words: index.words.join(' '),
    postings: index.words.map((w) => pack(postingsOf(index, w)!)).join(';'),
    lengths: index.lengths,
  };
}

function unpack(packed: string): number[] {
  const list: number[] = [];
  let key = 0;
  for (const pair of packed.split(',')) {
    const dot = pair.indexOf('.');
    key += parseInt(dot < 0 ? pair : pair.slice(0, dot), 36);
    list.push(key, dot < 0 ? 1 : parseInt(pair.slice(dot + 1), 36));
  }
  return list;
}

/** Where the first of the index's words at or after `word` in code-unit order is. */
function firstAtOrAfter(words: string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A word's pairs [page × 3 + field, occurrences]; undefined when no page has it. */
export function postingsOf(index: OfflineIndex, word: string): number[] | undefined {
  const at = firstAtOrAfter(index.words, word);
  if (index.words[at] !== word) return undefined;
  let list = index.lists[at]!;
  if (typeof list === 'string') index.lists[at] = list = unpack(list);
  return list;
}

/** Words in an excerpt, as Pagefind's excerptLength in the online search. */
export const excerptWords = 24;

/** A page that matched, before its excerpts are made: its score and the words it matched by. */
interface Match {
  page: number;
  score: number;
  /** The index's words it matched (a query's word or words it begins). */
  words: Set<string>;
}

/** The words of the index that begin with `prefix` (and are longer), with each one's weight. */
function completions(index: OfflineIndex, prefix: string): [string, number][] {
  const { words } = index;
  const out: [string, number][] = [];
  for (let i = firstAtOrAfter(words, prefix); i < words.length && words[i]!.startsWith(prefix); i++) {
    const word = words[i]!;
    const extra = word.length - prefix.length;
    if (extra > 0) out.push([word, (prefixWeight * word.length) / (word.length + 0.3 * extra)]);
  }
  return out;
}

/** The pages one query word matches, scored: BM25+ in each field, weighted by field and by match. */
function matchWord(index: OfflineIndex, queryWord: string): Map<number, Match> {
  const out = new Map<number, Match>();
  const pages = index.docs.length;
  // Prefixes only from three letters, so «le» does not match half of the French pages.
  const candidates: [string, number][] = attachedForms(queryWord).flatMap((form) => [
    [form, 1] as [string, number],
    ...(queryWord.length >= 3 ? completions(index, form) : []),
  ]);
  for (const [word, weight] of candidates) {
    const list = postingsOf(index, word);
    if (!list) continue;
    const having = new Array<number>(fieldCount).fill(0);
    for (let i = 0; i < list.length; i += 2) having[list[i]! % fieldCount]!++;
    for (let i = 0; i < list.length; i += 2) {
      const key = list[i]!;
      const page = Math.floor(key / fieldCount);
      const field = key % fieldCount;
      const n = having[field]!;
      const idf = Math.log(1 + (pages - n + 0.5) / (n + 0.5));
      const tf = list[i + 1]!;
      const norm = 1 - bm25.b + (bm25.b * index.lengths[key]!) / (index.averages[field]! || 1);
      const score = weight * boosts[field]! * idf * (bm25.d + (tf * (bm25.k + 1)) / (tf + bm25.k * norm));
      const match = out.get(page);
      if (match) {
        match.score += score;
        match.words.add(word);
      } else out.set(page, { page, score, words: new Set([word]) });
    }
  }
  return out;
}

/**
 * An Arabic word and the same word behind a lone attached letter: «مؤسساتيه» → also «ومؤسساتيه»,
 * «فمؤسساتيه», «بمؤسساتيه», «لمؤسساتيه», «كمؤسساتيه». The index keeps such a word whole (a lone
 * letter also starts words: وزارة، بنك، فريق), so the query tries it with each one instead.
 */
function attachedForms(word: string): string[] {
  return ARABIC_WORD.test(word) ? [word, ...[...'وفبلك'].map((letter) => letter + word)] : [word];
}

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
  const queryWords = [...new Set((query.match(WORD) ?? []).map(index.term).filter(Boolean))];
  let matches: Map<number, Match> | undefined;
  for (const word of queryWords) {
    const mine = matchWord(index, word);
    if (!matches) matches = mine;
    else
      for (const [page, match] of matches) {
        const other = mine.get(page);
        if (!other) matches.delete(page);
        else {
          match.score += other.score;
          for (const w of other.words) match.words.add(w);
        }
      }
  }
  const results = [...(matches?.values() ?? [])]
    .filter((m) => {
      const doc = index.docs[m.page]!;
      return (
        (!filters.type || doc.type === filters.type) && (!filters.region || doc.region === filters.region)
      );
    })
    .sort((a, b) => b.score - a.score || a.page - b.page);
  return { total: results.length, hits: (from, to) => results.slice(from, to).map((r) => toHit(index, r)) };
}

/**
 * A page's result: its excerpt, the lead's matches and up to three matching sections. Only the
 * sections shown get their words marked one by one; the others are only asked whether they
 * hold a match, which stops at the first.
 */
function toHit(index: OfflineIndex, r: Match): Hit {
  const doc = index.docs[r.page]!;
  const matched = r.words;
  const parts = doc.sections.map((section) => ({
    section,
    // A heading may hold the match alone: its section is still the place to land.
    matches:
      holdsMatch(section.text, matched, index.term) ||
      (section.id !== undefined && holdsMatch(section.title, matched, index.term)),
    marks: undefined as Marked[] | undefined,
  }));
  type Part = (typeof parts)[number];
  const marksOf = (p: Part) => (p.marks ??= markWords(p.section.text, matched, index.term));
  const snippet = (p: Part | undefined) => (p ? excerpt(p.section.text, marksOf(p)) : []);
  const [lead, ...rest] = parts;
  const sections = rest
    .filter((p) => p.matches)
    .slice(0, 3)
    .map((p) => ({
      url: withFragment(doc.url, landing(p.section, marksOf(p)) ?? p.section.id),
      title: p.section.title,
      excerpt: snippet(p),
    }));
  // The page's excerpt: its first part with a match (a title may match alone: then its start).
  const best = parts.find((p) => p.matches) ?? lead;
  return {
    url: doc.url,
    title: doc.title,
    type: doc.type,
    region: doc.region,
    excerpt: snippet(best),
    // As online: the lead's matches, or the page's excerpt when no section matches.
    lead: lead?.matches ? snippet(lead) : sections.length === 0 ? snippet(best) : [],
    sections,
  };
}

/** Whether a word of the text has a normal form the search matched. */
function holdsMatch(text: string, matched: Set<string>, term: (word: string) => string): boolean {
  for (const word of text.match(WORD) ?? []) if (matched.has(term(word))) return true;
  return false;
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
