/**
 * `<link rel="modulepreload">` for the modules a page's scripts import. Vite splits code that two
 * scripts share into chunks of its own (the form reader of the estimator and the seat-cost page),
 * and Astro links only the entry script: the browser finds the chunk when the entry has arrived,
 * one round trip later. A preload link fetches it beside the entry, so the page's code is ready a
 * round trip sooner on a slow link (the seat-cost page's form reader). Chunks loaded with
 * import() (the search boxes' and the estimator's, from SiteScript.astro) are not preloaded: they
 * load when needed.
 *
 * Pure; the `fonts` step (fonts/subset.ts) reads each page once and adds these links with the
 * font preloads. Built chunks are Vite's minified output: static imports read
 * `import{a as b}from"./x.js"` or `import"./x.js"`. Node-free: tests/support/html.ts re-exports
 * jsImports.
 */

/**
 * Modules a built script imports: `static` ones load with it, `dynamic` ones (import('…')) on
 * demand. Specifiers as written ('./x.js'). The byte budgets and the link check read them too.
 */
export function jsImports(code: string): { static: string[]; dynamic: string[] } {
  const literal = `["'\`]([^"'\`$]+)["'\`]`;
  return {
    static: [
      ...code.matchAll(new RegExp(`(?:^|[;\\s}])import\\s*(?:[\\w*{}\\s,$]+from\\s*)?${literal}`, 'g')),
    ].map((m) => m[1]!),
    dynamic: [...code.matchAll(new RegExp(`\\bimport\\(\\s*${literal}\\s*\\)`, 'g'))].map((m) => m[1]!),
  };
}

/** The chunks a built module imports statically, as URLs beside it ('./x.js' → '/_astro/x.js'). */
export function staticImports(code: string, url: string): string[] {
  const dir = url.slice(0, url.lastIndexOf('/') + 1);
  const out: string[] = [];
  for (const specifier of jsImports(code).static) {
    if (!specifier.startsWith('./')) continue;
    const target = dir + specifier.slice(2);
    if (!out.includes(target)) out.push(target);
  }
  return out;
}

/** The external module scripts of a page, in order. */
export function moduleScriptUrls(html: string): string[] {
  return [...html.matchAll(/<script\b(?=[^>]*\stype="module")[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
}

/**
 * The modules to preload on a page: every chunk its module scripts import, directly or through
 * another chunk, that no script tag of the page names already. `importsOf` gives a built
 * module's static imports (staticImports on its file).
 */
export function modulePreloadUrls(html: string, importsOf: (url: string) => string[]): string[] {
  const scripts = moduleScriptUrls(html);
  const seen = new Set(scripts);
  const out: string[] = [];
  const visit = (url: string) => {
    for (const dep of importsOf(url)) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      out.push(dep);
      visit(dep);
    }
  };
  for (const s of scripts) visit(s);
  return out;
}

/** The links, before `</head>`. */
export function addModulePreloads(html: string, urls: readonly string[]): string {
  if (urls.length === 0) return html;
  const end = html.search(/<\/head>/i);
  if (end < 0) return html;
  const links = urls.map((u) => `<link rel="modulepreload" href="${u}">`).join('');
  return html.slice(0, end) + links + html.slice(end);
}

/** Removes them (the offline copy runs classic scripts, not modules). */
export function removeModulePreloads(html: string): string {
  return html.replace(/<link\b(?=[^>]*\srel="modulepreload")[^>]*>/g, '');
}
