/**
 * server/nginx.conf, served by Debian's nginx: a matrix of paths × request headers,
 * checked against what the build promises in dist/_headers and what the site's own chooser does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { dist } from '../support/site';
import { configFile } from './nginx';
import { decoded, get, header } from './http';

const origin = () => inject('origin');
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((f) => f.split('\\').join('/'));
const first = (re: RegExp) => {
  const f = files.find((x) => re.test(x));
  if (!f) throw new Error(`no file in dist/ matches ${re}`);
  return `/${f}`;
};

/** dist/_headers as rules: a path pattern ('/_astro/*') and its headers. */
function headerRules(): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of readFileSync(join(dist, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const i = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}
const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);
/** What _headers promises for a path (later rules add to earlier ones). */
const promised = (path: string) =>
  Object.assign(
    {},
    ...headerRules()
      .filter((r) => matches(r.pattern, path))
      .map((r) => r.headers),
  ) as Record<string, string>;
const everywhere = () => headerRules().find((r) => r.pattern === '/*')!.headers;

const pageHtml = (file: string) => readFileSync(join(dist, file));
const notFoundPage = () => pageHtml('404.html');

const css = first(/^_astro\/[^/]+\.css$/);
const js = first(/^_astro\/[^/]+\.js$/);
const paths: { path: string; file?: string; status: number }[] = [
  { path: '/fr/', file: 'fr/index.html', status: 200 },
  { path: '/ar/parks/fes-shore/', file: 'ar/parks/fes-shore/index.html', status: 200 },
  { path: '/en/incentives/estimator/?hires=40', file: 'en/incentives/estimator/index.html', status: 200 },
  { path: css, file: css.slice(1), status: 200 },
  { path: js, file: js.slice(1), status: 200 },
  { path: '/pagefind/pagefind.js', file: 'pagefind/pagefind.js', status: 200 },
  { path: first(/^pagefind\/.*\.pf_meta$/), status: 200 },
  { path: '/og/index.png', file: 'og/index.png', status: 200 },
  { path: first(/^downloads\/.*\.zip$/), status: 200 },
  { path: '/favicon.svg', file: 'favicon.svg', status: 200 },
  { path: '/sitemap-index.xml', file: 'sitemap-index.xml', status: 200 },
  { path: '/robots.txt', file: 'robots.txt', status: 200 },
  { path: '/404.html', file: '404.html', status: 200 },
  { path: '/fr', status: 301 },
  { path: '/ar/sites/fes-shore/', status: 301 },
  { path: '/nowhere/', status: 404 },
  { path: '/ar/parks/nowhere/', status: 404 },
  { path: '/_astro/missing.css', status: 404 },
  { path: '/pagefind/missing.pf_meta', status: 404 },
  { path: '/downloads/missing.zip', status: 404 },
  { path: '/_astro/', status: 404 },
  { path: '/_headers', status: 404 },
  { path: '/_redirects', status: 404 },
  { path: '/fr/index.html.br', status: 404 },
];
const encodings = ['', 'gzip', 'br', 'gzip, deflate, br, zstd', 'br;q=0, gzip'];

describe('nginx with server/nginx.conf', () => {
  it('the operator changes two lines only: one listen, one root (the test server changes exactly those)', () => {
    const text = readFileSync(configFile, 'utf8');
    expect(text.match(/^\s*listen\s.*#\s*CHANGE/gm)).toHaveLength(1);
    expect(text.match(/^\s*root\s.*#\s*CHANGE/gm)).toHaveLength(1);
    expect(text.match(/#\s*CHANGE\b/g)).toHaveLength(2);
  });

  it('promises the same security headers as dist/_headers, with the same values', () => {
    const conf = readFileSync(configFile, 'utf8');
    const fixed = Object.fromEntries(
      [...conf.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"$]*)"\s+always;/gm)].map((m) => [
        m[1]!.toLowerCase(),
        m[2]!,
      ]),
    );
    expect(fixed).toEqual(everywhere());
  });

  it.each(paths.flatMap((p) => encodings.map((e) => [p.path, e, p] as const)))(
    '%s (Accept-Encoding: %s)',
    async (path, enc, p) => {
      const r = await get(`${origin()}${path}`, enc ? { 'accept-encoding': enc } : {});
      expect(r.status, path).toBe(p.status);
      // Security headers on every response, error pages and redirects included; no version.
      const pathOnly = path.split('?')[0]!;
      for (const [name, value] of Object.entries(everywhere()))
        expect(header(r, name), `${path} ${name}`).toBe(value);
      expect(header(r, 'server')).not.toMatch(/\d/);
      // Caching as _headers declares it, and never on an error page.
      const cache = promised(pathOnly)['cache-control'];
      expect(header(r, 'cache-control'), `${path} Cache-Control`).toBe(r.status === 200 ? (cache ?? '') : '');
      // The site's 404 page, not nginx's, for every missing path.
      if (p.status === 404)
        expect(decoded(r).equals(notFoundPage()), `${path}: the site's 404.html`).toBe(true);
      if (p.file) {
        const file = pageHtml(p.file);
        expect(decoded(r).equals(file), `${path}: the file as built`).toBe(true);
        // Precompressed text: Brotli when taken, else gzip when taken, else none.
        const text = /\.(html|css|js|svg|xml|txt)$/.test(p.file);
        const takesBr = /(^|[\s,])br(\s*(,|$))/.test(enc);
        const takesGzip = /\bgzip\b/.test(enc);
        const built = (ext: string) => files.includes(`${p.file}.${ext}`);
        const expected = !text ? '' : takesBr && built('br') ? 'br' : takesGzip && built('gz') ? 'gzip' : '';
        expect(header(r, 'content-encoding'), `${path} Content-Encoding`).toBe(expected);
        if (text) expect(header(r, 'vary'), `${path} Vary`).toContain('Accept-Encoding');
        if (expected) expect(r.body.length, `${path} compressed`).toBeLessThan(file.length);
        // The same type whichever copy is sent.
        const identity = await get(`${origin()}${path}`);
        expect(header(r, 'content-type'), `${path} Content-Type`).toBe(header(identity, 'content-type'));
      }
    },
  );

  it('sends the old park URLs to the new ones, query kept (src/data/redirects.ts)', async () => {
    for (const [from, to] of [
      ['/ar/sites/fes-shore/', '/ar/parks/fes-shore/'],
      ['/fr/sites/', '/fr/parks/'],
      ['/en/sites/casanearshore/?x=1', '/en/parks/casanearshore/?x=1'],
    ] as const) {
      const r = await get(`${origin()}${from}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(r.status, from).toBe(301);
      expect(header(r, 'location')?.endsWith(to), `${from} → ${header(r, 'location')}`).toBe(true);
    }
  });

  it('sends the text files compressed (under half their size) to a browser that takes Brotli', async () => {
    for (const path of [css, js, '/pagefind/pagefind.js', '/fr/index.html', '/404.html', '/sitemap-0.xml']) {
      const r = await get(`${origin()}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
      const size = readFileSync(join(dist, path)).length;
      expect(r.body.length, path).toBeLessThan(size / 2);
    }
  });

  /** Where the root chooser's own script sends a browser whose languages are these. */
  function chooserTarget(languages: string[]): string | undefined {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const m = html.match(/<script data-locales="([^"]+)">([\s\S]*?)<\/script>/);
    if (!m) throw new Error('dist/index.html: no chooser script with data-locales');
    let target: string | undefined;
    runInNewContext(m[2]!, {
      document: { currentScript: { dataset: { locales: m[1] } } },
      navigator: { languages, language: languages[0] },
      location: { protocol: 'https:', replace: (to: string) => (target = to) },
    });
    return target;
  }
  /** The languages a browser sends as this Accept-Language header, in its order. */
  const languagesOf = (accept: string) =>
    accept
      .split(',')
      .map((s) => s.split(';')[0]!.trim())
      .filter(Boolean);

  it.each([
    '',
    'fr',
    'fr-FR,fr;q=0.9',
    'en-US,en;q=0.9',
    'EN-GB',
    'ar',
    'ar-MA,ar;q=0.9,fr;q=0.8',
    'de-DE,de;q=0.9,en;q=0.8',
    'es-ES,es;q=0.9,ar;q=0.7,fr;q=0.5',
    'zh-CN,zh;q=0.9',
    'pt-BR',
    'nl, en-GB;q=0.8, fr;q=0.5',
    'frr, en',
    '*',
  ])('/ with Accept-Language "%s" goes where the chooser would send the browser', async (accept) => {
    const r = await get(`${origin()}/`, accept ? { 'accept-language': accept } : {});
    const target = chooserTarget(languagesOf(accept));
    if (target === undefined) {
      expect(r.status).toBe(200);
      expect(decoded(r).equals(pageHtml('index.html'))).toBe(true);
    } else {
      expect(r.status).toBe(302);
      expect(header(r, 'location')).toBe(`/${target}`);
    }
    expect(header(r, 'vary')).toContain('Accept-Language');
    for (const [name, value] of Object.entries(everywhere())) expect(header(r, name), name).toBe(value);
  });
});
