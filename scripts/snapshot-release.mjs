#!/usr/bin/env node
// Keeps the datasets of a release for tests/content/changes.test.ts: after building
// the release (`npm run build`), run
//   node scripts/snapshot-release.mjs YYYY-MM-DD
// with the release's date. It writes tests/fixtures/previous-release/datasets.json: for every
// /data/{name}.json of dist/, each row's id, value, unit, period and confidence. From then on the
// content test holds every difference from that release to a change entry in
// content/data/changes.yaml dated on or after it. Commit the file with the release.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const release = process.argv[2];
if (!/^\d{4}-\d{2}-\d{2}$/.test(release ?? '')) {
  console.error(
    'usage: node scripts/snapshot-release.mjs YYYY-MM-DD   (the date of the release built in dist/)',
  );
  process.exit(2);
}
const dir = join(root, 'dist', 'data');
let files;
try {
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
} catch {
  console.error('dist/data/ is missing: run `npm run build` first.');
  process.exit(1);
}
const datasets = Object.fromEntries(
  files.map((f) => [
    f.replace(/\.json$/, ''),
    JSON.parse(readFileSync(join(dir, f), 'utf8')).rows.map(({ id, value, unit, period, confidence }) => ({
      id,
      value,
      unit,
      period,
      confidence,
    })),
  ]),
);
const out = join(root, 'tests', 'fixtures', 'previous-release');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'datasets.json'), `${JSON.stringify({ release, datasets }, null, 1)}\n`);
console.log(
  `tests/fixtures/previous-release/datasets.json: release ${release}, ${files.length} datasets, ${Object.values(datasets).flat().length} rows`,
);
