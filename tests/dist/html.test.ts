/** Every built page is valid HTML for html-validate, with the settings in tests/html-validate.config.mjs. */
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import config from '../html-validate.config.mjs';
import { builtPages, read } from '../support/built';

const validator = new HtmlValidate(config);
const pages = builtPages().sort((a, b) => a.path.localeCompare(b.path));

describe('valid HTML (html-validate)', () => {
  it.each(pages.map((p) => [p.path, p.file] as const))('%s', async (_path, file) => {
    const report = await validator.validateString(read(file), file);
    const errors = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} — ${m.selector ?? ''}`),
    );
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
