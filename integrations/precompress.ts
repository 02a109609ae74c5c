/**
 * Precompressed copies of the text files of the build: `x.css.gz` and `x.css.br` next
 * to `x.css`, for servers that send a ready file with the matching Content-Encoding
 * (server/nginx.conf: gzip_static, and Brotli by its own rule since Debian's nginx has no Brotli
 * module). The last step of the build (integrations/offshoring.ts), after the search index and
 * the offline copy. Levels: gzip 9; Brotli 11 for the files pages share (stylesheet, scripts,
 * search indexes, data), fetched by every reader, and 10 for the pages themselves: on this site's
 * pages level 11 takes 2.6 times as long for 3 % fewer bytes (about 400 bytes a page), and the
 * pages are most of the text a build compresses. Kept in the build cache. A copy that would not
 * be smaller is not written. Deterministic (zlib's gzip header carries no time or name), so the
 * build stays reproducible.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { BuildCache } from './cache';

/** Files worth compressing. Pagefind's own files (.pf_*, .pagefind) are gzip already; images, fonts, zips and PDFs are compressed formats. */
export const compressible = /\.(html|css|js|mjs|svg|json|xml|txt|wasm|webmanifest)$/;

/** Brotli's level for a file: 10 for pages, 11 for what pages share (see the module comment). */
export const brotliQuality = (file: string): 10 | 11 => (file.endsWith('.html') ? 10 : 11);

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
/** What the compressed bytes depend on besides the file: levels and the libraries' versions. */
const codecs = `gzip 9, Brotli text; zlib ${process.versions.zlib}, brotli ${process.versions.brotli}`;

/**
 * Writes the copies of every compressible file of `dir`, a file per core and one more at a time
 * (zlib compresses on libuv's thread pool; the extra file keeps the cores busy while another is
 * read or written: 15.4 → 13.6 s at 10× the pages). With `cache`, the copies of a file are kept
 * under the hash of its bytes: a rebuild compresses only the files that changed.
 */
export async function precompress(
  dir: string,
  cache?: BuildCache,
  concurrency = availableParallelism() + 1,
): Promise<{ files: number; before: number; gzip: number; brotli: number; fromCache: number }> {
  const files = (await readdir(dir, { recursive: true }))
    .map((f) => f.split(sep).join('/'))
    .filter((f) => compressible.test(f))
    .sort();
  const total = { files: 0, before: 0, gzip: 0, brotli: 0, fromCache: 0 };
  const one = async (f: string) => {
    const bytes = await readFile(join(dir, f));
    const quality = brotliQuality(f);
    const key = cache?.enabled ? cache.key(codecs, String(quality), bytes) : undefined;
    const [storedGz, storedBr] = key
      ? await Promise.all([cache!.read('gzip', key), cache!.read('brotli', key)])
      : [];
    const gz = storedGz ?? (await gzip(bytes, { level: 9 }));
    const br =
      storedBr ??
      (await brotli(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        },
      }));
    if (key && !storedGz) await cache!.write('gzip', key, gz);
    if (key && !storedBr) await cache!.write('brotli', key, br);
    if (storedGz && storedBr) total.fromCache += 1;
    total.files += 1;
    total.before += bytes.length;
    total.gzip += Math.min(gz.length, bytes.length);
    total.brotli += Math.min(br.length, bytes.length);
    if (gz.length < bytes.length) await writeFile(join(dir, `${f}.gz`), gz);
    if (br.length < bytes.length) await writeFile(join(dir, `${f}.br`), br);
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let f = files.shift(); f !== undefined; f = files.shift()) await one(f);
    }),
  );
  return total;
}

/** The `precompress` step's line for the log. */
export function describePrecompressed(t: Awaited<ReturnType<typeof precompress>>): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  return `${t.files} text files (${t.fromCache} from the build cache): ${kb(t.before)} → gzip ${kb(t.gzip)}, Brotli ${kb(t.brotli)}`;
}
