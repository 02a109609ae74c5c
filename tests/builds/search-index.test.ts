import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandbox } from '../support/sandbox';

let box: ReturnType<typeof sandbox> | undefined;
afterEach(() => box?.remove());

describe('the Pagefind step of the build', () => {
  it('fails the build when a site language ends up with no indexed page', () => {
    box = sandbox();
    const config = join(box.dir, 'astro.config.mjs');
    const text = readFileSync(config, 'utf8');
    const patched = text.replace(
      'pagefindIndex({ languages: Object.keys(locales) })',
      "pagefindIndex({ languages: [...Object.keys(locales), 'es'] })",
    );
    expect(patched).not.toBe(text);
    writeFileSync(config, patched);
    const { status, output } = box.astro('build');
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/no page indexed in es/);
  });
});
