/**
 * Build cost at a given content size: copies the project to a temporary directory
 * (node_modules linked, as tests/support/sandbox.ts does), adds synthetic entries there when
 * scale > 1, runs `npm run build` and reads the time of each phase from Astro's log.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { projectEntries } from '../tests/support/project-copy.ts';
import { addSyntheticEntries } from './synthetic.ts';

export interface BuildResult {
  scale: number;
  /**
   * The build cache (integrations/cache.ts): `cold`, an empty one; `warm`, the one a
   * first build of the same copy filled (a rebuild with nothing changed).
   */
  cache?: 'cold' | 'warm';
  /** Synthetic entries added per language. */
  syntheticEntries: number;
  pages: number;
  pagesPerLanguage: Record<string, number>;
  wallSeconds: number;
  msPerPage: number;
  /**
   * Seconds spent rendering pages, drawing social images, indexing with Pagefind and making the
   * offline copy (its pages, zips, PDF brochures and downloads); `other` is setup, bundling and
   * the other steps (fonts, host files, precompress).
   */
  phases: { render: number; ogImages: number; pagefind: number; offline: number; other: number };
  /** Seconds of each step after the pages (integrations/offshoring.ts), by name. */
  steps: Record<string, number>;
  /** Peak resident memory of the build (GNU time), when /usr/bin/time is there. */
  peakRssMB: number | null;
  distMB: number;
  pagefind: { totalKB: number; perLanguageKB: Record<string, number>; sharedKB: number };
  /** The downloads the build made (zips and PDFs in dist/downloads/), in kB. */
  downloadsKB: Record<string, number>;
}

const treeBytes = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce(
    (n, f) => n + (statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0),
    0,
  );

/** Pagefind's files by language ({lang}_… or .{lang}.) and shared ones (the engine). */
function pagefindSizes(dist: string, langs: readonly string[]) {
  const dir = join(dist, 'pagefind');
  const perLanguage = Object.fromEntries(langs.map((l) => [l, 0]));
  let shared = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const size = statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0;
    const name = f.split('/').pop()!;
    const lang = langs.find(
      (l) => name.startsWith(`${l}_`) || name.includes(`.${l}.`) || name.startsWith(`pagefind.${l}_`),
    );
    if (lang) perLanguage[lang]! += size;
    else shared += size;
  }
  const kb = (n: number) => Math.round(n / 100) / 10;
  return {
    totalKB: kb(treeBytes(dir)),
    perLanguageKB: Object.fromEntries(Object.entries(perLanguage).map(([l, n]) => [l, kb(n)])),
    sharedKB: kb(shared),
  };
}

/**
 * A copy of what the build reads, in a new temporary directory. Its node_modules/ links each
 * package of the project's but not the caches in it: Astro keeps its content store in
 * node_modules/.astro/, and a copy sharing it left its synthetic entries there for the project's
 * next build (which then failed on pages whose files it did not have).
 */
export function copyProject(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'om-bench-'));
  for (const entry of projectEntries) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules')))
    if (entry !== '.astro' && entry !== '.cache' && entry !== '.vite')
      symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  return dir;
}

/**
 * measureBuild('/repo', 10, ['fr', 'en', 'ar']) → { scale: 10, pages: 692, wallSeconds: 65, … }:
 * builds a copy with ten times the pages per language, with an empty build cache of its own.
 * Returns the copy's directory too, for measures on its dist/ and for a rebuild
 * (`{ dir, cache: 'warm' }`: the same copy again, with the cache its first build filled); the
 * caller removes it.
 */
export function measureBuild(
  root: string,
  scale: number,
  langs: readonly string[],
  o: { cache?: 'cold' | 'warm'; dir?: string; syntheticEntries?: number } = {},
): { result: BuildResult; dir: string } {
  const dir = o.dir ?? copyProject(root);
  // A rebuild (o.dir) reuses the copy, synthetic entries included.
  const syntheticEntries = o.dir
    ? (o.syntheticEntries ?? 0)
    : scale > 1
      ? addSyntheticEntries(dir, scale, langs)
      : 0;
  const cache = o.cache ?? 'cold';
  // The copy's own cache folder: empty for its first build, as it was left for a rebuild.
  const cacheDir = join(dir, '.build-cache');
  if (cache === 'cold') rmSync(cacheDir, { recursive: true, force: true });
  // The build as the README runs it: package.json's script, with its environment
  // (MIMALLOC_PURGE_DELAY). GNU time's peak is the largest of npm and what it runs.
  const build = ['npm', 'run', 'build', '--silent'];
  const timeFile = join(dir, 'time.txt');
  const gnuTime = existsSync('/usr/bin/time');
  const [cmd, ...args] = gnuTime ? ['/usr/bin/time', '-f', '%M', '-o', timeFile, ...build] : build;
  const env = {
    ...process.env,
    BUILD_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
  };
  const started = performance.now();
  const startedAt = new Date();
  const r = spawnSync(cmd!, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallSeconds = (performance.now() - started) / 1000;
  const log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`build at scale ${scale} failed:\n${log.slice(-3000)}`);

  const seconds = (m: RegExpMatchArray | null | undefined) => (m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0);
  const render =
    Math.round(
      10 * seconds(log.match(/generating static routes[\s\S]*?\n[^\n]*✓ Completed in (?:(\d+)m )?([\d.]+)s/)),
    ) / 10;
  // One line per step of integrations/offshoring.ts: `[step] …; took N ms; peak memory so far M MB`
  // (colour codes removed: FORCE_COLOR=0 still gets Astro's labels coloured).
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const steps = Object.fromEntries(
    [...plain.matchAll(/\[([\w-]+)\] [^\n]*; took (\d+) ms; peak memory so far/g)].map((m) => [
      m[1]!,
      Math.round(Number(m[2]) / 100) / 10,
    ]),
  );
  const step = (...names: string[]) =>
    Math.round(10 * names.reduce((n, name) => n + (steps[name] ?? 0), 0)) / 10;
  // Setup and bundling: from the start to the first page Astro renders, by the clock time its log
  // prints (to the second). Not the wall time less the other phases: the social images are drawn
  // beside later steps, and that difference came out negative when they ran longer than those.
  const firstPage = plain.match(/generating static routes\s*\n(\d\d):(\d\d):(\d\d)/);
  if (!firstPage) throw new Error(`no time of the first page in the log of scale ${scale}`);
  const clock = (h: number, m: number, sec: number) => h * 3600 + m * 60 + sec;
  const setupSeconds =
    (clock(Number(firstPage[1]), Number(firstPage[2]), Number(firstPage[3])) -
      clock(startedAt.getHours(), startedAt.getMinutes(), startedAt.getSeconds()) +
      86_400) %
    86_400;
  const ogImages = step('social-images');
  const pagefind = step('search-index');
  const offline = step('offline', 'brochures', 'offline-copies', 'downloads');
  const dist = join(dir, 'dist');
  // Pages: the HTML files Astro wrote, less the redirect stubs of moved URLs (a few hundred
  // bytes each, src/data/redirects.ts), which would lower the per-page cost.
  const isPage = (file: string) =>
    file.endsWith('.html') && !/<meta http-equiv="refresh"/.test(readFileSync(join(dist, file), 'utf8'));
  const pageFiles = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => !f.startsWith('pagefind/') && isPage(f));
  const pages = pageFiles.length;
  const indexed = plain.match(/indexed pages by language: ([^;]+);/)?.[1] ?? '';
  const pagesPerLanguage = Object.fromEntries(
    langs.map((l) => [l, pageFiles.filter((f) => f.startsWith(`${l}/`)).length]),
  );

  const result: BuildResult = {
    scale,
    cache,
    syntheticEntries,
    pages,
    pagesPerLanguage,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    msPerPage: Math.round((wallSeconds * 1000) / Math.max(pages, 1)),
    phases: {
      render,
      ogImages,
      pagefind,
      offline,
      other: Math.round((setupSeconds + step('fonts', 'host-files', 'precompress')) * 10) / 10,
    },
    steps,
    peakRssMB:
      gnuTime && existsSync(timeFile)
        ? Math.round(Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024)
        : null,
    distMB: Math.round(treeBytes(dist) / 1e5) / 10,
    pagefind: pagefindSizes(dist, langs),
    downloadsKB: Object.fromEntries(
      readdirSync(join(dist, 'downloads'))
        .sort()
        .map((f) => [f, Math.round(statSync(join(dist, 'downloads', f)).size / 100) / 10]),
    ),
  };
  if (!indexed) throw new Error(`no Pagefind summary in the log of scale ${scale}`);
  return { result, dir };
}

export const removeCopy = (dir: string) => rmSync(dir, { recursive: true, force: true });
