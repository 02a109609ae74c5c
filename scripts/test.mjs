#!/usr/bin/env node
// `npm test`, the developer gate (4–5 minutes on the 2-core Intel host, about 10 on the AMD one):
//   1. the unit and content tests, with the type check (astro check) started beside them;
//   2. one build (Chromium is made sure of first: the build prints the PDF brochures with it;
//      and pdftotext, which reads them back),
//      the type check still running beside it: each is mostly one thread, so on 2 cores the
//      pair takes little more than the longer of the two;
//   3. the checks that read dist/ (project `dist`) and the browser tests in Chromium (project
//      `e2e`, with a sampled accessibility pass) together, files in parallel on 2 workers.
// Step 1 also checks the formatting (Prettier) beside the unit tests.
// `npm run test:full` (`--full`) runs all of that, then adds steps 4–7 below. With
// `--after-gate` it runs only steps 4–7, on the dist/ that `npm test` just built: .ci/run runs
// `npm test` (the README's command) and then this, so no check runs twice.
//   4. the builds of copies of the project (project `builds`): bad content, the search index,
//      the reproducible build;
//   5. the rest of the accessibility matrix and the screenshots (project `e2e-full`);
//   6. a second build under the base path /offshoring/ and the path-dependent checks on it;
//   7. Debian's nginx serving dist/ with server/nginx.conf, Firefox ESR, the Nu HTML Checker
//      and schema.org checks (project `full`; scripts/ensure-tools.mjs installs the tools).
// Ends with the time of each step (and of its test files that took 5 s or more) and one
// "N passed, N failed" line summing every suite.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureChromium, ensurePdftotext } from './ensure-chromium.mjs';
import { ensureFirefox, ensureJava, ensureNginx } from './ensure-tools.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const afterGate = process.argv.includes('--after-gate');
const full = afterGate || process.argv.includes('--full');
const started = Date.now();
const out = mkdtempSync(join(tmpdir(), 'om-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const times = [];
/** Per step, its test files that took 5 s or more, slowest first: where the time of a step goes. */
const slowFiles = new Map();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

/**
 * Runs a command; resolves to true when it exits with 0. `quiet` keeps its output until it ends
 * (for a command that runs beside another one), then prints it in one piece.
 */
const children = new Set();
function run(label, cmd, args, { quiet = false, extraEnv = {} } = {}) {
  console.log(`\n▶ ${label}`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...env, ...extraEnv },
    });
    children.add(child);
    let text = '';
    child.stdout?.on('data', (d) => (text += d));
    child.stderr?.on('data', (d) => (text += d));
    child.on('close', (code) => {
      children.delete(child);
      if (quiet) console.log(`\n◀ ${label}\n${text.trimEnd()}`);
      times.push([label, Date.now() - t0]);
      resolve(code === 0);
    });
  });
}

async function vitest(label, projects, { files = [], workers, extraEnv } = {}) {
  const file = join(out, `${label.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.json`);
  const ok = await run(
    label,
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'tests/vitest.config.ts',
      ...files,
      ...projects.flatMap((p) => ['--project', p]),
      ...(workers ? [`--maxWorkers=${workers}`] : []),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    { extraEnv },
  );
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    const files = report.testResults.map((f) => [relative(process.cwd(), f.name), f.endTime - f.startTime]);
    slowFiles.set(
      label,
      files.filter(([, ms]) => ms >= 5000).sort((a, b) => b[1] - a[1]),
    );
  } catch {
    totals.failed += 1; // the suite did not even report
  }
  return ok;
}

function finish(ok) {
  for (const child of children) child.kill(); // a step still running beside one that failed
  const total = Date.now() - started;
  console.log(
    `\n${afterGate ? 'the full suite after npm test' : full ? 'npm run test:full' : 'npm test'}, time of each step (those marked ∥ ran side by side):`,
  );
  for (const [label, ms] of times) {
    console.log(`  ${seconds(ms).padStart(6)}  ${label}`);
    for (const [name, fileMs] of slowFiles.get(label) ?? [])
      console.log(`  ${''.padStart(6)}  ${seconds(fileMs).padStart(6)}  ${name}`);
  }
  console.log(`  ${seconds(total).padStart(6)}  in all (${(total / 60000).toFixed(1)} min)`);
  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

// 1. The type check starts beside the unit and content tests, and runs on beside the build:
// they share nothing. Its output is printed in one piece when it ends.
const types = afterGate
  ? Promise.resolve(true)
  : run(
      '∥ type check (astro check), beside the unit tests and the build',
      'npx',
      ['astro', 'check', '--minimumSeverity', 'warning'],
      { quiet: true },
    );
const format = afterGate
  ? Promise.resolve(true)
  : run(
      '∥ formatting (prettier --check; npm run format fixes it)',
      'npx',
      ['prettier', '--check', '--log-level', 'warn', '.'],
      { quiet: true },
    );
if (!afterGate && !(await vitest('∥ unit and content tests', ['unit', 'content']))) finish(false);
if (!(await format)) {
  totals.failed += 1;
  finish(false);
}

if (afterGate && !existsSync('dist/index.html')) {
  console.error('--after-gate runs on the dist/ that npm test builds: run npm test first.');
  process.exit(1);
}
ensureChromium();
// The brochure tests read the PDFs back with it: installed here rather than in their hook, where
// apt-get on a fresh machine can take longer than a hook may.
ensurePdftotext();
if (full) {
  ensureNginx();
  ensureFirefox();
  ensureJava();
}
// 2. One build.
if (!afterGate && !(await run('∥ build', 'npm', ['run', 'build', '--silent']))) {
  totals.failed += 1;
  finish(false);
}
if (!(await types)) {
  totals.failed += 1;
  finish(false);
}
// 3. Everything against dist/: file checks and browser files, 2 at a time.
const distOk =
  afterGate || (await vitest('checks on dist/ and browser tests', ['dist', 'e2e'], { workers: 2 }));
if (!full) finish(distOk);

// test:full only.
// 4–5. Builds of project copies (one at a time), then the rest of the browser matrix.
const buildsOk = await vitest('builds of project copies: bad content, search index, reproducible', [
  'builds',
]);
const e2eFullOk = await vitest('rest of the a11y matrix, screenshots', ['e2e-full'], { workers: 2 });

// 6. The same site under a sub-path (as on GitHub Pages): links, assets, search and the
// estimator must still work. Built into its own folder, then the checks that depend on paths.
const baseEnv = { BASE_PATH: '/offshoring/', DIST_DIR: 'dist-base' };
if (
  !(await run('build under the base path /offshoring/', 'npx', ['astro', 'build', '--outDir', 'dist-base'], {
    extraEnv: baseEnv,
  }))
) {
  totals.failed += 1;
  finish(false);
}
const baseOk = await vitest('checks under the base path', ['dist', 'e2e'], {
  files: [
    'tests/e2e/i18n.test.ts',
    'tests/dist/links.test.ts',
    'tests/dist/sharing.test.ts',
    'tests/dist/redirects.test.ts',
    'tests/e2e/search.test.ts',
    'tests/e2e/estimator.test.ts',
    'tests/e2e/csp.test.ts',
  ],
  workers: 2,
  extraEnv: baseEnv,
});

// 7. Back to the build at the root (dist/), which nginx serves.
const fullOk = await vitest('nginx, Firefox, vnu (project full)', ['full']);
finish(distOk && buildsOk && e2eFullOk && baseOk && fullOk);
