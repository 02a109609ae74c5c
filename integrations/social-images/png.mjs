// PNG encoding for the social images. A preview is a flat background with anti-aliased text:
// the guide's 106 images have 72 to 98 colours and no transparency, so an indexed PNG (one byte
// a pixel, a palette of at most 256 colours) holds each exactly, in less than half the bytes of
// resvg's own PNG and a quarter of its encoding time (22 ms → 5 ms an image on this machine). An
// image that does not fit (more colours, or any transparency) gets no indexed PNG: the caller
// keeps resvg's. Plain JavaScript: the drawing processes (render-worker.mjs) run it.
import { crc32, deflateSync, constants } from 'node:zlib';

/** @param {string} type @param {Uint8Array} data */
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * An indexed PNG of `pixels` (RGBA, 4 bytes a pixel, rows top to bottom), or undefined when the
 * image has a pixel that is not opaque or more than 256 colours. The palette is in order of first
 * appearance, so the same pixels always give the same bytes.
 * @param {number} width @param {number} height @param {Uint8Array} pixels
 * @returns {Buffer | undefined}
 */
export function indexedPng(width, height, pixels) {
  if (pixels.length !== width * height * 4) throw new Error('indexedPng: pixels do not match the size');
  // One 32-bit number a pixel (bytes R, G, B, A in memory), copied when not aligned to 4 bytes.
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : pixels.slice();
  const rgba = new Int32Array(aligned.buffer, aligned.byteOffset, width * height);
  const opaque = new Int32Array(new Uint8Array([0, 0, 0, 255]).buffer)[0];
  /** @type {Map<number, number>} pixel value → palette index */
  const palette = new Map();
  // Each row: its filter byte (0, none: the usual choice for an indexed image), then one index a
  // pixel, written a run of one colour at a time.
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const from = y * width;
    const to = from + width;
    const row = y * (width + 1) + 1 - from;
    for (let p = from; p < to;) {
      const colour = rgba[p];
      if ((colour & opaque) !== opaque) return undefined;
      let end = p + 1;
      while (end < to && rgba[end] === colour) end++;
      let i = palette.get(colour);
      if (i === undefined) {
        if (palette.size === 256) return undefined;
        i = palette.size;
        palette.set(colour, i);
      }
      rows.fill(i, row + p, row + end);
      p = end;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, indexed colour, deflate, filters per row, not interlaced
  const plte = Buffer.alloc(palette.size * 3);
  for (const [colour, i] of palette) {
    const [r, g, b] = new Uint8Array(new Uint32Array([colour]).buffer);
    plte.set([r, g, b], i * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    // Run-length matching suits rows of one colour: as small as the default within 10 %, in a
    // quarter of the time.
    chunk('IDAT', deflateSync(rows, { level: 9, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * The PNG of an image resvg rendered: indexed when it fits, else resvg's own. What both the
 * drawing processes and renderPng (image.ts) write, so the build cache's key (draw.ts names this
 * file) covers the choice too.
 * @param {{ width: number; height: number; pixels: Uint8Array; asPng(): Buffer }} image
 * @returns {Buffer}
 */
export function pngOf(image) {
  return indexedPng(image.width, image.height, image.pixels) ?? image.asPng();
}
