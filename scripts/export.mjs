#!/usr/bin/env node
// `npm run export`: the offline copy (issue 8) from the last build: dist-export/ gets one folder
// and one zip per language and one with all of them, and the PDF brochures; dist/downloads/ gets
// the zips and PDFs the hosted pages link to. `npm run build` runs the same step (an Astro
// integration); this script re-runs it without rebuilding, and builds first when dist/ is missing.
// The export is TypeScript: esbuild bundles it into .tmp/ to run it here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.log('dist/ is missing: building the site first (npm run build), which also exports.');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const runner = join(root, '.tmp/offline-export.mjs');
await build({
  stdin: { contents: "export { exportOffline } from './src/integrations/offline-export';\nexport { locales } from './src/i18n/locales';\nexport { basePath, siteUrl } from './src/data/deployment';\nexport { precompress } from './src/integrations/precompress';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: runner,
  logLevel: 'warning',
});
const { exportOffline, precompress, locales, basePath, siteUrl } = await import(pathToFileURL(runner).href);
const log = { info: (m) => console.log(`[offline] ${m}`), warn: (m) => console.warn(`[offline] warning: ${m}`) };
await exportOffline({
  root,
  dist,
  out: join(root, 'dist-export'),
  base: basePath,
  site: siteUrl,
  languages: Object.keys(locales),
  log,
});
// The export fills in the download sizes of the hosted pages: their .gz and .br copies again.
await precompress(dist);
