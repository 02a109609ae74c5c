/**
 * Precompressed copies of the text files of the build: `x.css.gz` and `x.css.br` next
 * to `x.css`, for servers that send a ready file with the matching Content-Encoding
 * (server/nginx.conf: gzip_static, and Brotli by its own rule since Debian's nginx has no Brotli
 * module). The last step of the build (integrations/offshoring.ts), after the search index and
 * the offline copy. Maximum levels: the work is done
 * once per build. A copy that would not be smaller is not written. Deterministic (zlib's gzip
 * header carries no time or name), so the build stays reproducible.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing. Pagefind's own files (.pf_*, .pagefind) are gzip already; images, fonts, zips and PDFs are compressed formats. */
export const compressible = /\.(html|css|js|mjs|svg|json|xml|txt|wasm|webmanifest)$/;

export async function precompress(dir: string): Promise<{ files: number; before: number; gzip: number; brotli: number }> {
  const files = (await readdir(dir, { recursive: true })).map((f) => f.split(sep).join('/')).filter((f) => compressible.test(f)).sort();
  const total = { files: 0, before: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const bytes = await readFile(join(dir, f));
    const gz = gzipSync(bytes, { level: 9 });
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });
    total.files += 1;
    total.before += bytes.length;
    total.gzip += Math.min(gz.length, bytes.length);
    total.brotli += Math.min(br.length, bytes.length);
    if (gz.length < bytes.length) await writeFile(join(dir, `${f}.gz`), gz);
    if (br.length < bytes.length) await writeFile(join(dir, `${f}.br`), br);
  }
  return total;
}

/** The `precompress` step's line for the log. */
export function describePrecompressed(t: Awaited<ReturnType<typeof precompress>>): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  return `${t.files} text files: ${kb(t.before)} → gzip ${kb(t.gzip)}, Brotli ${kb(t.brotli)}`;
}
