/**
 * Reproducible zip files: the same files give the same bytes on any machine and in any
 * time zone. Entries are sorted by path, every entry has one fixed date, and the compression
 * (Node's zlib, deflate level 9) is fixed. The zip records are written here (PKWARE's APPNOTE:
 * local header, data, central directory, end record); compressing on libuv's thread pool lets a
 * build deflate an entry while it prepares the next.
 */
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { BuildCache } from '../cache';

const deflateRaw = promisify(zlib.deflateRaw);
const codec = `zlib ${process.versions.zlib} deflate 9`;

/** The MS-DOS date of a day, as zip headers store it: ('2026-11-27') → (46 << 9) | (11 << 5) | 27. */
export function dosDate(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  if (!(y >= 1980 && y <= 2107 && m >= 1 && m <= 12 && d >= 1 && d <= 31))
    throw new RangeError(`zip: not a day a zip can stamp: ${isoDay}`);
  return ((y - 1980) << 9) | (m << 5) | d;
}

/**
 * One entry, compressed, as two parts: its local header with the data (written where the
 * entry goes) and its central record (at offset 0: the writer sets where the local part went).
 */
function entryParts(name: string, bytes: Uint8Array, data: Uint8Array, date: number) {
  const path = Buffer.from(name, 'utf8');
  // The fields both records hold, in the same order (at 4 in the local header, at 6 in the
  // central record): version needed, flags (bit 11: the name is UTF-8), method 8 (deflate),
  // time 00:00:00, date, CRC-32, compressed and full sizes, name length.
  const shared = Buffer.alloc(24);
  shared.writeUInt16LE(20, 0);
  shared.writeUInt16LE(/[^\x20-\x7e]/.test(name) ? 0x0800 : 0, 2);
  shared.writeUInt16LE(8, 4);
  shared.writeUInt16LE(date, 8);
  shared.writeUInt32LE(zlib.crc32(bytes), 10);
  shared.writeUInt32LE(data.length, 14);
  shared.writeUInt32LE(bytes.length, 18);
  shared.writeUInt16LE(path.length, 22);
  const local = Buffer.alloc(30 + path.length + data.length);
  local.writeUInt32LE(0x04034b50, 0);
  shared.copy(local, 4);
  // Extra field length 0.
  path.copy(local, 30);
  local.set(data, 30 + path.length);
  const central = Buffer.alloc(46 + path.length);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  shared.copy(central, 6);
  // Extra field, comment, disk, internal and external attributes, offset: all 0.
  path.copy(central, 46);
  return { local, central };
}

/** The end-of-central-directory record. */
function endRecord(entries: number, centralSize: number, centralAt: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralAt, 16);
  return end;
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
  const date = dosDate(isoDay);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const path of Object.keys(files).sort()) {
    const bytes = files[path]!;
    const { local, central } = entryParts(
      `${folder}/${path}`,
      bytes,
      zlib.deflateRawSync(bytes, { level: 9 }),
      date,
    );
    central.writeUInt32LE(offset, 42);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const size = centrals.reduce((n, c) => n + c.length, 0);
  return Buffer.concat([...locals, ...centrals, endRecord(centrals.length, size, offset)]);
}

export interface ZipWriter {
  /** Adds a file; paths must come in sorted order, as reproducibleZip sorts them. */
  add(path: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Entries being compressed at once by a ZipWriter: enough to keep the thread pool busy. */
const inFlight = 8;

/**
 * The zip reproducibleZip makes, written to `file` one entry at a time: each entry is compressed
 * as it comes (up to `inFlight` at once, written in order), and only the central directory (a few
 * dozen bytes per entry) stays in memory. With `cache`, an entry's parts are kept under the hash
 * of its name, day and bytes: a rebuild compresses only the pages that changed.
 */
export async function openReproducibleZip(
  file: string,
  folder: string,
  isoDay: string,
  cache?: BuildCache,
): Promise<ZipWriter> {
  const date = dosDate(isoDay);
  const out = await open(file, 'w');
  const entry = async (name: string, bytes: Uint8Array): Promise<Uint8Array> => {
    const make = async () => {
      const { local, central } = entryParts(name, bytes, await deflateRaw(bytes, { level: 9 }), date);
      // Stored as one buffer: the local part, then the central record, then its length.
      const tail = Buffer.alloc(4);
      tail.writeUInt32LE(central.length);
      return Buffer.concat([local, central, tail]);
    };
    return cache?.enabled ? cache.get('zip-entry', cache.key(codec, name, isoDay, bytes), make) : make();
  };
  const central: Uint8Array[] = [];
  const pending: Promise<Uint8Array>[] = [];
  let offset = 0;
  let last: string | undefined;
  const writeOldest = async () => {
    const one = await pending.shift()!;
    const centralLength = Buffer.from(one.buffer, one.byteOffset, one.byteLength).readUInt32LE(
      one.length - 4,
    );
    const localLength = one.length - 4 - centralLength;
    // A copy (a slice would share the cached bytes), its local-header offset set.
    const record = Buffer.from(one.subarray(localLength, localLength + centralLength));
    record.writeUInt32LE(offset, 42);
    central.push(record);
    await out.write(one.subarray(0, localLength));
    offset += localLength;
  };
  return {
    async add(path, bytes) {
      if (last !== undefined && !(last < path))
        throw new Error(`zip ${file}: ${path} comes after ${last}; add files in sorted order`);
      last = path;
      const started = entry(`${folder}/${path}`, bytes);
      // A failure surfaces when the entry is written; until then it must not count as unhandled.
      started.catch(() => {});
      pending.push(started);
      if (pending.length >= inFlight) await writeOldest();
    },
    async close() {
      try {
        while (pending.length > 0) await writeOldest();
        const size = central.reduce((n, r) => n + r.length, 0);
        for (const r of central) await out.write(r);
        await out.write(endRecord(central.length, size, offset));
      } finally {
        await out.close();
      }
    },
  };
}
