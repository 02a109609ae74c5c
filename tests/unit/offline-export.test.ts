import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  fileOfPath,
  fillDownloads,
  offlinePolicy,
  relativeUrl,
  removeListItems,
  removeModuleScripts,
  rewriteUrls,
  rootOf,
  splitSuffix,
} from '../../integrations/offline/html';
import { formatFileSize, stripBidiMarks } from '../../src/lib/format';
import { dosDate, openReproducibleZip, reproducibleZip } from '../../integrations/offline/zip';
import { normalizePdf, pdfDate } from '../../integrations/brochure/normalize';
import { buildCache } from '../../integrations/cache';

describe('offline URLs', () => {
  it.each([
    ['/fr/parks/', '/', 'fr/parks/index.html'],
    ['/', '/', 'index.html'],
    ['/_astro/a.css', '/', '_astro/a.css'],
    ['/offshoring/en/', '/offshoring/', 'en/index.html'],
    ['/other/en/', '/offshoring/', undefined],
  ])('fileOfPath(%s, %s) → %s', (path, base, file) => expect(fileOfPath(path, base)).toBe(file));

  it.each([
    ['fr/parks/fes-shore/index.html', 'fr/parks/index.html', '../index.html'],
    ['fr/parks/fes-shore/index.html', 'fr/parks/fes-shore/index.html', 'index.html'],
    ['fr/index.html', 'en/index.html', '../en/index.html'],
    ['index.html', 'fr/index.html', 'fr/index.html'],
    ['fr/parks/index.html', '_astro/global.css', '../../_astro/global.css'],
  ])('relativeUrl(%s, %s) → %s', (from, to, url) => expect(relativeUrl(from, to)).toBe(url));

  it('rootOf and splitSuffix', () => {
    expect(rootOf('fr/parks/a/index.html')).toBe('../../../');
    expect(rootOf('index.html')).toBe('./');
    expect(splitSuffix('/fr/x/?a=1#b')).toEqual(['/fr/x/', '?a=1#b']);
    expect(splitSuffix('/fr/x/')).toEqual(['/fr/x/', '']);
  });

  it('rewrites internal href, src and action attributes, even after an attribute holding ">"', () => {
    const html =
      '<form data-strings="{&quot;a&quot;:&quot;>&quot;}" action="/fr/search/"><a href="/fr/?q=a&amp;b=c#x" class="y">a</a><a href="https://x.example/">b</a><img src="/a.svg" alt=""></form>';
    const out = rewriteUrls(html, '/', (url) => `[${url}]`);
    expect(out).toBe(
      '<form data-strings="{&quot;a&quot;:&quot;>&quot;}" action="[/fr/search/]"><a href="[/fr/?q=a&amp;b=c#x]" class="y">a</a><a href="https://x.example/">b</a><img src="[/a.svg]" alt=""></form>',
    );
  });

  it('removes module scripts and counts them, and leaves classic and data scripts', () => {
    const html =
      '<head><script type="module" src="/_astro/a.js"></script><script>var a;</script></head><body><script type="module">b()</script><script type="application/json" id="d">{}</script></body>';
    expect(removeModuleScripts(html)).toEqual({
      html: '<head><script>var a;</script></head><body><script type="application/json" id="d">{}</script></body>',
      removed: 2,
    });
  });

  it('removes the list items of languages that are not there', () => {
    const html = '<ul><li><a href="/fr/">Français</a></li><li><a href="/en/">English</a></li></ul>';
    expect(removeListItems(html, (item) => item.includes('href="/en/'))).toBe(
      '<ul><li><a href="/fr/">Français</a></li></ul>',
    );
  });
});

describe('offlinePolicy', () => {
  it('lets the copy use its inlined fonts and nothing from a network', () => {
    const page = `<head><meta http-equiv="content-security-policy" content="default-src 'self';font-src 'self';connect-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-x'"></head>`;
    expect(offlinePolicy(page)).toBe(
      `<head><meta http-equiv="content-security-policy" content="default-src 'self' file:;font-src data:;connect-src 'none'; script-src 'self' file: 'sha256-x'"></head>`,
    );
  });
  it('leaves a page without a policy alone', () =>
    expect(offlinePolicy('<head></head>')).toBe('<head></head>'));
});

describe('download links', () => {
  const footer = (lang: string, intl: string, comma = ',') =>
    `<ul class="x" data-downloads><li data-download="guide-${lang}.zip"><a href="/downloads/guide-${lang}.zip">Zip <span data-file-size="(ZIP${comma} {{size}})" data-intl="${intl}">(ZIP)</span></a></li><li data-download="guide-${lang}.pdf"><a href="/downloads/guide-${lang}.pdf">PDF <span data-file-size="(PDF${comma} {{size}})" data-intl="${intl}">(PDF)</span></a></li></ul>`;

  it('get the size of their file in the page’s language, and disappear without a file', () => {
    const sizes: Record<string, number> = { 'guide-fr.zip': 1_234_567, 'guide-fr.pdf': 396_933 };
    const out = fillDownloads(footer('fr', 'fr-FR'), (n) => sizes[n], formatFileSize);
    expect(out).toMatch(/>\(ZIP, 1,2\sMo\)<\/span>/);
    expect(out).toMatch(/>\(PDF, 397\sko\)<\/span>/);
    expect(fillDownloads(out, (n) => sizes[n], formatFileSize)).toBe(out);
    const zipOnly = fillDownloads(
      footer('fr', 'fr-FR'),
      (n) => (n.endsWith('.zip') ? 1 : undefined),
      formatFileSize,
    );
    expect(zipOnly).not.toContain('.pdf');
    expect(fillDownloads(footer('fr', 'fr-FR'), () => undefined, formatFileSize)).toBe('');
  });

  it.each([
    ['fr-FR', 1_450_000, '1,5 Mo'],
    ['en-US', 1_450_000, '1.5 MB'],
    ['ar-MA', 1_450_000, '1,5 ميغابايت'],
    ['en-US', 396_933, '397 kB'],
    ['ar-MA', 396_933, '397 كيلوبايت'],
    ['en-US', 12, '1 kB'],
  ])('formatFileSize in %s: %d → %s', (intl, bytes, text) =>
    expect(stripBidiMarks(formatFileSize(bytes, intl)).replace(/\s/g, ' ')).toBe(text),
  );
});

describe('reproducible zips', () => {
  const files = {
    'b/z.txt': new TextEncoder().encode('zed'),
    'a.txt': new TextEncoder().encode('a'),
    'b/a.txt': new TextEncoder().encode('ba'),
  };

  it('give the same bytes for the same files, whatever their order', () => {
    const one = reproducibleZip(files, 'guide', '2026-11-27');
    const two = reproducibleZip(
      { 'b/a.txt': files['b/a.txt'], 'a.txt': files['a.txt'], 'b/z.txt': files['b/z.txt'] },
      'guide',
      '2026-11-27',
    );
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    expect(Object.keys(unzipSync(one))).toEqual(['guide/a.txt', 'guide/b/a.txt', 'guide/b/z.txt']);
    expect(new TextDecoder().decode(unzipSync(one)['guide/b/z.txt'])).toBe('zed');
  });

  it('stamp every entry with the given day', () => {
    const zip = Buffer.from(reproducibleZip(files, 'guide', '2026-11-27'));
    const stamped = ((2026 - 1980) << 9) | (11 << 5) | 27;
    // Local file headers: signature PK\x03\x04, date at offset 12, time at offset 10.
    for (let at = zip.indexOf('PK\x03\x04'); at >= 0; at = zip.indexOf('PK\x03\x04', at + 4)) {
      expect([zip.readUInt16LE(at + 10), zip.readUInt16LE(at + 12)]).toEqual([0, stamped]);
    }
    expect(dosDate('2026-11-27')).toBe(stamped);
    expect(() => dosDate('1979-12-31')).toThrow(/1979-12-31/);
  });

  it('written one entry at a time, are the same bytes as made at once', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'om-zip-'));
    try {
      const more = {
        ...files,
        'c/é.html': new TextEncoder().encode('<p>مرحبا</p>'.repeat(300)),
        'empty.txt': new Uint8Array(0),
      };
      const zip = await openReproducibleZip(join(dir, 'guide.zip'), 'guide', '2026-11-27');
      for (const path of Object.keys(more).sort()) await zip.add(path, more[path as keyof typeof more]);
      await zip.close();
      expect(
        readFileSync(join(dir, 'guide.zip')).equals(
          Buffer.from(reproducibleZip(more, 'guide', '2026-11-27')),
        ),
      ).toBe(true);
      // With a build cache, filled by a first zip then read by a second: the same bytes again.
      const cache = buildCache(join(dir, 'project'));
      for (const name of ['cached-1.zip', 'cached-2.zip']) {
        const cached = await openReproducibleZip(join(dir, name), 'guide', '2026-11-27', cache);
        for (const path of Object.keys(more).sort()) await cached.add(path, more[path as keyof typeof more]);
        await cached.close();
        expect(readFileSync(join(dir, name)).equals(readFileSync(join(dir, 'guide.zip')))).toBe(true);
      }
      const unsorted = await openReproducibleZip(join(dir, 'unsorted.zip'), 'guide', '2026-11-27');
      await unsorted.add('b.txt', files['a.txt']);
      await expect(unsorted.add('a.txt', files['a.txt'])).rejects.toThrow(/a\.txt comes after b\.txt/);
      await unsorted.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('normalizePdf', () => {
  it('sets the print dates and renumbers node ids in place, keeping the length', () => {
    const pdf =
      "1 0 obj\n<</CreationDate (D:20261127204401+00'00')\n/ModDate (D:20261127204401+00'00')>>\n/ID (node00000260) /ID (node00000247)\n/Names [(node00000247) 3 0 R (node00000260) 4 0 R]";
    const out = new TextDecoder('latin1').decode(normalizePdf(new TextEncoder().encode(pdf), '2026-11-27'));
    expect(out).toBe(
      "1 0 obj\n<</CreationDate (D:20261127000000+00'00')\n/ModDate (D:20261127000000+00'00')>>\n/ID (node00000002) /ID (node00000001)\n/Names [(node00000001) 3 0 R (node00000002) 4 0 R]",
    );
    expect(out.length).toBe(pdf.length);
    expect(pdfDate('2026-01-02')).toBe("D:20260102000000+00'00'");
  });
});
