import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, packageVersion } from '../../integrations/cache';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A project with one installed package at `version`, integrations/step.ts holding `code` and other files. */
const project = (version: string, code: string, files: Record<string, string> = {}) => {
  const root = mkdtempSync(join(tmpdir(), 'om-code-of-'));
  roots.push(root);
  mkdirSync(join(root, 'node_modules', '@scope', 'tool'), { recursive: true });
  writeFileSync(
    join(root, 'node_modules', '@scope', 'tool', 'package.json'),
    JSON.stringify({ name: '@scope/tool', version }),
  );
  mkdirSync(join(root, 'integrations'));
  writeFileSync(join(root, 'integrations', 'step.ts'), code);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'integrations', name), text);
  return root;
};

describe('codeOf, the part of a cache key that names the code making a result', () => {
  it('reads a package’s version from the project’s node_modules', async () => {
    expect(await packageVersion(project('1.2.3', ''), '@scope/tool')).toBe('1.2.3');
  });

  it('is the same for the same versions and code, in another folder', async () => {
    const a = await codeOf(project('1.2.3', 'run()'), ['@scope/tool'], ['integrations/step.ts']);
    const b = await codeOf(project('1.2.3', 'run()'), ['@scope/tool'], ['integrations/step.ts']);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('changes with the package’s version or the code’s text, so the result is made again', async () => {
    const before = await codeOf(project('1.2.3', 'run()'), ['@scope/tool'], ['integrations/step.ts']);
    expect(await codeOf(project('1.2.4', 'run()'), ['@scope/tool'], ['integrations/step.ts'])).not.toBe(
      before,
    );
    expect(await codeOf(project('1.2.3', 'run(1)'), ['@scope/tool'], ['integrations/step.ts'])).not.toBe(
      before,
    );
    // Each part is hashed with its length: text moved from one file to the next is another key.
    const two = ['integrations/a.ts', 'integrations/b.ts'];
    expect(await codeOf(project('1.2.3', '', { 'a.ts': 'ab', 'b.ts': 'c' }), [], two)).not.toBe(
      await codeOf(project('1.2.3', '', { 'a.ts': 'a', 'b.ts': 'bc' }), [], two),
    );
  });

  it('fails, naming the file, when a package is not installed', async () => {
    await expect(codeOf(project('1.2.3', ''), ['absent'], [])).rejects.toThrow(
      /node_modules[/\\]absent[/\\]package\.json/,
    );
  });
});
