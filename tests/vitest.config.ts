import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three suites, run in this order by scripts/test.mjs: pure units, content rules, then the
// built site in Chromium (tests/e2e/setup.ts serves dist/ on a free port).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Browser state settles in its own time on a busy 2-core machine: poll up to 10 s.
          expect: { poll: { timeout: 10_000, interval: 100 } },
          fileParallelism: false,
        },
      },
      {
        // `npm run test:full` only (issue 19): dist/ through Debian's nginx and server/nginx.conf,
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
