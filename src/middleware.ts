import { defineMiddleware } from 'astro:middleware';
import { useTranslations } from './i18n';
import { defaultLocale, isLocale } from './i18n/locales';
import { mapHtmlText } from './lib/html-text';
import { frenchTypography } from './lib/typography';

/**
 * Gives every page and component its language and `t()` through Astro.locals. French pages then
 * get their no-break spaces from the build: prose, data labels and UI strings alike,
 * and with them the PDF brochure printed from the page and the social image drawn from its title.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  // Astro reads the locale from the path (base path aside); outside a language folder it gives the default.
  const lang = isLocale(context.currentLocale) ? context.currentLocale : defaultLocale;
  context.locals.lang = lang;
  context.locals.t = useTranslations(lang);
  const response = await next();
  // Pages outside a language folder (the chooser, 404: no `lang` route parameter) mix languages: left as written.
  if (context.params.lang !== 'fr' || !response.headers.get('content-type')?.includes('text/html'))
    return response;
  return new Response(mapHtmlText(await response.text(), frenchTypography), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
