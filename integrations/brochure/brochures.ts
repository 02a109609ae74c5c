/**
 * The `brochures` step: a print copy of each language's /{lang}/brochure/ page (made like the
 * offline copy, with links to the hosted site), printed to PDF by Chromium (print.ts) into the
 * export folder. A PDF is printed again only when its page or a file of the print copy changed;
 * the print copy is written only then.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveDate } from '../../src/data/site';
import { downloadName } from '../../src/lib/downloads';
import { buildCache, codeOf } from '../cache';
import { brochurePages, printPage, writeTree, type OfflineSite } from '../offline/export';
import { renderPdfs } from './print';

/** The code that makes a PDF: a change to it, or to Playwright, prints the PDFs again. */
const printingCode = ['integrations/brochure/print.ts', 'integrations/brochure/normalize.ts'];

/** Prints the brochures; returns { lang: PDF file } (none without Chromium, with a warning). */
export async function printBrochures(
  site: OfflineSite,
  chromiumVersion?: Promise<string>,
): Promise<Record<string, string>> {
  const { o, assets } = site;
  const printDir = join(o.out, '.print');
  const pages = await brochurePages(site);
  const printTree: Record<string, Uint8Array> = {
    ...assets,
    ...Object.fromEntries(pages.map((p) => [p.file, printPage(site, p)])),
  };
  const cache = buildCache(o.root);
  const assetsKey = cache.key(
    ...Object.keys(assets)
      .sort()
      .flatMap((k) => [k, assets[k]!]),
  );
  const code = await codeOf(o.root, ['playwright-core'], printingCode);
  const pdfs = await renderPdfs(
    pages.map((p) => ({
      lang: p.lang!,
      file: join(printDir, p.file),
      out: join(o.out, downloadName(p.lang!, 'pdf')),
      key: cache.key(assetsKey, p.file, printTree[p.file]!),
    })),
    {
      date: archiveDate,
      log: o.log,
      cache: { store: cache, code },
      version: chromiumVersion,
      prepare: () => writeTree(printDir, printTree),
    },
  );
  await rm(printDir, { recursive: true, force: true });
  return pdfs;
}
