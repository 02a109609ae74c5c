/**
 * The one place pages read content from. Prose entries have ids like `fr/human-capital`;
 * this module splits them into locale + slug so routes never filter collections by hand.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { isLocale, localeCodes, type Locale } from '../i18n/locales';
import { checkContent } from './integrity';
import { newestSourceMonth } from '../lib/content-rules';
import { datasetModified } from '../lib/changes';
import { datasets, plainIds, type DataInput } from './datasets';
import { proseCollections, proseFile, type ProseCollection } from '../lib/prose';
import { sourceKinds, type SourceKind } from '../lib/sources';

export type { ProseCollection };

/** 'fr/human-capital' → { lang: 'fr', slug: 'human-capital' } */
export function splitId(id: string): { lang: Locale; slug: string } {
  const [lang, ...rest] = id.split('/');
  if (!isLocale(lang) || rest.length === 0) throw new Error(`content id "${id}" is not {lang}/{slug}`);
  return { lang, slug: rest.join('/') };
}

const byOrder = (a: { data: { order?: number } }, b: { data: { order?: number } }) =>
  (a.data.order ?? 0) - (b.data.order ?? 0);

/** All entries of a prose collection in one language, in their `order`. */
export async function listProse<C extends ProseCollection>(
  collection: C,
  lang: Locale,
): Promise<CollectionEntry<C>[]> {
  const all = (await getCollection(collection)) as CollectionEntry<C>[];
  await checkContent(); // references between files, missing translations (src/data/integrity.ts)
  return all.filter((e) => splitId(e.id).lang === lang).sort(byOrder as never);
}

/** One prose entry; throws naming the file when a translation is missing. */
export async function getProse<C extends ProseCollection>(
  collection: C,
  lang: Locale,
  slug: string,
): Promise<CollectionEntry<C>> {
  await checkContent();
  const entry = (await getEntry(collection, `${lang}/${slug}`)) as CollectionEntry<C> | undefined;
  if (!entry) throw new Error(`missing translation: ${proseFile(collection, lang, slug)}`);
  return entry;
}

/** getStaticPaths for `/{lang}/{collection}/{slug}/`: one path per slug and language. */
export async function prosePaths(collection: ProseCollection) {
  const slugs = new Set((await getCollection(collection)).map((e) => splitId(e.id).slug));
  return localeCodes.flatMap((lang) => [...slugs].map((slug) => ({ params: { lang, slug } })));
}

/** getStaticPaths for pages that exist once per language. */
export function localePaths() {
  return localeCodes.map((lang) => ({ params: { lang } }));
}

/** getStaticPaths for the lists of sources: one page per language and kind of source. */
export function sourceKindPaths() {
  return localeCodes.flatMap((lang) => sourceKinds.map((kind) => ({ params: { lang, kind } })));
}

export const getFigure = async (id: string) =>
  must(await getEntry('figures', id), `figure "${id}" (content/data/figures.yaml)`);
export const getSource = async (id: string) =>
  must(await getEntry('sources', id), `source "${id}" (content/data/sources.yaml)`);
export const getPark = async (id: string) =>
  must(await getEntry('parks', id), `park "${id}" (content/data/parks.yaml)`);
export const getRule = async (id: string) =>
  must(await getEntry('incentiveRules', id), `incentive rule "${id}" (content/data/incentive-rules.yaml)`);
export const getMilestone = async (id: string) =>
  must(await getEntry('milestones', id), `milestone "${id}" (content/data/milestones.yaml)`);
export const listParks = () => getCollection('parks');
export const listSources = () => getCollection('sources');
/** The sources of one kind, in the order of content/data/sources.yaml. */
export const listSourcesOfKind = async (kind: SourceKind) =>
  (await listSources()).filter((s) => s.data.kind === kind);
/** Each source's kind by id, to link a source to the page that lists it. */
export const sourceKindsById = async () =>
  new Map((await listSources()).map((s) => [s.id, s.data.kind] as const));
export const listRules = () => getCollection('incentiveRules');

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`unknown ${what}`);
  return value;
}

/** Figure ids an MDX body renders with <Fig id="…" />, in order of appearance. */
export function figureIdsIn(body: string | undefined, tag = 'Fig'): string[] {
  return [...(body ?? '').matchAll(new RegExp(`<${tag}\\s+[^>]*\\bid=["']([^"']+)["']`, 'g'))].map(
    (m) => m[1] ?? '',
  );
}

/** Sources of a page: its frontmatter sources, then those of the figures it shows, without repeats. */
export async function sourcesOfPage(
  entry: { body?: string; data: { sources: { id: string }[] } },
  more: string[] = [],
) {
  const ids = new Set(entry.data.sources.map((s) => s.id));
  for (const figId of figureIdsIn(entry.body))
    for (const s of (await getFigure(figId)).data.sources) ids.add(s.id);
  for (const mId of figureIdsIn(entry.body, 'When'))
    for (const s of (await getMilestone(mId)).data.sources) ids.add(s.id);
  for (const id of more) ids.add(id);
  return Promise.all([...ids].map(getSource));
}

/** Regions of the parks that have a page in one language, sorted, for the search filter. */
export async function parkRegions(lang: Locale): Promise<string[]> {
  const parkPages = await listProse('parkPages', lang);
  const regions = await Promise.all(
    parkPages.map(async (s) => (await getPark(s.data.park.id)).data.region[lang]),
  );
  return [...new Set(regions)].sort((a, b) => a.localeCompare(b, lang));
}

/** The incentive pages that describe a rule, with the rule, in `order`: for the incentive table. */
export async function incentiveItems(lang: Locale) {
  const pages = await listProse('incentives', lang);
  const withRule = pages.flatMap((e) =>
    e.data.rule ? [{ slug: splitId(e.id).slug, title: e.data.title, ruleId: e.data.rule.id }] : [],
  );
  return Promise.all(
    withRule.map(async (e) => ({ slug: e.slug, title: e.title, rule: await getRule(e.ruleId) })),
  );
}

/** The park pages of one language with their park, in `order`: for the park table. */
export async function parkItems(lang: Locale) {
  return Promise.all(
    (await listProse('parkPages', lang)).map(async (s) => ({
      slug: splitId(s.id).slug,
      park: await getPark(s.data.park.id),
    })),
  );
}

/** Sources by id, each once, in the order given: for a source list built from several entries. */
export async function sourcesByIds(ids: Iterable<string>) {
  return Promise.all([...new Set(ids)].map(getSource));
}

/** The setting-up steps in their order, and the public bodies they name. */
export const listSetupSteps = async () =>
  (await getCollection('setupSteps')).sort((a, b) => a.data.order - b.data.order);
export const listPublicBodies = () => getCollection('publicBodies');

/**
 * The month the guide's sources stop (YYYY-MM): the newest dated source in content/data/sources.yaml.
 * Pages say "sources up to February 2026" from it, never that facts were verified on a day.
 */
export async function sourcesUpTo(): Promise<string> {
  const month = newestSourceMonth((await listSources()).map((s) => s.data.date));
  if (!month)
    throw new Error(
      'content/data/sources.yaml: no source has a date (YYYY-MM…), so "sources up to" cannot be shown',
    );
  return month;
}

/** What the open datasets are made from (src/data/datasets.ts), references as plain ids. */
export async function datasetInput(): Promise<DataInput> {
  const entries = Object.fromEntries(
    await Promise.all(
      datasets.map(
        async (d) =>
          [
            d.collection,
            (await getCollection(d.collection)).map((e) => ({ ...(plainIds(e.data) as object), id: e.id })),
          ] as const,
      ),
    ),
  ) as DataInput['entries'];
  const sources = (await listSources()).map((s) => ({
    id: s.id,
    publisher: s.data.publisher,
    title: s.data.title,
    url: s.data.url,
    date: s.data.date,
    copy: s.data.copy,
  }));
  return { entries, sources };
}

/**
 * When a translated page was last edited, as its frontmatter says (translation status).
 * The one place that reads the field, so that renaming it touches one line.
 */
export function lastEdited(entry: { data: { updated: string } }): string {
  return entry.data.updated;
}

/** The record of changes (content/data/changes.yaml), newest first. */
export async function listChanges() {
  return (await getCollection('changes')).sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id),
  );
}

/**
 * When each dataset last changed, by the record of changes (datasetModified, src/lib/changes.ts),
 * and the newest of those dates: the version of the data the open-data page and files give.
 */
export async function datasetDates() {
  const entries = (await listChanges()).map((e) => ({ id: e.id, date: e.data.date, facts: e.data.facts }));
  const byName = Object.fromEntries(
    datasets.map((d) => [d.name, datasetModified(d.name, entries)]),
  ) as Record<(typeof datasets)[number]['name'], string>;
  return { byName, version: Object.values(byName).sort().at(-1)! };
}

/** Every translated entry with its last edit date, for the translation status. */
export async function translatedEntries() {
  return (
    await Promise.all(
      proseCollections.map(async (c) =>
        (await getCollection(c)).map((e) => ({
          collection: c,
          ...splitId(e.id),
          title: e.data.title,
          edited: lastEdited(e),
        })),
      ),
    )
  ).flat();
}
