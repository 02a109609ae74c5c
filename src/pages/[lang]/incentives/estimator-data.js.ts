/**
 * `/{lang}/incentives/estimator-data.js`: the estimator's rules and words for one language, as a
 * classic script that sets `self.estimatorData` (src/data/browser-script.ts); the estimator page
 * loads it with its code (src/client/calculator-loader.ts).
 */
import type { APIRoute } from 'astro';
import { localePaths } from '../../../data/gateway';
import { estimatorPayload } from '../../../data/estimator';
import { dataScript } from '../../../data/browser-script';
import { isLocale } from '../../../i18n/locales';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ params }) => {
  if (!isLocale(params.lang)) throw new Error(`estimator-data.js: no language "${params.lang}"`);
  return dataScript('estimatorData', await estimatorPayload(params.lang));
};
