/** CSP hashes of inline scripts, the offline copy's theme in links, chooser and fonts. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePolicy, sha256Source } from '../../src/lib/csp';
import { carriedTheme, withTheme } from '../../src/lib/theme-carry';
import { localizeChooser, offlineFontDisplay } from '../../integrations/offline/html';

describe('CSP helpers', () => {
  it('hashes a script as browsers do (UTF-8 bytes, base64 SHA-256)', () => {
    expect(sha256Source('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    const code = "\n  var é = 'ع';\n";
    expect(sha256Source(code)).toBe(
      `sha256-${createHash('sha256').update(Buffer.from(code, 'utf8')).digest('base64')}`,
    );
    expect(sha256Source('a')).not.toBe(sha256Source('a '));
  });

  it('reads a policy into directives, the first of a repeated directive winning', () => {
    expect(
      parsePolicy("default-src 'self';img-src 'self' data:; SCRIPT-SRC 'self' 'sha256-x';script-src 'none'"),
    ).toEqual({
      'default-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'script-src': ["'self'", "'sha256-x'"],
    });
  });
});

describe('theme carried in the offline copy’s links', () => {
  const here = 'file:///home/r/offshoring-maroc-fr/fr/parks/index.html';
  it.each([
    ['../index.html', 'dark', 'file:///home/r/offshoring-maroc-fr/fr/index.html?theme=dark'],
    [
      'fes-shore/index.html#acces',
      'light',
      'file:///home/r/offshoring-maroc-fr/fr/parks/fes-shore/index.html?theme=light#acces',
    ],
    [
      '../search/index.html?q=fes&theme=light',
      'dark',
      'file:///home/r/offshoring-maroc-fr/fr/search/index.html?q=fes&theme=dark',
    ],
  ] as const)('%s with %s → %s', (href, theme, out) => expect(withTheme(href, theme, here)).toBe(out));

  it('leaves other schemes and same-page fragments alone', () => {
    expect(withTheme('https://example.org/', 'dark', here)).toBe('https://example.org/');
    expect(withTheme('mailto:a@b.c', 'dark', here)).toBe('mailto:a@b.c');
    expect(withTheme('#main', 'dark', here)).toBe('#main');
  });

  it('reads the theme a page was opened with', () => {
    expect(carriedTheme(`${here}?theme=dark#x`)).toBe('dark');
    expect(carriedTheme(`${here}?q=a&theme=light`)).toBe('light');
    expect(carriedTheme(`${here}?theme=blue`)).toBeUndefined();
    expect(carriedTheme(`${here}?notheme=dark`)).toBeUndefined();
    expect(carriedTheme(here)).toBeUndefined();
  });
});

describe('offline copy pages', () => {
  const chooser =
    '<html data-offline-root="./" lang="fr" dir="ltr"><head><title>Offshoring Maroc — Français · العربية</title><meta name="description" content="Texte français"></head><body><h1 class="x">Offshoring Maroc</h1><ul>' +
    '<li lang="ar" dir="rtl" data-site-name="أوفشورينغ المغرب" data-description="نص عربي"><a href="ar/index.html" hreflang="ar">العربية</a></li></ul></body></html>';

  it('a one-language copy’s root page is in that language', () => {
    const out = localizeChooser(chooser, 'ar');
    expect(out).toContain('<html data-offline-root="./" lang="ar" dir="rtl">');
    expect(out).toContain('<title>أوفشورينغ المغرب</title>');
    expect(out).toContain('<meta name="description" content="نص عربي">');
    expect(out).toContain('<h1 class="x">أوفشورينغ المغرب</h1>');
  });

  it('leaves a page without an entry for the language unchanged', () => {
    expect(localizeChooser(chooser, 'en')).toBe(chooser);
  });

  it('draws the inlined fonts with font-display: block', () => {
    const css =
      '@font-face{font-family:A;font-display:optional;src:url(data:font/woff2;base64,AA)}@font-face{font-display: swap}';
    expect(offlineFontDisplay(css)).toBe(
      '@font-face{font-family:A;font-display:block;src:url(data:font/woff2;base64,AA)}@font-face{font-display:block}',
    );
  });
});

describe('precompressed copies of the build', () => {
  it('writes .gz and .br that decode to the file, only for text files and only when smaller, the same every time', async () => {
    const { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync, mkdirSync } =
      await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { gunzipSync, brotliDecompressSync, brotliCompressSync, constants } = await import('node:zlib');
    const { precompress, brotliQuality } = await import('../../integrations/precompress');
    const dir = mkdtempSync(join(tmpdir(), 'om-precompress-'));
    try {
      mkdirSync(join(dir, 'fr'));
      const page = `<!doctype html><title>x</title>${'<p>Offshoring Maroc, le guide de l’investisseur.</p>'.repeat(50)}`;
      writeFileSync(join(dir, 'fr/index.html'), page);
      writeFileSync(join(dir, 'tiny.txt'), 'a');
      writeFileSync(join(dir, 'image.png'), Buffer.alloc(4000));
      const totals = await precompress(dir);
      expect(totals.files).toBe(2);
      expect(gunzipSync(readFileSync(join(dir, 'fr/index.html.gz'))).toString()).toBe(page);
      expect(brotliDecompressSync(readFileSync(join(dir, 'fr/index.html.br'))).toString()).toBe(page);
      expect(readFileSync(join(dir, 'fr/index.html.br')).length).toBeLessThan(page.length / 4);
      // Pages at Brotli 10, what pages share at 11.
      const atLevel = (q: number) =>
        brotliCompressSync(Buffer.from(page), {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: q,
            [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(page),
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        });
      expect(readFileSync(join(dir, 'fr/index.html.br')).equals(atLevel(10))).toBe(true);
      expect(brotliQuality('_astro/global.css')).toBe(11);
      expect(existsSync(join(dir, 'tiny.txt.gz')) || existsSync(join(dir, 'tiny.txt.br'))).toBe(false);
      expect(existsSync(join(dir, 'image.png.gz'))).toBe(false);
      const first = readFileSync(join(dir, 'fr/index.html.gz'));
      await precompress(dir);
      expect(readFileSync(join(dir, 'fr/index.html.gz')).equals(first)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
