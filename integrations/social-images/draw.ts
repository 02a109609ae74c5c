/**
 * Writes one social preview PNG per built page, after the build: each page names its image in
 * <meta property="og:image"> and its title and section in og:title / article:section.
 *
 * An image is drawn once and reused: it is kept in the build cache under the hash of its SVG, the
 * font files, resvg's version and the drawing code (integrations/cache.ts), so a rebuild draws
 * only the pages whose title, section or direction changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { ogSvg, renderOptions } from './image';
import { renderPool, type RenderPool } from './pool';
import { buildCache, codeOf } from '../cache';

const require = createRequire(import.meta.url);
const fontFiles = [
  '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/600SemiBold/NotoSansArabic_600SemiBold.ttf',
].map((f) => require.resolve(f));
/** The code that draws an image, from the project's root: a change to it draws every image again. */
const drawingCode = [
  'integrations/social-images/image.ts',
  'integrations/social-images/render-worker.mjs',
  'integrations/social-images/png.mjs',
];

const meta = (html: string, key: string) =>
  html
    .match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1]
    ?.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * Writes the social image of every page of `dist` that names one; `base` is the site's base
 * path, `root` the project (for the build cache). Images missing from the cache are drawn in
 * child processes, one per core (pool.ts); pages are read one at a time, and an image is written
 * as soon as it is drawn, so memory does not grow with the number of pages.
 */
export async function drawSocialImages({
  dist,
  root,
  base,
}: {
  dist: string;
  root: string;
  base: string;
}): Promise<string> {
  let count = 0;
  let drawn = 0;
  const cache = buildCache(root);
  // What else an image depends on: the fonts it is drawn with, resvg and the code that calls it
  // (how it renders, the PNG encoder), and zlib.
  const fonts = createHash('sha256');
  for (const f of fontFiles) fonts.update(await readFile(f));
  const renderer = cache.key(
    fonts.digest('hex'),
    await codeOf(root, ['@resvg/resvg-js'], drawingCode),
    `zlib ${process.versions.zlib}`,
  );
  const pages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
  const cores = availableParallelism();
  let pool: RenderPool | undefined;
  const draw = async (file: string) => {
    const html = await readFile(join(dist, file), 'utf8');
    const image = meta(html, 'og:image');
    const title = meta(html, 'og:title');
    if (!image || !title) return;
    const rtl = /<html[^>]*\sdir="rtl"/.test(html);
    const path = new URL(image).pathname;
    const target = join(dist, path.startsWith(base) ? path.slice(base.length) : path);
    const svg = ogSvg({
      title,
      kicker: meta(html, 'article:section') ?? '',
      site: meta(html, 'og:site_name') ?? '',
      rtl,
    });
    const png = await cache.get('og', cache.key(svg, renderer), () => {
      drawn += 1;
      pool ??= renderPool({ size: cores, options: renderOptions(fontFiles) });
      return pool.render(svg);
    });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, png);
    count += 1;
  };
  // Two images per core in hand, so that a drawing process never waits for the next page; each
  // file depends on its page only, so the order of work does not change the output.
  try {
    await Promise.all(
      Array.from({ length: cores * 2 }, async () => {
        for (let file = pages.shift(); file !== undefined; file = pages.shift()) await draw(file);
      }),
    );
  } finally {
    pool?.close();
  }
  return `${count} social preview images written (${drawn} drawn, ${count - drawn} from the build cache)`;
}
