import { describe, expect, it } from 'vitest';
import {
  addModulePreloads,
  modulePreloadUrls,
  removeModulePreloads,
  staticImports,
} from '../../integrations/module-preload';

describe('module preload links', () => {
  it('reads the static imports of a minified chunk, not its dynamic ones', () => {
    const code =
      'import{a as e,c as t}from"./render.0aj.js";import"./side.js";var x=()=>import("./lazy.js");e(t)';
    expect(staticImports(code, '/_astro/SearchPanel.x.js')).toEqual([
      '/_astro/render.0aj.js',
      '/_astro/side.js',
    ]);
    expect(staticImports('var e=1;export{e as a}', '/_astro/a.js')).toEqual([]);
  });

  it('preloads what the scripts import, through other chunks, once, and not the scripts themselves', () => {
    const html =
      '<html><head><link rel="stylesheet" href="/_astro/a.css"></head><body><script type="module" src="/_astro/app.js"></script><script type="module" src="/_astro/header.js"></script><script type="module">inline()</script></body></html>';
    const graph: Record<string, string[]> = {
      '/_astro/app.js': ['/_astro/form.js', '/_astro/header.js'],
      '/_astro/form.js': ['/_astro/format.js'],
      '/_astro/format.js': ['/_astro/form.js'],
      '/_astro/header.js': [],
    };
    const urls = modulePreloadUrls(html, (u) => graph[u] ?? []);
    expect(urls).toEqual(['/_astro/form.js', '/_astro/format.js']);
    const out = addModulePreloads(html, urls);
    expect(out).toContain(
      '<link rel="modulepreload" href="/_astro/form.js"><link rel="modulepreload" href="/_astro/format.js"></head>',
    );
    expect(removeModulePreloads(out)).toBe(html);
    expect(addModulePreloads(html, [])).toBe(html);
  });
});
