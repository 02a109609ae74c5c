/**
 * `/{lang}/incentives/estimator-data.js`: the estimator's rules and words for one language, as a
 * classic script that sets `self.estimatorData` (src/client/estimator.ts reads it). A file of its
 * own rather than JSON inside the page: the page's HTML then fits in the first round trip of a
 * new connection (about 14 kB gzip), and the data loads beside the stylesheet and fonts.
 */
import type { APIRoute } from 'astro';
import { localePaths } from '../../../data/gateway';
import { estimatorPayload } from '../../../data/estimator';
import { isLocale } from '../../../i18n/locales';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ params }) => {
  if (!isLocale(params.lang)) throw new Error(`estimator-data.js: no language "${params.lang}"`);
  const json = JSON.stringify(await estimatorPayload(params.lang)).replace(/</g, '\\u003c');
  return new Response(`self.estimatorData=${json};\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
