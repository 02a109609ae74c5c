import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The suites, and where scripts/test.mjs runs them (README, "Tests"):
// - npm test: `unit` and `content` (the type check runs beside them and the build), then one
//   build, then `dist` (file reads over dist/) and `e2e` (Chromium against dist/, served by
//   tests/e2e/setup.ts) together, files in parallel on 2 workers, each file with its own Chromium.
// - npm run test:full adds `builds` (project copies built again: bad content, search index,
//   reproducible), `e2e-full` (the rest of the a11y matrix, screenshots), the base-path build
//   and `full` (nginx, Firefox, vnu).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], testTimeout: 120_000 } },
      // Whole Astro builds of a copy of the project: one at a time, they each use both cores.
      {
        test: {
          name: 'builds',
          include: ['tests/builds/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      // Checks that read the built files (no browser): html-validate, links, head tags, PDFs.
      { test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Browser state settles in its own time on a busy 2-core machine: poll up to 10 s.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
      {
        // The browser checks only test:full runs, against the same server as `e2e`.
        test: {
          name: 'e2e-full',
          include: ['tests/e2e-full/**/*.test.ts'],
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
      {
        // `npm run test:full` only: dist/ through Debian's nginx and server/nginx.conf,
        // Firefox ESR, the Nu HTML Checker and schema.org checks.
        test: {
          name: 'full',
          include: ['tests/full/**/*.test.ts'],
          globalSetup: ['tests/full/setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
