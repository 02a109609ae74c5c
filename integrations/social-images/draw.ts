/**
 * Writes one social preview PNG per built page, after the build: each page names its image in
 * <meta property="og:image"> and its title and section in og:title / article:section.
 *
 * An image is drawn once and reused: it is kept in the build cache under the hash of its SVG, the
 * font files, the renderer's version and the PNG encoder (integrations/cache.ts), so a rebuild
 * draws only the pages whose title, section or direction changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ogSvg, renderOptions } from './image';
import { renderPool, type RenderPool } from './pool';
import { buildCache } from '../cache';

const require = createRequire(import.meta.url);
const fontFiles = [
  '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/600SemiBold/NotoSansArabic_600SemiBold.ttf',
].map((f) => require.resolve(f));
const encoderFile = fileURLToPath(new URL('./png.mjs', import.meta.url));

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
  // What else an image depends on: the fonts it is drawn with, the renderer, the PNG encoder's
  // code and zlib.
  const inputs = createHash('sha256');
  for (const f of [...fontFiles, encoderFile]) inputs.update(await readFile(f));
  const renderer = `resvg ${require('@resvg/resvg-js/package.json').version}, zlib ${process.versions.zlib}, ${inputs.digest('hex')}`;
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
