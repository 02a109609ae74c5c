/**
 * Reproducible zip files: the same files give the same bytes on any machine and in any
 * time zone. Entries are sorted by path, every entry has one fixed date, and the compression
 * level is fixed. fflate writes the DOS date from local-time getters, so the fixed date is made
 * in local time from its calendar fields.
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { zipSync, type Zippable } from 'fflate';
import type { BuildCache } from '../cache';

const fflateVersion = `fflate ${(createRequire(import.meta.url)('fflate/package.json') as { version: string }).version}`;

/** The date stamped on every entry: ('2026-11-27') → a Date whose local fields are 2026-11-27 00:00:00. */
export function zipDate(isoDay: string): Date {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0);
}

/**
 * Zips `files` (path → bytes) under one top-level folder, sorted by path:
 * reproducibleZip({ 'b.txt': …, 'a.txt': … }, 'guide', '2026-11-27') → entries guide/a.txt, guide/b.txt.
 */
export function reproducibleZip(
  files: Record<string, Uint8Array>,
  folder: string,
  isoDay: string,
): Uint8Array {
  const mtime = zipDate(isoDay);
  const entries: Zippable = {};
  for (const path of Object.keys(files).sort())
    entries[`${folder}/${path}`] = [files[path]!, { mtime, level: 9 }];
  return zipSync(entries, { mtime, level: 9 });
}

export interface ZipWriter {
  /** Adds a file; paths must come in sorted order, as reproducibleZip sorts them. */
  add(path: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

const u32 = (view: DataView, at: number, n: number) => view.setUint32(at, n, true);

/**
 * The zip reproducibleZip makes, written to `file` one entry at a time: each entry is compressed
 * and written as it comes, and only the central directory (a few dozen bytes per entry) stays in
 * memory. Each entry is fflate's own single-file zip, cut in two: its local part goes to the
 * file, its central record is kept with its offset set to where the local part went.
 */
export async function openReproducibleZip(
  file: string,
  folder: string,
  isoDay: string,
  cache?: BuildCache,
): Promise<ZipWriter> {
  const mtime = zipDate(isoDay);
  const out = await open(file, 'w');
  // An entry (its name, date and bytes, compressed by this fflate) is kept in the build cache:
  // a rebuild compresses only the pages that changed.
  const entry = async (name: string, bytes: Uint8Array) => {
    const make = async () => zipSync({ [name]: [bytes, { mtime, level: 9 }] }, { mtime, level: 9 });
    return cache?.enabled
      ? cache.get('zip-entry', cache.key(fflateVersion, 'deflate level 9', name, isoDay, bytes), make)
      : make();
  };
  const central: Uint8Array[] = [];
  let offset = 0;
  let last: string | undefined;
  return {
    async add(path, bytes) {
      if (last !== undefined && !(last < path))
        throw new Error(`zip ${file}: ${path} comes after ${last}; add files in sorted order`);
      last = path;
      const one = await entry(`${folder}/${path}`, bytes);
      // One entry: local header and data, then the central record, then the 22-byte end record.
      const view = new DataView(one.buffer, one.byteOffset, one.byteLength);
      const centralAt = view.getUint32(one.length - 22 + 16, true);
      // A copy (a Buffer's slice would share the cached bytes), its local-header offset set.
      const record = new Uint8Array(one.subarray(centralAt, one.length - 22));
      u32(new DataView(record.buffer, record.byteOffset, record.byteLength), 42, offset);
      central.push(record);
      await out.write(one.subarray(0, centralAt));
      offset += centralAt;
    },
    async close() {
      const size = central.reduce((n, r) => n + r.length, 0);
      const end = new Uint8Array(22);
      const view = new DataView(end.buffer);
      u32(view, 0, 0x06054b50);
      view.setUint16(8, central.length, true);
      view.setUint16(10, central.length, true);
      u32(view, 12, size);
      u32(view, 16, offset);
      for (const r of central) await out.write(r);
      await out.write(end);
      await out.close();
    },
  };
}
