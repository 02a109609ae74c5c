import { defineMiddleware } from 'astro:middleware';
import { useTranslations } from './i18n';
import { defaultLocale } from './i18n/locales';
import { localeFromPath, stripBase } from './i18n/paths';

/** Gives every page and component its language and `t()` through Astro.locals. */
export const onRequest = defineMiddleware((context, next) => {
  const lang = localeFromPath(stripBase(context.url.pathname, import.meta.env.BASE_URL)) ?? defaultLocale;
  context.locals.lang = lang;
  context.locals.t = useTranslations(lang);
  return next();
});
