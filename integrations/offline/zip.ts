/**
 * Reproducible zip files: the same files give the same bytes on any machine and in any
 * time zone. Entries are sorted by path, every entry has one fixed date, and the compression
 * level is fixed. fflate writes the DOS date from local-time getters, so the fixed date is made
 * in local time from its calendar fields.
 */
import { zipSync, type Zippable } from 'fflate';

/** The date stamped on every entry: ('2026-11-27') → a Date whose local fields are 2026-11-27 00:00:00. */
export function zipDate(isoDay: string): Date {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0);
}

/**
 * Zips `files` (path → bytes) under one top-level folder, sorted by path:
 * reproducibleZip({ 'b.txt': …, 'a.txt': … }, 'guide', '2026-11-27') → entries guide/a.txt, guide/b.txt.
 */
export function reproducibleZip(files: Record<string, Uint8Array>, folder: string, isoDay: string): Uint8Array {
  const mtime = zipDate(isoDay);
  const entries: Zippable = {};
  for (const path of Object.keys(files).sort()) entries[`${folder}/${path}`] = [files[path]!, { mtime, level: 9 }];
  return zipSync(entries, { mtime, level: 9 });
}
