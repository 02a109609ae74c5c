/**
 * A small scanner for the HTML Astro writes (well-formed, quoted attributes): enough to rewrite
 * the text a reader sees and to find elements by attribute, without a DOM. Pure.
 */

/** Elements whose content is not prose: left exactly as written. */
const raw = new Set(['script', 'style', 'pre', 'code', 'textarea', 'kbd', 'samp']);
/** Attributes that carry text a reader sees or hears. */
const textAttributes = new Set(['alt', 'title', 'aria-label', 'placeholder', 'aria-description']);
const voids = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const tag =
  /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const attribute = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/**
 * Applies `fix` to every text node outside script, style, pre and code, and to the attributes
 * that carry visible text (alt, title, aria-label…, and `content` of description/title meta).
 * mapHtmlText('<p>a : b</p>', (t) => t.toUpperCase()) → '<p>A : B</p>'
 */
export function mapHtmlText(html: string, fix: (text: string) => string): string {
  let out = '';
  let last = 0;
  let skipUntil: string | null = null;
  for (const m of html.matchAll(tag)) {
    const [whole, close = '', rawName = '', attrs = ''] = m;
    const name = rawName.toLowerCase();
    const text = html.slice(last, m.index);
    out += skipUntil ? text : fix(text);
    last = m.index + whole.length;
    if (skipUntil) {
      if (close && name === skipUntil) skipUntil = null;
      out += whole;
      continue;
    }
    if (!close && raw.has(name) && !whole.endsWith('/>')) skipUntil = name;
    out += close || !attrs ? whole : whole.replace(attrs, rewriteAttributes(name, attrs, fix));
  }
  return out + (skipUntil ? html.slice(last) : fix(html.slice(last)));
}

function rewriteAttributes(name: string, attrs: string, fix: (text: string) => string): string {
  const isTextMeta =
    name === 'meta' &&
    /\s(?:name|property)="(?:description|og:title|og:description|twitter:title|twitter:description)"/.test(
      attrs,
    );
  return attrs.replace(attribute, (whole, key: string, value?: string) => {
    if (!value || !/^["']/.test(value)) return whole;
    const k = key.toLowerCase();
    if (!textAttributes.has(k) && !(isTextMeta && k === 'content')) return whole;
    return `${key}=${value[0]}${fix(value.slice(1, -1))}${value[0]}`;
  });
}

/** The text nodes a reader sees (script, style, pre and code left out), one string per node. */
export function htmlTexts(html: string): string[] {
  const texts: string[] = [];
  mapHtmlText(html, (t) => {
    if (t.trim()) texts.push(t);
    return t;
  });
  return texts;
}

export interface HtmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Inner HTML. */ inner: string;
}

/**
 * Elements that have an attribute, with their inner HTML (nested elements counted, void ones skipped).
 * elementsWith('<p data-x="1"><b>a</b></p>', 'data-x') → [{ name: 'p', attrs: { 'data-x': '1' }, inner: '<b>a</b>' }]
 */
export function elementsWith(html: string, attr: string): HtmlElement[] {
  const found: HtmlElement[] = [];
  const open: { name: string; attrs: Record<string, string>; start: number; wanted: boolean }[] = [];
  for (const m of html.matchAll(tag)) {
    const [whole, close = '', rawName = '', attrs = '', selfClosing = ''] = m;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (close) {
      const at = open.map((o) => o.name).lastIndexOf(name);
      if (at < 0) continue;
      const [element] = open.splice(at);
      if (element?.wanted)
        found.push({ name, attrs: element.attrs, inner: html.slice(element.start, m.index) });
      continue;
    }
    const parsed = parseAttributes(attrs);
    if (voids.has(name) || selfClosing) {
      if (attr in parsed) found.push({ name, attrs: parsed, inner: '' });
      continue;
    }
    open.push({ name, attrs: parsed, start: m.index + whole.length, wanted: attr in parsed });
  }
  return found;
}

function parseAttributes(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, key = '', value = ''] of attrs.matchAll(attribute))
    out[key.toLowerCase()] = value.replace(/^["']|["']$/g, '');
  return out;
}
