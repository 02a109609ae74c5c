// html-validate settings for the built pages (tests/dist/html.test.ts; also usable from the CLI:
// `npx html-validate --config tests/html-validate.config.mjs 'dist/**/*.html'`).
// Start from the recommended preset (every rule as an error); each change is argued below.
import { defineConfig } from 'html-validate';

export default defineConfig({
  extends: ['html-validate:recommended'],
  rules: {
    // Heading ids are slugs of the heading text, so Arabic headings get Arabic ids
    // (#كيف-يُطلب). HTML allows any id without spaces, and those fragments read well in an
    // Arabic reader's address bar; the strict mode only accepts ASCII letters, digits, - and _.
    // Relaxed mode still rejects empty ids and ids with whitespace.
    'valid-id': ['error', { relaxed: true }],
  },
});
