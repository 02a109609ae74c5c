/** Raw HTTP for the server tests: bytes as sent (no decompression, no redirect following). */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A header's value(s) as one string ('a, b' for a repeated header), '' when absent. */
export const header = (r: Raw, name: string) => {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
};

/** The body as the browser reads it, decoded by its Content-Encoding. */
export function decoded(r: Raw): Buffer {
  const enc = header(r, 'content-encoding');
  if (enc === 'br') return brotliDecompressSync(r.body);
  if (enc === 'gzip') return gunzipSync(r.body);
  if (enc === '') return r.body;
  throw new Error(`unexpected Content-Encoding ${enc}`);
}
