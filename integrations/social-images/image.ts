/**
 * Social preview images (1200 × 630 PNG): the page title in its language on a branded
 * background, rendered from SVG by resvg with our own fonts (it shapes Arabic and lays it out
 * right to left). Build-time only.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { pngOf } from './png.mjs';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgText {
  title: string;
  kicker: string;
  site: string;
  rtl: boolean;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Greedy word wrap by an estimated width (average glyph ≈ 0.55 em): at most `maxLines`, ellipsis after. */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > maxChars && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,،.:;]+$/, '')}…`;
  return kept;
}

export function ogSvg({ title, kicker, site, rtl }: OgText): string {
  const size = title.length > 60 ? 58 : 68;
  const lines = wrap(title, Math.floor(1000 / (size * 0.55)), 3);
  const x = rtl ? OG_WIDTH - 90 : 90;
  const anchor = rtl ? 'end' : 'start';
  const font = rtl ? "'Noto Sans Arabic', 'Inter'" : "'Inter', 'Noto Sans Arabic'";
  const lineHeight = size * (rtl ? 1.45 : 1.2);
  const top = 330 - ((lines.length - 1) * lineHeight) / 2;
  // resvg lays a line out left to right whatever `direction` says: an embedding (RLE … PDF) makes
  // the line's own direction right to left, so «(مشروع)، سيدي عثمان» keeps its order and a final «،» its place.
  const embed = (s: string) => (rtl ? `\u202b${s}\u202c` : s);
  const text = (y: number, content: string, extra: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" direction="${rtl ? 'rtl' : 'ltr'}" font-family="${font}" ${extra}>${escapeXml(embed(content))}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#0b6b4f"/>
<rect x="0" y="${OG_HEIGHT - 18}" width="${OG_WIDTH}" height="18" fill="#a8432a"/>
<g fill="none" stroke="#fbfaf7" stroke-opacity="0.12" stroke-width="2">
  <path d="M${rtl ? 210 : 990} 60l40 100h105l-85 62 33 100-93-62-93 62 33-100-85-62h105z"/>
</g>
${text(110, kicker, 'font-size="30" font-weight="600" fill="#f1ece2"')}
${lines.map((l, i) => text(top + i * lineHeight, l, `font-size="${size}" font-weight="700" fill="#ffffff"`)).join('\n')}
${text(560, site, 'font-size="30" font-weight="600" fill="#f1ece2"')}
</svg>`;
}

/**
 * How an image is rendered: only the given font files (no system fonts: the output is
 * reproducible), scaled to the image's width.
 */
export function renderOptions(fontFiles: string[]): ResvgRenderOptions {
  return {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Inter' },
    fitTo: { mode: 'width', value: OG_WIDTH },
  };
}

/**
 * Renders the SVG to PNG (indexed when it fits: png.mjs) in this process, on libuv's thread
 * pool (the build draws in child processes instead: pool.ts). resvg's synchronous
 * `new Resvg().render()` kept about 3 MB of native memory per image until the process ended.
 */
export async function renderPng(svg: string, fontFiles: string[]): Promise<Buffer> {
  const image = await renderAsync(svg, renderOptions(fontFiles));
  return pngOf(image);
}
