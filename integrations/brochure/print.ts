/**
 * PDF brochures: headless Chromium prints the offline print copy of /{lang}/brochure/
 * from file://, with every network request refused; a console error while printing (a font or
 * script the page's policy refused, a script error) fails the build too. The printer is
 * CHROME_PATH if set, else Debian's headless shell (/usr/bin/chromium-headless-shell, package
 * chromium-headless-shell), else Debian's /usr/bin/chromium; without one the build goes on without
 * PDFs, saying so (npm test installs them first, and its tests require the PDFs). The shell is
 * Chromium's old headless mode, made for automation: the browser's new headless mode starts its
 * own user interface too (an omnibox pop-up page in a renderer of its own), and the shell prints
 * the three brochures in half the time and with less than half the processor time (5.7 → 2.8 s,
 * 8.6 → 3.8 s of the cores on the 2-core machine), the same pages to the eye.
 *
 * A PDF is printed once and reused: with `cache`, each job's `key` (the hash of its
 * print page and of every file it can load, made by the caller) is completed with Chromium's
 * path and version and this printing code, and a PDF in the build cache under that key is copied rather
 * than printed; Chromium starts only when one is missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { normalizePdf } from './normalize';
import type { BuildCache } from '../cache';

export interface PdfJob {
  lang: string;
  file: string;
  out: string;
  /** What the PDF is made from (its page and the files it loads), hashed by the caller: for the cache. */
  key?: string;
}

/** Page numbers in the bottom margin; Latin digits read the same in every language of the guide. */
const footer =
  '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** Debian's two Chromium executables, in the order the printer prefers them. */
const debianChromiums = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** The Chromium that prints: CHROME_PATH, or the first of Debian's there is (see the module comment). */
export const printerPath = (): string =>
  process.env['CHROME_PATH'] ?? debianChromiums.find((p) => existsSync(p)) ?? debianChromiums[1]!;

/**
 * `chromium --version`, a part of each PDF's cache key; '' when there is no Chromium or it does
 * not answer. It takes a few hundred milliseconds, so the build asks as it starts its steps
 * (offshoring.ts) and the brochures step awaits the answer.
 */
export async function chromiumVersion(chrome = printerPath()): Promise<string> {
  if (!existsSync(chrome)) return '';
  try {
    return (await promisify(execFile)(chrome, ['--version'], { timeout: 30_000 })).stdout.trim();
  } catch {
    return '';
  }
}

/** The build cache's key of a job's PDF: what it is printed from, by which Chromium, with which code. */
export const pdfKey = (
  store: BuildCache,
  job: string,
  o: { chrome: string; version: string; code: string; date: string },
): string => store.key(job, o.chrome, o.version, o.code, o.date, footer);

/** Prints each job's page to its `out` file; returns { lang: path } of the PDFs written. */
export async function renderPdfs(
  allJobs: PdfJob[],
  o: {
    date: string;
    log: { warn(m: string): void; info?(m: string): void };
    cache?: { store: BuildCache; code: string };
    /** chromiumVersion(), if the caller asked already. */
    version?: Promise<string> | undefined;
    /** Writes the jobs' pages, when one is to be printed (not when the cache holds every PDF). */
    prepare?: () => Promise<void>;
  },
): Promise<Record<string, string>> {
  const chrome = printerPath();
  if (!existsSync(chrome)) {
    o.log.warn(
      `no Chromium at ${chrome}: the PDF brochures are skipped. Install it (apt-get install chromium-headless-shell, or chromium) or set CHROME_PATH, then build again.`,
    );
    return {};
  }
  const written: Record<string, string> = {};
  let jobs = allJobs;
  const cache = o.cache;
  const keys = new Map<PdfJob, string>();
  if (cache?.store.enabled) {
    const version = await (o.version ?? chromiumVersion(chrome));
    // An unknown version prints every PDF.
    if (version) {
      jobs = [];
      for (const job of allJobs) {
        if (!job.key) {
          jobs.push(job);
          continue;
        }
        const key = pdfKey(cache.store, job.key, { chrome, version, code: cache.code, date: o.date });
        keys.set(job, key);
        const stored = await cache.store.read('pdf', key);
        if (stored) {
          await writeFile(job.out, stored);
          written[job.lang] = job.out;
        } else jobs.push(job);
      }
      o.log.info?.(
        `PDF brochures: ${allJobs.length - jobs.length} of ${allJobs.length} from the build cache`,
      );
      if (jobs.length === 0) return written;
    }
  }
  // Loaded only to print: playwright-core takes most of a second to load, which every build (and
  // `astro dev`) paid at startup. Required, not import()ed: Astro loads this file through Vite's
  // module runner, closed by the time the build's steps run.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  // Chromium starts while the pages are written.
  const [launched, prepared] = await Promise.allSettled([
    chromium.launch({
      executablePath: chrome,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
    o.prepare?.(),
  ]);
  if (prepared.status === 'rejected') {
    if (launched.status === 'fulfilled') await launched.value.close();
    throw prepared.reason;
  }
  if (launched.status === 'rejected') {
    o.log.warn(
      `Chromium at ${chrome} did not start, the PDF brochures are skipped: ${(launched.reason as Error).message.split('\n')[0]}`,
    );
    return {};
  }
  const browser: Browser = launched.value;
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
    // The pages print side by side: each has its own renderer, and a print waits on fonts and
    // layout as much as on a core.
    await Promise.all(
      jobs.map(async (job) => {
        const page = await context.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`${job.lang}: ${m.text().slice(0, 200)}`);
        });
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
        await page.close();
      }),
    );
    for (const job of jobs) written[job.lang] = job.out; // in the jobs' order, whichever ended first
    if (refused.length > 0) throw new Error(`the brochure asked the network for ${refused.join(', ')}`);
    if (problems.length > 0) throw new Error(`the brochure printed with errors:\n${problems.join('\n')}`);
    // Stored only once every print was clean.
    for (const job of jobs) {
      const key = keys.get(job);
      if (key && cache) await cache.store.write('pdf', key, await readFile(job.out));
    }
  } finally {
    await browser.close();
  }
  return written;
}
