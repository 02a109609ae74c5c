/**
 * A content-addressed cache for the build's slow steps: a result is stored under the
 * SHA-256 of everything it is made from (input bytes, options, tool versions), so a hit is the
 * same bytes a fresh computation would give, and a clean build stays byte-for-byte reproducible.
 *
 * It lives in node_modules/.cache/offshoring/ (never committed; `npm ci` starts it empty), or in
 * BUILD_CACHE_DIR when set (the reproducible-build test points it at an empty folder for a cold
 * build). BUILD_CACHE=off turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface BuildCache {
  /** The cache folder (other generated files may live beside the entries). */
  dir: string;
  enabled: boolean;
  /** The key of a result: a hash of its inputs, in order. */
  key(...parts: (string | Uint8Array)[]): string;
  /** The stored bytes, or those `make` returns (then stored). */
  get(kind: string, key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array>;
  /** The stored bytes, or undefined. */
  read(kind: string, key: string): Promise<Uint8Array | undefined>;
  write(kind: string, key: string, bytes: Uint8Array): Promise<void>;
}

/** The version of a package installed in the project (`root`/node_modules). */
export async function packageVersion(root: string, name: string): Promise<string> {
  const file = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
}

/**
 * A hash of the code a cached result is made by: the versions of the `packages` doing the work
 * and the text of the project's `files` that call them (paths from `root`). A part of the result's
 * key, so that upgrading a package or editing the code makes the result again.
 */
export async function codeOf(
  root: string,
  packages: readonly string[],
  files: readonly string[],
): Promise<string> {
  const versions = await Promise.all(packages.map(async (p) => `${p} ${await packageVersion(root, p)}`));
  const texts = await Promise.all(files.map((f) => readFile(join(root, f), 'utf8')));
  const h = createHash('sha256');
  for (const part of [...versions, ...texts]) h.update(`${part.length}:${part}`);
  return h.digest('hex');
}

export function cacheDir(root: string): string {
  return process.env['BUILD_CACHE_DIR'] || join(root, 'node_modules', '.cache', 'offshoring');
}

export function buildCache(root: string): BuildCache {
  const dir = cacheDir(root);
  const enabled = process.env['BUILD_CACHE'] !== 'off';
  const path = (kind: string, key: string) => join(dir, kind, key.slice(0, 2), key);
  // Folders this build has made: a build writes thousands of entries into a few hundred folders.
  const made = new Set<string>();
  const cache: BuildCache = {
    dir,
    enabled,
    key(...parts) {
      const h = createHash('sha256');
      for (const p of parts)
        h.update(
          typeof p === 'string' ? `s${p.length}:${p}` : Buffer.concat([Buffer.from(`b${p.length}:`), p]),
        );
      return h.digest('hex');
    },
    async read(kind, key) {
      const file = path(kind, key);
      return enabled && existsSync(file) ? readFile(file) : undefined;
    },
    async write(kind, key, bytes) {
      if (!enabled) return;
      const file = path(kind, key);
      if (!made.has(dirname(file))) await mkdir(dirname(file), { recursive: true });
      made.add(dirname(file));
      // Written aside then renamed: a build running at the same time never reads half a file.
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    },
    async get(kind, key, make) {
      const stored = await cache.read(kind, key);
      if (stored) return stored;
      const bytes = await make();
      await cache.write(kind, key, bytes);
      return bytes;
    },
  };
  return cache;
}
