/**
 * French and Arabic typography as code. The build runs `frenchTypography` over the
 * text of every French page (src/middleware.ts), so the PDF brochure (printed from the page) and
 * the social images (drawn from the page's og:title) get the same spaces; tests read the built
 * pages with `frenchTypographyProblems` and `arabicPunctuationProblems`.
 *
 * Convention (README, "French typography"): U+202F (narrow no-break space) before ; ! ? and
 * inside « »; U+00A0 (no-break space) before : and between a number and its unit or %.
 */

export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

/** Words that count as a unit after a number: currencies, scales, measures, durations, months, %. */
const units = [
  '%',
  '‰',
  '€',
  '\\$',
  'MAD',
  'DH',
  'MMDH',
  'dirhams?',
  'milliards?',
  'millions?',
  'm²',
  'm2',
  'ha',
  'hectares?',
  'km',
  'ans?',
  'années?',
  'mois',
  'semaines?',
  'jours?',
  'heures?',
  'emplois',
  'postes',
  'entreprises',
  'salariés',
  'personnes',
  'recrues',
  'sièges',
  'conventions',
  'parcs',
  'fois',
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
].join('|');
// A number ends with a digit (1er counts too: « 1er juillet »); `}}` is a dictionary's number slot.
const numberUnit = new RegExp(`(\\d(?:er)?|\\}\\}) (?=(?:${units})(?![\\p{L}\\d]))`, 'gu');

/**
 * Puts the no-break spaces of French typography into text (not HTML: run it on text nodes).
 * Ordinary spaces are replaced; missing spaces are added before ; ! ? : and inside « ».
 * frenchTypography('Le taux : 17 % ; « plafonné » ?') → 'Le taux\u00a0: 17\u00a0%\u202f; «\u202fplafonné\u202f»\u202f?'
 */
export function frenchTypography(text: string): string {
  return (
    text
      // before ; ! ? — a narrow no-break space; before : — a no-break space. Only where the mark ends
      // a phrase (followed by a space, the end, or closing punctuation), never inside an entity (&amp;),
      // a time (12:30) or a URL.
      .replace(/(?<!&#?\w*)([\p{L}\d)»\]'’"%])[ \u00a0\u202f]*([;!?])(?=\s|$|[»)\],.!?])/gu, `$1${NNBSP}$2`)
      .replace(/([\p{L}\d)»\]'’"%])[ \u00a0\u202f]*:(?=\s|$)/gu, `$1${NBSP}:`)
      // a mark at the start of a text node follows an element (« <b>Taux</b> : ») — its space too
      .replace(/^[ \u00a0\u202f]+([;!?])(?=\s|$)/, `${NNBSP}$1`)
      .replace(/^[ \u00a0\u202f]+:(?=\s|$)/, `${NBSP}:`)
      // inside « »
      .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
      // a number and its unit or %
      .replace(numberUnit, `$1${NBSP}`)
  );
}

export interface TypographyProblem {
  /** What is wrong, in words. */ rule: string;
  /** The text around it. */ context: string;
}

const around = (text: string, index: number) =>
  text
    .slice(Math.max(0, index - 30), index + 30)
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Places in French text where an ordinary space (or none) stands where a no-break space belongs.
 * frenchTypographyProblems('Taux : 17 %') → [{ rule: 'ordinary space before ":"', … }, { rule: 'ordinary space between a number and its unit', … }]
 */
export function frenchTypographyProblems(text: string): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  const add = (re: RegExp, rule: string) => {
    for (const m of text.matchAll(re)) problems.push({ rule, context: around(text, m.index) });
  };
  add(/(?:^|[\p{L}\d)»%]) [;!?](?=\s|$)/gu, 'ordinary space before ; ! or ?');
  add(/(?:^|[\p{L}\d)»%]) :(?=\s|$)/gu, 'ordinary space before ":"');
  add(/« /g, 'ordinary space after «');
  add(/ »/g, 'ordinary space before »');
  add(/«(?=[\p{L}\d])/gu, 'no space after «');
  add(/(?<=[\p{L}\d.,!?])»/gu, 'no space before »');
  add(new RegExp(numberUnit.source, 'gu'), 'ordinary space between a number and its unit');
  return problems;
}

/**
 * Isolated text that mixes Arabic with Latin but takes its direction from its first letter
 * (`<bdi>`, `dir="auto"`): when that letter is Latin, the run is laid out left to right and an
 * Arabic note around a Latin name reads backwards in a right-to-left line. Such text needs the
 * page's direction. mixedIsolateProblems('<bdi>Hespress FR (عبر Maghress)</bdi>')
 * → ['laid out left to right: "Hespress FR (عبر Maghress)"']; with `<bdi dir="rtl">` → [].
 */
export function mixedIsolateProblems(html: string): string[] {
  const isolates = html.matchAll(/<(bdi|cite)\b([^>]*)>([\s\S]*?)<\/\1>/g);
  return [...isolates].flatMap(([, name = '', attrs = '', inner = '']) => {
    const auto = /\sdir="auto"/.test(attrs) || (name === 'bdi' && !/\sdir=/.test(attrs));
    const text = inner.replace(/<[^>]*>/g, '');
    if (!auto || !/\p{Script=Arabic}/u.test(text)) return [];
    return /^[^\p{L}]*\p{Script=Latin}/u.test(text)
      ? [`laid out left to right: "${text.trim().slice(0, 80)}"`]
      : [];
  });
}

/**
 * Latin punctuation in Arabic text: a comma, semicolon or question mark right after an Arabic
 * letter should be « ، », « ؛ » or « ؟ ». Digits keep the Latin decimal comma (26,22).
 * arabicPunctuationProblems('ما هو الحد؟ نعم, هذا') → [{ rule: 'Latin "," after Arabic text (use «،»)', … }]
 */
export function arabicPunctuationProblems(text: string): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  const names: Record<string, string> = { ',': '«،»', ';': '«؛»', '?': '«؟»' };
  for (const m of text.matchAll(/[\u0621-\u064a\u0671-\u06d3][\u064b-\u0652]*\s?([,;?])/g)) {
    const mark = m[1] ?? ',';
    problems.push({
      rule: `Latin "${mark}" after Arabic text (use ${names[mark]})`,
      context: around(text, m.index),
    });
  }
  return problems;
}

/**
 * Applies a text fix to every string of a nested dictionary (the UI strings), keeping its shape.
 * mapStrings({ a: { b: 'x : y' } }, frenchTypography) → { a: { b: 'x\u00a0: y' } }
 */
export function mapStrings<T>(value: T, fix: (text: string) => string): T {
  if (typeof value === 'string') return fix(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fix)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fix)])) as T;
  return value;
}
