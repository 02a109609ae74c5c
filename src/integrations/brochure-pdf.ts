/**
 * PDF brochures (issue 8): headless Chromium prints the offline print copy of /{lang}/brochure/
 * from file://, with every network request refused; a console error while printing (a font or
 * script the page's policy refused, a script error) fails the build too. Chromium is CHROME_PATH or Debian's
 * /usr/bin/chromium; without one the build goes on without PDFs, saying so (npm test installs
 * Chromium first, and its tests require the PDFs).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { normalizePdf } from '../lib/pdf';

export interface PdfJob { lang: string; file: string; out: string }

/** Page numbers in the bottom margin; Latin digits read the same in every language of the guide. */
const footer = '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** Prints each job's page to its `out` file; returns { lang: path } of the PDFs written. */
export async function renderPdfs(jobs: PdfJob[], o: { date: string; log: { warn(m: string): void } }): Promise<Record<string, string>> {
  const chrome = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    o.log.warn(`no Chromium at ${chrome}: the PDF brochures are skipped. Install it (apt-get install chromium) or set CHROME_PATH, then build again.`);
    return {};
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  } catch (e) {
    o.log.warn(`Chromium at ${chrome} did not start, the PDF brochures are skipped: ${(e as Error).message.split('\n')[0]}`);
    return {};
  }
  const written: Record<string, string> = {};
  try {
    const context = await browser.newContext();
    const refused: string[] = [];
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
    for (const job of jobs) {
      const page = await context.newPage();
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`${job.lang}: ${m.text().slice(0, 200)}`); });
      page.on('pageerror', (e) => problems.push(`${job.lang}: ${e.message}`));
      await page.goto(pathToFileURL(job.file).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer,
        margin: { top: '16mm', bottom: '16mm', left: '15mm', right: '15mm' },
      });
      await writeFile(job.out, normalizePdf(pdf, o.date));
      written[job.lang] = job.out;
      await page.close();
    }
    if (refused.length > 0) throw new Error(`the brochure asked the network for ${refused.join(', ')}`);
    if (problems.length > 0) throw new Error(`the brochure printed with errors:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
  }
  return written;
}
