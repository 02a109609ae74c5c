#!/usr/bin/env node
// `npm test`: type check → unit and content tests → build → browser tests against the build.
// Chromium is made sure of before the build, which prints the PDF brochures with it (issue 8).
// Ends with one "N passed, N failed" line summing every suite.
// `npm run test:full` (`--full`, issue 19) adds, after all of that: Debian's nginx serving dist/
// with server/nginx.conf (a matrix of paths × headers × languages, and the browser CSP checks
// through it with the policy as an HTTP header), Firefox ESR on the hosted site and the offline
// copy, the Nu HTML Checker and schema.org checks. nginx, Firefox and Java are installed as
// Chromium is (scripts/ensure-tools.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureFirefox, ensureJava, ensureNginx } from './ensure-tools.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const full = process.argv.includes('--full');
const started = Date.now();
const out = mkdtempSync(join(tmpdir(), 'om-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status === 0;
}

function vitest(label, projects, files = []) {
  const file = join(out, `${label}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', ...files, ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed += 1; // the suite did not even report
  }
  return ok;
}

function finish(ok) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}${full ? ` (test:full, ${Math.round((Date.now() - started) / 60000)} min)` : ''}`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

if (!run('type check (astro check)', 'npx', ['astro', 'check', '--minimumSeverity', 'warning'])) { totals.failed += 1; finish(false); }
if (!vitest('unit-and-content', ['unit', 'content'])) finish(false);
ensureChromium();
if (full) {
  ensureNginx();
  ensureFirefox();
  ensureJava();
}
if (!run('build', 'npm', ['run', 'build', '--silent'])) { totals.failed += 1; finish(false); }
const browserOk = vitest('browser', ['e2e']);

// The same site under a sub-path (as on GitHub Pages): links, assets, search and the estimator
// must still work. Built into its own folder, then the browser tests that depend on paths.
const baseEnv = { BASE_PATH: '/offshoring/', DIST_DIR: 'dist-base' };
Object.assign(env, baseEnv);
if (!run('build under the base path /offshoring/', 'npx', ['astro', 'build', '--outDir', 'dist-base'])) { totals.failed += 1; finish(false); }
const baseOk = vitest('browser-base-path', ['e2e'], ['tests/e2e/i18n.test.ts', 'tests/e2e/links.test.ts', 'tests/e2e/sharing.test.ts', 'tests/e2e/search.test.ts', 'tests/e2e/estimator.test.ts', 'tests/e2e/csp.test.ts']);
if (!full) finish(browserOk && baseOk);

// test:full: back to the build at the root (dist/), which nginx serves.
delete env.BASE_PATH;
delete env.DIST_DIR;
const fullOk = vitest('full', ['full']);
finish(browserOk && baseOk && fullOk);
