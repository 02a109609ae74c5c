/**
 * `/{lang}/seat-cost-data.js`: the seat-cost calculator's rules, sources and words for one
 * language, as a classic script that sets `self.seatCostData` (src/data/browser-script.ts); the
 * seat-cost page loads it with its code (src/client/calculator-loader.ts).
 */
import type { APIRoute } from 'astro';
import { localePaths } from '../../data/gateway';
import { seatCostPayload } from '../../data/seat-cost';
import { dataScript } from '../../data/browser-script';
import { isLocale } from '../../i18n/locales';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ params }) => {
  if (!isLocale(params.lang)) throw new Error(`seat-cost-data.js: no language "${params.lang}"`);
  return dataScript('seatCostData', await seatCostPayload(params.lang));
};
