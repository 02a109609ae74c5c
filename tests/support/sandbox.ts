/** A throw-away copy of the project (node_modules linked) where a test can break content and run Astro. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectEntries } from './project-copy';
import { root } from './site';

export function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'om-sandbox-'));
  for (const entry of projectEntries) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return {
    dir,
    /** Runs an Astro command in the copy: { status, output } with stdout and stderr together. */
    astro(...args: string[]) {
      const r = spawnSync(join(root, 'node_modules/.bin/astro'), args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
      });
      return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
