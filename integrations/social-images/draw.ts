/**
 * Writes one social preview PNG per built page, after the build: each page names its image in
 * <meta property="og:image"> and its title and section in og:title / article:section.
 *
 * An image is drawn once and reused: it is kept in the build cache under the hash of
 * its SVG, the font files and the renderer's version (integrations/cache.ts), so a
 * rebuild draws only the pages whose title, section or direction changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { ogSvg, renderPng } from './image';
import { buildCache } from '../cache';

const require = createRequire(import.meta.url);
const fontFiles = [
  '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/600SemiBold/NotoSansArabic_600SemiBold.ttf',
].map((f) => require.resolve(f));

const meta = (html: string, key: string) =>
  html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1]?.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Writes the social image of every page of `dist` that names one; `base` is the site's base
 * path, `root` the project (for the build cache).
 */
export async function drawSocialImages({ dist, root, base }: { dist: string; root: string; base: string }): Promise<string> {
  let count = 0;
  let drawn = 0;
  const cache = buildCache(root);
  // What else an image depends on: the fonts it is drawn with and the renderer.
  const fonts = createHash('sha256');
  for (const f of fontFiles) fonts.update(readFileSync(f));
  const renderer = `${require('@resvg/resvg-js/package.json').version} ${fonts.digest('hex')}`;
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  const draw = async (file: string) => {
    const html = readFileSync(join(dist, file), 'utf8');
    const image = meta(html, 'og:image');
    const title = meta(html, 'og:title');
    if (!image || !title) return;
    const rtl = /<html[^>]*\sdir="rtl"/.test(html);
    const path = new URL(image).pathname;
    const target = join(dist, path.startsWith(base) ? path.slice(base.length) : path);
    mkdirSync(dirname(target), { recursive: true });
    const svg = ogSvg({ title, kicker: meta(html, 'article:section') ?? '', site: meta(html, 'og:site_name') ?? '', rtl });
    const png = await cache.get('og', cache.key(svg, renderer), () => {
      drawn += 1;
      return renderPng(svg, fontFiles);
    });
    writeFileSync(target, png);
    count += 1;
  };
  // One image per core at a time; each file depends on its page only, so the order of work
  // does not change the output.
  await Promise.all(Array.from({ length: availableParallelism() }, async () => {
    for (let file = pages.shift(); file !== undefined; file = pages.shift()) await draw(file);
  }));
  return `${count} social preview images written (${drawn} drawn, ${count - drawn} from the build cache)`;
}
