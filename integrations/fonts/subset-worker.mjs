// A worker thread that cuts one font with subset-font (HarfBuzz's subsetter, WebAssembly), for
// integrations/fonts/subset.ts: the WebAssembly memory it grows goes away with the thread
// instead of staying in the build's process while Astro renders. Plain JavaScript so that any
// Node runs it; what it cuts, and how, comes from the parent.
import { parentPort, workerData } from 'node:worker_threads';
import subsetFont from 'subset-font';

/** @type {{ font: Uint8Array; chars: string; options: object }} */
const { font, chars, options } = workerData;
parentPort?.postMessage(await subsetFont(Buffer.from(font), chars, options));
