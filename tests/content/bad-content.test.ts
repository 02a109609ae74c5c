import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { root } from '../support/site';
import { sandbox } from '../support/sandbox';

let box: ReturnType<typeof sandbox> | undefined;
afterEach(() => box?.remove());

/** Puts one fixture in content/pillars/{fr,en,ar}/ of a project copy and builds it there. */
function buildWith(fixture: string) {
  box = sandbox();
  for (const lang of ['fr', 'en', 'ar']) copyFileSync(join(root, 'tests/fixtures/bad-content', fixture), join(box.dir, 'content/pillars', lang, fixture));
  return box.astro('build');
}

describe('bad frontmatter fails the build with the file and the field', () => {
  it.each([
    ['missing-title.mdx', /title/],
    ['wrong-type.mdx', /order/],
    ['unknown-source.mdx', /no-such-source/],
  ])('%s', (fixture, field) => {
    const { status, output } = buildWith(fixture);
    expect(status, output).not.toBe(0);
    expect(output).toMatch(new RegExp(`(fr|en|ar)/${fixture.replace('.mdx', '')}`));
    expect(output).toMatch(field);
  });
});
