import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandbox } from '../support/sandbox';

let box: ReturnType<typeof sandbox> | undefined;
afterEach(() => box?.remove());

describe('the Pagefind step of the build', () => {
  it('fails the build when a site language ends up with no indexed page', () => {
    box = sandbox();
    // The pipeline is told of a fourth language that no page is written in.
    const config = join(box.dir, 'astro.config.mjs');
    const text = readFileSync(config, 'utf8');
    const patched = text.replace(
      'languages: Object.keys(locales),',
      "languages: [...Object.keys(locales), 'es'],",
    );
    expect(patched).not.toBe(text);
    writeFileSync(config, patched);
    const { status, output } = box.astro('build');
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/no page indexed in es/);
  });
});
