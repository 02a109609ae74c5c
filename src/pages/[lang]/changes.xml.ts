/** `/{lang}/changes.xml`: the Atom feed of the record of changes in one language. */
import type { APIRoute } from 'astro';
import { listChanges, localePaths } from '../../data/gateway';
import { changesFeed } from '../../data/changes';
import { isLocale } from '../../i18n/locales';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ params, site }) => {
  if (!isLocale(params.lang) || !site)
    throw new Error(`changes.xml: no language "${params.lang}" or no site URL`);
  return new Response(changesFeed(params.lang, await listChanges(), { site }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
