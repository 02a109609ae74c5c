/**
 * The project's one Astro integration: everything the build does besides Astro's own pages, in
 * the order it runs.
 *
 * Before Vite: the web fonts are cut down to the site's text (fonts/subset.ts), and Vite's
 * `@subset-fonts/` alias points at the subsets.
 *
 * After Astro has written the pages (astro:build:done), these steps, in order, each timed on one
 * log line `[step] …; took N ms; peak memory so far M MB` (bench/build.ts reads those lines):
 *   fonts           every page uses only characters its font subset has; preload links for
 *                   the subset files of each page's language (fonts/preload.ts) and for the
 *                   modules its scripts import (module-preload.ts); its policy names only its
 *                   own inline scripts and styles (page-policy.ts)
 *   host-files      robots.txt, _headers, _redirects
 *   search-index    Pagefind, one index per language, and the quick indexes (search-index/)
 *   offline         the offline copy's pages and shared files, read once (offline/)
 *   social-images   one PNG per page (social-images/), drawn beside the steps below by
 *                   processes of lower priority; the build waits for it at the end
 *   brochures       the PDF brochures, printed from a print copy (brochure/)
 *   offline-copies  the offline folders and zips, holding the PDFs (offline/)
 *   downloads       zips and PDFs in dist/downloads/, their sizes in the hosted pages
 *   precompress     .gz and .br copies of every text file (last: the steps above write files)
 * The open datasets (/data/*.json, .csv) are Astro endpoints, written with the pages.
 * `npm run export` (scripts/export.mjs) runs the steps from `offline` on again.
 *
 * Node-only: nothing in integrations/ is bundled for the browser.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { subsetFonts, type FontSubsets } from './fonts/subset';
import { writeHostFiles } from './host-files';
import { drawSocialImages } from './social-images/draw';
import { buildSearchIndex } from './search-index/pagefind';
import {
  exportDirOf,
  publishDownloads,
  readOfflineSite,
  writeOfflineCopies,
  type OfflineSite,
} from './offline/export';
import { printBrochures } from './brochure/brochures';
import { chromiumVersion } from './brochure/print';
import { describePrecompressed, precompress } from './precompress';
import { buildCache } from './cache';
import type { OfflineDoc } from '../src/lib/offline-search';

export interface OffshoringOptions {
  /** Language codes of the site: each gets a search index, an offline copy and a PDF. */
  languages: readonly string[];
  /** The languages each font family is set in (global.css: :lang(ar) body uses the Arabic one). */
  fontFamilies: Record<string, readonly string[]>;
}

/** What the steps after the build work on, and what they hand on to one another. */
export interface BuildRun {
  root: string;
  /** The build's output folder (dist/). */
  dist: string;
  /** The offline copy's folder, beside it (dist-export/). */
  out: string;
  base: string;
  site: string;
  languages: readonly string[];
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error' | 'fork'>;
  fonts?: FontSubsets | undefined;
  /** Page texts the search index read, for the offline copy's search. */
  docs: Map<string, OfflineDoc | undefined>;
  offline?: OfflineSite;
  pdfs: Record<string, string>;
  zips: Record<string, string>;
  /** `chromium --version`, asked as the steps start, for the PDFs' cache keys (brochure/print.ts). */
  chromiumVersion?: Promise<string>;
}

export interface Step {
  name: string;
  /** Does the step's work; returns its line for the log. */
  run(b: BuildRun): Promise<string>;
  /**
   * Runs beside the steps after it instead of before them, on the cores they leave idle: nothing
   * after it reads what it writes. Its line is logged when it ends; the list waits for it last.
   */
  beside?: boolean;
}

const needOffline = (b: BuildRun) => {
  if (!b.offline)
    throw new Error('the offline step must run before the brochures, offline copies and downloads');
  return b.offline;
};

export const steps: Step[] = [
  {
    name: 'fonts',
    run: async (b) => (b.fonts ? b.fonts.checkAndPreload(b.dist, b.base) : 'no font subsets'),
  },
  {
    name: 'host-files',
    run: (b) => writeHostFiles(b.dist, { site: b.site, base: b.base, languages: b.languages }),
  },
  {
    name: 'search-index',
    run: (b) =>
      buildSearchIndex({
        root: b.root,
        dist: b.dist,
        languages: b.languages,
        log: b.logger.fork('search-index'),
        docs: b.docs,
      }),
  },
  {
    name: 'offline',
    run: async (b) => {
      b.offline = await readOfflineSite(
        {
          root: b.root,
          dist: b.dist,
          out: b.out,
          base: b.base,
          site: b.site,
          languages: b.languages,
          log: b.logger.fork('offline'),
        },
        b.docs,
      );
      b.docs.clear();
      return b.offline.summary;
    },
  },
  // Beside the steps after it: no later step reads the PNGs, and the offline copies leave a core
  // idle most of their time (10× the pages, cold: 66 → 62 s). Not beside the search index, whose
  // page-by-page exchange with Pagefind slows down more than the drawing gains.
  {
    name: 'social-images',
    beside: true,
    run: (b) => drawSocialImages({ dist: b.dist, root: b.root, base: b.base }),
  },
  {
    name: 'brochures',
    run: async (b) => {
      b.pdfs = await printBrochures(needOffline(b), b.chromiumVersion);
      return `${Object.keys(b.pdfs).length} PDF brochures`;
    },
  },
  {
    name: 'offline-copies',
    run: async (b) => {
      b.zips = await writeOfflineCopies(needOffline(b), b.pdfs);
      return `${Object.keys(b.zips).length} offline copies and zips`;
    },
  },
  {
    name: 'downloads',
    run: (b) => publishDownloads(needOffline(b), [...Object.values(b.zips), ...Object.values(b.pdfs)]),
  },
  {
    name: 'precompress',
    run: async (b) => describePrecompressed(await precompress(b.dist, buildCache(b.root))),
  },
];

/**
 * Runs `list` in order, one timed log line per step; a step marked `beside` is started and not
 * waited for until the end (or until a later step fails: no work is left running).
 */
export async function runSteps(list: readonly Step[], b: BuildRun): Promise<void> {
  const timed = async (step: Step) => {
    const started = performance.now();
    const line = await step.run(b);
    b.logger
      .fork(step.name)
      .info(
        `${line}; took ${Math.round(performance.now() - started)} ms; peak memory so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
  };
  const besides: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  try {
    for (const step of list) {
      if (!step.beside) await timed(step);
      else {
        const running = timed(step);
        running.catch(() => undefined); // its failure is thrown below, once the others have ended
        besides.push(running);
      }
    }
  } catch (error) {
    failure = { error };
  }
  const ended = await Promise.allSettled(besides);
  if (failure) throw failure.error;
  for (const e of ended) if (e.status === 'rejected') throw e.reason;
}

export function newBuildRun(o: Omit<BuildRun, 'out' | 'docs' | 'pdfs' | 'zips'>): BuildRun {
  return { ...o, out: exportDirOf(o.dist), docs: new Map(), pdfs: {}, zips: {} };
}

export default function offshoring({ languages, fontFamilies }: OffshoringOptions): AstroIntegration {
  let root = '';
  let base = '/';
  let site = '';
  let fonts: FontSubsets | undefined;
  return {
    name: 'offshoring',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger }) => {
        const started = performance.now();
        fonts = await subsetFonts({ root: fileURLToPath(config.root), languages, families: fontFamilies });
        updateConfig({ vite: { resolve: { alias: [fonts.alias] } } });
        logger
          .fork('font-subsets')
          .info(`${fonts.summary}; took ${Math.round(performance.now() - started)} ms`);
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ?? '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        await runSteps(
          steps,
          newBuildRun({
            root,
            dist: fileURLToPath(dir),
            base,
            site,
            languages,
            logger,
            fonts,
            chromiumVersion: chromiumVersion(),
          }),
        );
      },
    },
  };
}
