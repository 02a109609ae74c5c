#!/usr/bin/env node
// `npm test`, the developer gate (about 5 minutes on 2 cores):
//   1. the type check (astro check) and the unit and content tests, side by side;
//   2. one build (Chromium is made sure of first: the build prints the PDF brochures with it);
//   3. the checks that read dist/ (project `dist`) and the browser tests in Chromium (project
//      `e2e`, with a sampled accessibility pass) together, files in parallel on 2 workers.
// `npm run test:full` (`--full`) runs all of that, then adds:
//   4. the builds of copies of the project (project `builds`): bad content, the search index,
//      the reproducible build;
//   5. the rest of the accessibility matrix and the screenshots (project `e2e-full`);
//   6. a second build under the base path /offshoring/ and the path-dependent checks on it;
//   7. Debian's nginx serving dist/ with server/nginx.conf, Firefox ESR, the Nu HTML Checker
//      and schema.org checks (project `full`; scripts/ensure-tools.mjs installs the tools).
// Ends with the time of each step and one "N passed, N failed" line summing every suite.
import { spawn } from 'node:child_process';
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
const times = [];
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

/**
 * Runs a command; resolves to true when it exits with 0. `quiet` keeps its output until it ends
 * (for a command that runs beside another one), then prints it in one piece.
 */
function run(label, cmd, args, { quiet = false, extraEnv = {} } = {}) {
  console.log(`\n▶ ${label}`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...env, ...extraEnv } });
    let text = '';
    child.stdout?.on('data', (d) => (text += d));
    child.stderr?.on('data', (d) => (text += d));
    child.on('close', (code) => {
      if (quiet) console.log(`\n◀ ${label}\n${text.trimEnd()}`);
      times.push([label, Date.now() - t0]);
      resolve(code === 0);
    });
  });
}

async function vitest(label, projects, { files = [], workers, extraEnv } = {}) {
  const file = join(out, `${label.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.json`);
  const ok = await run(label, 'npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', ...files, ...projects.flatMap((p) => ['--project', p]),
    ...(workers ? [`--maxWorkers=${workers}`] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], { extraEnv });
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
  const total = Date.now() - started;
  console.log(`\n${full ? 'npm run test:full' : 'npm test'}, time of each step (those marked ∥ ran side by side):`);
  for (const [label, ms] of times) console.log(`  ${seconds(ms).padStart(6)}  ${label}`);
  console.log(`  ${seconds(total).padStart(6)}  in all (${(total / 60000).toFixed(1)} min)`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

// 1. Type check beside the unit and content tests: they share nothing.
const [typesOk, unitOk] = await Promise.all([
  run('∥ type check (astro check)', 'npx', ['astro', 'check', '--minimumSeverity', 'warning'], { quiet: true }),
  vitest('∥ unit and content tests', ['unit', 'content']),
]);
if (!typesOk) totals.failed += 1;
if (!typesOk || !unitOk) finish(false);

ensureChromium();
if (full) {
  ensureNginx();
  ensureFirefox();
  ensureJava();
}
// 2. One build.
if (!(await run('build', 'npm', ['run', 'build', '--silent']))) { totals.failed += 1; finish(false); }
// 3. Everything against dist/: file checks and browser files, 2 at a time.
const distOk = await vitest('checks on dist/ and browser tests', ['dist', 'e2e'], { workers: 2 });
if (!full) finish(distOk);

// test:full only.
// 4–5. Builds of project copies (one at a time), then the rest of the browser matrix.
const buildsOk = await vitest('builds of project copies: bad content, search index, reproducible', ['builds']);
const e2eFullOk = await vitest('rest of the a11y matrix, screenshots', ['e2e-full'], { workers: 2 });

// 6. The same site under a sub-path (as on GitHub Pages): links, assets, search and the
// estimator must still work. Built into its own folder, then the checks that depend on paths.
const baseEnv = { BASE_PATH: '/offshoring/', DIST_DIR: 'dist-base' };
if (!(await run('build under the base path /offshoring/', 'npx', ['astro', 'build', '--outDir', 'dist-base'], { extraEnv: baseEnv }))) { totals.failed += 1; finish(false); }
const baseOk = await vitest('checks under the base path', ['dist', 'e2e'], {
  files: ['tests/e2e/i18n.test.ts', 'tests/dist/links.test.ts', 'tests/dist/sharing.test.ts', 'tests/dist/redirects.test.ts', 'tests/e2e/search.test.ts', 'tests/e2e/estimator.test.ts', 'tests/e2e/csp.test.ts'],
  workers: 2,
  extraEnv: baseEnv,
});

// 7. Back to the build at the root (dist/), which nginx serves.
const fullOk = await vitest('nginx, Firefox, vnu (project full)', ['full']);
finish(distOk && buildsOk && e2eFullOk && baseOk && fullOk);
