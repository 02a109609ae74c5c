/**
 * The offline copy's classic scripts, bundled with esbuild as IIFEs from the site's own
 * browser code: site.js (theme, share, header search box), search.js (the search UI, on the
 * offline engine instead of Pagefind), estimator.js and seat-cost.js (the two calculators,
 * started at once after their data script).
 */
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

export interface OfflineScripts {
  site: Uint8Array;
  search: Uint8Array;
  estimator: Uint8Array;
  seatCost: Uint8Array;
}

/** The search UI imports './engine' (Pagefind): in the offline bundle it gets the offline engine. */
function offlineEngine(root: string): Plugin {
  return {
    name: 'offline-engine',
    setup(b) {
      b.onResolve({ filter: /^\.\/engine$/ }, (args) =>
        args.importer.startsWith(join(root, 'src/client/search'))
          ? { path: join(root, 'src/client/offline/engine.ts') }
          : undefined,
      );
    },
  };
}

export async function bundleClassicScripts(root: string): Promise<OfflineScripts> {
  const entries = {
    site: 'src/client/offline/site.ts',
    search: 'src/client/offline/search.ts',
    estimator: 'src/client/offline/estimator.ts',
    'seat-cost': 'src/client/offline/seat-cost.ts',
  };
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    // Astro's `import.meta.env` does not exist here; the bundled code must not need it.
    define: { 'import.meta.env': '{}' },
    plugins: [offlineEngine(root)],
  });
  const out = (name: string) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(`/${name}.js`));
    if (!file) throw new Error(`offline export: esbuild wrote no ${name}.js`);
    const text = file.text;
    // Classic scripts only: a dynamic import() or a fetch() call would fail from file://. (A method
    // named fetch, a definition followed by its body, is not a call.)
    if (/(?<![.\w$])import\s*\(|(?<![.\w$])fetch\s*\([^)]*\)\s*(?!\{)/.test(text))
      throw new Error(`offline export: ${name}.js calls import() or fetch(), which file:// pages cannot`);
    return file.contents;
  };
  return {
    site: out('site'),
    search: out('search'),
    estimator: out('estimator'),
    seatCost: out('seat-cost'),
  };
}
