/**
 * String rewrites that turn a built page into one that works from file://. Pure: the export
 * (export.ts) decides what exists and passes it in.
 *
 * The built HTML is Astro's own output (attributes in double quotes, no `</script>` inside
 * scripts), which is what makes these targeted regular expressions safe.
 */

/** A site path's file in the export: ('/fr/parks/', '/') → 'fr/parks/index.html'; ('/_astro/a.css', '/') → '_astro/a.css'. */
export function fileOfPath(pathname: string, base = '/'): string | undefined {
  const b = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(b)) return undefined;
  const rest = decodeURI(pathname.slice(b.length));
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/** The relative URL from one exported file to another: ('fr/parks/a/index.html', 'fr/index.html') → '../../index.html'. */
export function relativeUrl(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].map((p) => encodeURI(p)).join('/');
}

/** The way from a file to the export root: 'fr/parks/a/index.html' → '../../../'; 'index.html' → './'. */
export function rootOf(file: string): string {
  const depth = file.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

const moduleScript = /<script\b(?=[^>]*\stype="module")[^>]*>[\s\S]*?<\/script>/g;

/** Removes Astro's module scripts (browsers do not run them from file://) and says how many there were. */
export function removeModuleScripts(html: string): { html: string; removed: number } {
  let removed = 0;
  const out = html
    .replace(moduleScript, () => {
      removed += 1;
      return '';
    })
    .replace(/<link\b[^>]*\srel="modulepreload"[^>]*>/g, '');
  return { html: out, removed };
}

/**
 * The page's Content-Security-Policy, fitted to the offline copy: its fonts are data: URLs inside
 * the stylesheet, it fetches nothing (connect-src 'none') and runs no WebAssembly (Pagefind stays
 * online). Every 'self' also names file:, since browsers that give each file an opaque origin
 * (Firefox) do not count a neighbouring file as 'self'; http(s) stays out, so the browser itself
 * refuses any request to a network. The hashes of the inline scripts and styles are unchanged.
 */
export function offlinePolicy(html: string): string {
  return html.replace(
    /(<meta\b[^>]*\shttp-equiv="content-security-policy"[^>]*\scontent=")([^"]*)"/i,
    (_, head: string, policy: string) => {
      const fitted = policy
        .replace(/'self'/g, "'self' file:")
        .replace(/font-src [^;]*/, 'font-src data:')
        .replace(/connect-src [^;]*/, "connect-src 'none'")
        .replace(/ 'wasm-unsafe-eval'/, '');
      return `${head}${fitted}"`;
    },
  );
}

/**
 * Removes every `<li>` (that holds no other list item) matching `test`: the language picker's
 * and the root chooser's entries for languages a one-language export does not hold.
 */
export function removeListItems(html: string, test: (item: string) => boolean): string {
  return html.replace(/<li\b[^>]*>(?:(?!<\/?li\b)[\s\S])*?<\/li>/g, (item) => (test(item) ? '' : item));
}

/** A start tag, with quoted attribute values that may hold '>' (JSON in data-strings). */
const startTag = /<[a-zA-Z][\w-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
/** Attributes that hold a URL the browser loads or follows. */
const urlAttribute = /(\s(?:href|src|action|poster)=")([^"]*)"/g;

/**
 * Rewrites the site-internal URLs of every tag (those starting with the base path, not `//`).
 * `map` gets the URL (entities decoded) and returns its replacement, or null to leave it.
 */
export function rewriteUrls(html: string, base: string, map: (url: string) => string | null): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return html.replace(startTag, (tag) =>
    tag.replace(urlAttribute, (whole, head: string, raw: string) => {
      const url = raw.replace(/&amp;/g, '&');
      if (!url.startsWith(b) || url.startsWith('//')) return whole;
      const next = map(url);
      return next === null ? whole : `${head}${next.replace(/&/g, '&amp;')}"`;
    }),
  );
}

/** Splits '/fr/x/?a=1#b' into ['/fr/x/', '?a=1#b']. */
export function splitSuffix(url: string): [string, string] {
  const i = url.search(/[?#]/);
  return i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/**
 * Fills in the download links of a page (`<li data-download="name">` with a
 * `<span data-file-size="({{format}}, {{size}})" data-intl="fr-FR">`): the size of each file
 * in the page's language, from `sizeOf(name)`; an item whose file does not exist (undefined)
 * is removed, and so is a download list left empty. Running it again gives the same page.
 */
export function fillDownloads(
  html: string,
  sizeOf: (name: string) => number | undefined,
  formatSize: (bytes: number, intl: string) => string,
): string {
  return html
    .replace(/<li\b[^>]*\sdata-download="([^"]+)"[^>]*>[\s\S]*?<\/li>/g, (item, name: string) => {
      const bytes = sizeOf(decode(name));
      if (bytes === undefined) return '';
      return item.replace(
        /(<span\b[^>]*\sdata-file-size="[^"]*"[^>]*>)[^<]*(<\/span>)/,
        (_, open: string, close: string) => {
          const template = decode(attr(open, 'data-file-size') ?? '');
          const size = formatSize(bytes, attr(open, 'data-intl') ?? 'en');
          return `${open}${encode(template.replace(/\{\{\s*size\s*\}\}/g, size))}${close}`;
        },
      );
    })
    .replace(/<ul\b[^>]*\sdata-downloads\b[^>]*>\s*<\/ul>/g, '');
}

/**
 * The root chooser of a one-language copy, in that language: `<html lang dir>`, the title, the
 * description and the heading come from the chooser's entry for it (`<li lang dir
 * data-site-name data-description>`). The page is returned unchanged when it has no such entry.
 */
export function localizeChooser(html: string, lang: string): string {
  const item = html.match(new RegExp(`<li\\b(?=[^>]*\\slang="${lang}")[^>]*>`))?.[0];
  if (!item) return html;
  const dir = attr(item, 'dir') ?? 'ltr';
  const name = attr(item, 'data-site-name');
  const description = attr(item, 'data-description');
  let out = html.replace(/<html\b[^>]*>/, (tag) =>
    tag.replace(/\slang="[^"]*"/, ` lang="${lang}"`).replace(/\sdir="[^"]*"/, ` dir="${dir}"`),
  );
  if (name !== undefined) {
    out = out
      .replace(/<title>[^<]*<\/title>/, `<title>${name}</title>`)
      .replace(/(<h1\b[^>]*>)[^<]*(<\/h1>)/, `$1${name}$2`);
  }
  if (description !== undefined)
    out = out.replace(/(<meta\b[^>]*\sname="description"[^>]*\scontent=")[^"]*"/, `$1${description}"`);
  return out;
}

/**
 * The copy's stylesheet: its fonts are data: URLs, there for the first paint, so they are drawn
 * with `font-display: block`. The hosted site's `optional` gives a font about 100 ms in Firefox,
 * and a busy machine decoding an inlined font can miss that: the page then stays in the system
 * font.
 */
export function offlineFontDisplay(css: string): string {
  return css.replace(/font-display:\s*(optional|swap|fallback|auto)/g, 'font-display:block');
}
