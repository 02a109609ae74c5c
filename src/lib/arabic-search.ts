/**
 * Arabic query normalisation for the site search.
 *
 * Pagefind stems Arabic pages and queries with the Snowball stemmer. Measured with Pagefind 1.6
 * on test pages: it strips «ال», «بال», «كال», «لل» and a lone «و»/«ف», but it leaves the very
 * common conjunction + article «وال»/«فال» (it never strips «و»/«ف» before «ا», to spare roots
 * such as «وافق»), and it stems a bare «تكوين» differently from «التكوين». So «التكوين» does not
 * find «والتكوين» and «تكوين» does not find «التكوين».
 *
 * The index is left as Pagefind builds it (excerpts keep the page's own words); instead the
 * browser searches a few spellings of an Arabic query and merges the results: the query as
 * typed, every word with the article («ال» + bare word), every word bare, and each word with «وال». Not «فال»:
 * Pagefind stems it to «فال», which then matches «فالي» (as in «تيك فالي») on unrelated pages.
 */

/** Short vowels, shadda, sukun, dagger alif and tatweel: not part of the spelling of a word. */
const MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_LETTERS = /^[\u0621-\u064A]+$/;
/**
 * Attached prefixes that always carry the article: an optional conjunction (و ف), an optional
 * preposition (ب ك) and «ال», or «لل» (ل + ال, whose alif is not written). A lone «ب ك ل و ف»
 * is not stripped: it starts too many words (بنك، كلفة، لائحة، وزارة، فريق) and Pagefind's
 * stemmer already handles it on both sides.
 */
const ARTICLE_PREFIX = /^(?:[وف]?[بك]?ال|[وف]?لل)/;
/** A bare word needs at least three letters, so «الذي», «التي», «والي», «فلل» are left whole. */
export const MIN_STEM = 3;
/** Upper bound on the searches one query may cost (each is a Pagefind search). */
export const MAX_VARIANTS = 8;

/** Removes short vowels and tatweel: 'التَّكْوِيـن' → 'التكوين'. */
export function normalizeArabic(text: string): string {
  return text.normalize('NFC').replace(MARKS, '');
}

/**
 * A word without its attached conjunction, preposition and article: 'والتكوين' → 'تكوين',
 * 'بالتكوين' → 'تكوين', 'للتكوين' → 'تكوين', 'تكوين' → 'تكوين', 'الذي' → 'الذي', 'KPO' → 'KPO'.
 */
export function stripArabicPrefixes(word: string): string {
  const w = normalizeArabic(word);
  if (!ARABIC_LETTERS.test(w)) return w;
  const prefix = w.match(ARTICLE_PREFIX)?.[0] ?? '';
  const bare = w.slice(prefix.length);
  return bare.length >= MIN_STEM ? bare : w;
}

/** Frequent words of three letters or more that take no article: never expanded. */
const FUNCTION_WORDS = new Set([
  'على',
  'إلى',
  'الى',
  'هذا',
  'هذه',
  'ذلك',
  'تلك',
  'التي',
  'الذي',
  'الذين',
  'بين',
  'حتى',
  'لدى',
  'عند',
  'منذ',
  'كان',
  'غير',
  'بعد',
  'قبل',
]);

/** The bare word to expand, or undefined for a word to keep as typed ('KPO', 'في', 'الذي', 'على'). */
function expandable(word: string): string | undefined {
  if (!ARABIC_LETTERS.test(word) || FUNCTION_WORDS.has(word)) return undefined;
  const bare = stripArabicPrefixes(word);
  // An article-like start that could not be stripped (الذي، والي، فلل) is part of the word.
  if (bare === word && ARTICLE_PREFIX.test(word)) return undefined;
  return bare.length >= MIN_STEM ? bare : undefined;
}

/**
 * The spellings of a query to search, the query as typed first, at most `max`:
 * 'تكوين' → ['تكوين', 'التكوين', 'والتكوين']; 'والتكوين' → ['والتكوين', 'التكوين', 'تكوين'];
 * 'KPO' → ['KPO']; 'منحة التكوين' → ['منحة التكوين', 'المنحة التكوين', 'والمنحة التكوين', 'المنحة والتكوين'].
 * Words that are not Arabic, too short or function words stay as typed in every variant.
 */
export function arabicQueryVariants(query: string, max = MAX_VARIANTS): string[] {
  const words = normalizeArabic(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const bare = words.map(expandable);
  const canonical = words.map((w, i) => (bare[i] === undefined ? w : `ال${bare[i]}`));
  const stems = words.map((w, i) => bare[i] ?? w);
  const variants = [words.join(' '), canonical.join(' '), stems.join(' ')];
  bare.forEach((b, i) => {
    if (b === undefined) return;
    variants.push(canonical.map((c, j) => (j === i ? `وال${b}` : c)).join(' '));
  });
  return [...new Set(variants)].slice(0, Math.max(1, max));
}
