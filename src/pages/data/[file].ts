/** /data/{name}.json and /data/{name}.csv: the open datasets (src/data/datasets.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetDates, datasetInput } from '../../data/gateway';
import { buildDatasets, datasetCsvOf, datasetJson, datasets } from '../../data/datasets';
import { filePath } from '../../i18n/urls';

export const getStaticPaths = (() =>
  datasets.flatMap((d) =>
    ['json', 'csv'].map((ext) => ({ params: { file: `${d.name}.${ext}` } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const [name, ext] = String(params.file).split('.') as [string, string];
  const rows = buildDatasets(await datasetInput())[name as keyof ReturnType<typeof buildDatasets>];
  if (ext === 'csv')
    return new Response(datasetCsvOf(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const url = new URL(filePath(`/data/${name}.json`), site).href;
  const modified = (await datasetDates()).byName[name as keyof ReturnType<typeof buildDatasets>];
  return new Response(`${JSON.stringify(datasetJson(name, rows, { url, modified }), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
