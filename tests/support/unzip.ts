/** Unzipping an offline copy into a scratch folder, as a reader would, for the tests that open it from file://. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

/** Writes every file of `zip` under `dir` (folders are made as needed; directory entries are skipped). */
export function unzipTo(zip: string, dir: string): void {
  if (!existsSync(zip)) throw new Error(`${zip} is missing: run \`npm run build\` (npm test does it)`);
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** A fresh temporary folder named `om-{prefix}-…`, and a function that removes it. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `om-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
