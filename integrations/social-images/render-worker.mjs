// A child process that draws social images for the `social-images` step (pool.ts): it gets
// { id, svg, options } messages, renders each SVG with resvg and sends back { id, png } or
// { id, error }. Plain JavaScript so that any Node runs it; what it draws and with which fonts
// comes from the parent (renderOptions in image.ts); the PNG is encoded by png.mjs when the
// image fits an indexed one, else by resvg. Drawing here keeps resvg's memory out of
// the build's process, and the pool ends a child after a number of images.
import { setPriority } from 'node:os';
import { renderAsync } from '@resvg/resvg-js';
import { pngOf } from './png.mjs';

// A lower priority, set before resvg's first call starts libuv's threads (which draw, and inherit
// it): the build's other steps run beside the drawing and go first.
try {
  setPriority(10);
} catch {
  // Not allowed here: the drawing shares the cores evenly, which is only slower.
}

process.on(
  'message',
  async (
    /** @type {{ id: number; svg: string; options: import('@resvg/resvg-js').ResvgRenderOptions }} */ m,
  ) => {
    try {
      const image = await renderAsync(m.svg, m.options);
      process.send?.({ id: m.id, png: pngOf(image) });
    } catch (e) {
      process.send?.({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  },
);
