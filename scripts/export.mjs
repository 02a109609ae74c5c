#!/usr/bin/env node
// `npm run export`: the offline copy from the last build: dist-export/ gets one folder and one
// zip per language and one with all of them, and the PDF brochures; dist/downloads/ gets the
// zips and PDFs the hosted pages link to. `npm run build` runs the same steps (integrations/
// offshoring.ts); this script runs them again, from `offline` to `precompress` (but the social
// images), without rebuilding, and builds first when dist/ is missing.
// The steps are TypeScript: esbuild bundles them into .tmp/ to run them here.
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
  stdin: {
    contents:
      "export { steps, runSteps, newBuildRun } from './integrations/offshoring';\nexport { locales } from './src/i18n/locales';\nexport { basePath, siteUrl } from './src/data/deployment';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: runner,
  logLevel: 'warning',
});
const { steps, runSteps, newBuildRun, locales, basePath, siteUrl } = await import(pathToFileURL(runner).href);
const logger = (label) => ({
  info: (m) => console.log(`[${label}] ${m}`),
  warn: (m) => console.warn(`[${label}] warning: ${m}`),
  error: (m) => console.error(`[${label}] error: ${m}`),
  fork: (l) => logger(l),
});
// From the offline copy on, less the social images the build drew; precompress last, since the
// downloads step rewrites the hosted pages' download sizes.
const from = steps.findIndex((s) => s.name === 'offline');
const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
await runSteps(
  steps.slice(from).filter((s) => s.name !== 'social-images'),
  newBuildRun({ root, dist, base, site: siteUrl, languages: Object.keys(locales), logger: logger('export') }),
);
