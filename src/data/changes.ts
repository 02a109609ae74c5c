/**
 * The record of changes as pages and feeds: content/data/changes.yaml → /{lang}/changes/
 * and the Atom feed /{lang}/changes.xml that every page's head announces.
 */
import type { CollectionEntry } from 'astro:content';
import { useTranslations } from '../i18n';
import type { Locale } from '../i18n/locales';
import { filePath, pagePath } from '../i18n/urls';
import { atomFeed } from '../lib/atom';
import { archiveDate } from './site';

/** '/fr/changes.xml' under the base path. */
export const feedPath = (lang: Locale) => filePath(`/${lang}/changes.xml`);

/** The anchor of an entry on the changes page, which is also its id in the feed. */
export const changeAnchor = (id: string) => `change-${id}`;

/** The feed of one language: entries newest first, each linking to its anchor on the changes page. */
export function changesFeed(lang: Locale, entries: CollectionEntry<'changes'>[], o: { site: URL }): string {
  const t = useTranslations(lang);
  const abs = (p: string) => new URL(p, o.site).href;
  const page = abs(pagePath(lang, '/changes/'));
  return atomFeed({
    id: page,
    title: t('changesPage.feedTitle', { site: t('site.name') }),
    subtitle: t('changesPage.description'),
    lang,
    updated: entries[0]?.data.date ?? archiveDate,
    self: abs(feedPath(lang)),
    alternate: page,
    author: t('site.name'),
    entries: entries.map((e) => ({
      id: `${page}#${changeAnchor(e.id)}`,
      title: e.data.title[lang],
      updated: e.data.date,
      link: `${page}#${changeAnchor(e.id)}`,
      summary: e.data.summary[lang],
    })),
  });
}
