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
          // expect.poll gives up after 1 s by default: too short for a page's module script on a
          // busy 2-core CI machine (the estimator's error messages timed out now and then).
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
