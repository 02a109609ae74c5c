/**
 * What the schemas cannot check, over all content at once, before the first page renders
 *: references from one file to another — frontmatter ids (`park`, `rule`, `sources`)
 * and the ids MDX components take (<Fig>, <When>, <Term>, <ParkFact>, <Rule>) — entries missing
 * in a language, and UI keys missing in a dictionary. Every problem is reported in one error,
 * each naming its file and what is wrong:
 *
 *   content/pillars/fr/x.mdx: <Fig id="nope" />: no figure "nope" in content/data/figures.yaml
 *
 * Astro itself only logs a reference to a missing entry, and a component that throws cannot name
 * the MDX file it was used in.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { resources } from '../i18n';
import { localeCodes } from '../i18n/locales';
import { missingKeys } from '../lib/dictionaries';
import { proseCollections, proseFile, type ProseCollection } from '../lib/prose';

type DataCollection = 'sources' | 'parks' | 'incentiveRules' | 'figures' | 'milestones' | 'glossary';

/** Where each data collection comes from, and what one of its entries is called in messages. */
const data: Record<DataCollection, { file: string; noun: string }> = {
  sources: { file: 'content/data/sources.yaml', noun: 'source' },
  parks: { file: 'content/data/parks.yaml', noun: 'park' },
  incentiveRules: { file: 'content/data/incentive-rules.yaml', noun: 'incentive rule' },
  figures: { file: 'content/data/figures.yaml', noun: 'figure' },
  milestones: { file: 'content/data/milestones.yaml', noun: 'milestone' },
  glossary: { file: 'content/data/glossary.yaml', noun: 'glossary term' },
};
/** MDX components that take the id of a data entry. */
const components: Record<string, DataCollection> = {
  Fig: 'figures',
  When: 'milestones',
  Term: 'glossary',
  ParkFact: 'parks',
  Rule: 'incentiveRules',
};

const unknown = (collection: DataCollection, id: string) =>
  `no ${data[collection].noun} "${id}" in ${data[collection].file}`;

/** Problems of one prose entry: its frontmatter references and the component ids in its body. */
async function entryProblems(entry: CollectionEntry<(typeof proseCollections)[number]>): Promise<string[]> {
  const file = entry.filePath ?? entry.id;
  const problems: string[] = [];
  const refs = Object.entries(entry.data).flatMap(([field, value]) =>
    Array.isArray(value) ? value.map((v, i) => [`${field}[${i}]`, v] as const) : [[field, value] as const],
  );
  for (const [field, ref] of refs) {
    if (typeof ref !== 'object' || ref === null || !('collection' in ref) || !('id' in ref)) continue;
    const { collection, id } = ref as { collection: DataCollection; id: string };
    if (!(await getEntry(collection, id))) problems.push(`${file}: ${field}: ${unknown(collection, id)}`);
  }
  for (const [tag, name, attributes] of (entry.body ?? '').matchAll(/<([A-Z]\w*)\s([^>]*?)\/?>/g)) {
    const at = name === 'AirThreshold' ? attributes!.match(/\bat=["']([^"']*)["']/)?.[1] : undefined;
    if (
      at !== undefined &&
      typeof (await getEntry('incentiveRules', 'air'))?.data.parameters.rate.byLocation?.[
        at as 'p2i-primary'
      ] !== 'number'
    ) {
      problems.push(
        `${file}: <AirThreshold at="${at}" />: no income-tax cap for "${at}" in ${data.incentiveRules.file}`,
      );
    }
    const collection = components[name!];
    const id = attributes!.match(/\bid=["']([^"']*)["']/)?.[1];
    if (!collection || id === undefined) continue;
    const found = await getEntry(collection, id);
    const shown = tag!.replace(/\s+/g, ' ').replace(/\s*\/?>$/, ' />');
    if (!found) problems.push(`${file}: ${shown}: ${unknown(collection, id)}`);
    const param = attributes!.match(/\bparam=["']([^"']*)["']/)?.[1];
    if (
      found &&
      name === 'Rule' &&
      param &&
      !(param in (found as CollectionEntry<'incentiveRules'>).data.parameters)
    ) {
      problems.push(
        `${file}: ${shown}: incentive rule "${id}" has no parameter "${param}" in ${data.incentiveRules.file}`,
      );
    }
  }
  return problems;
}

/** Entries that exist in some languages and not in others, named by the file that is missing. */
function translationProblems(collection: ProseCollection, ids: string[]): string[] {
  const slugs = new Map<string, Set<string>>();
  for (const id of ids) {
    const [lang, ...rest] = id.split('/');
    const slug = rest.join('/');
    if (!slugs.has(slug)) slugs.set(slug, new Set());
    slugs.get(slug)!.add(lang!);
  }
  return [...slugs].flatMap(([slug, langs]) =>
    localeCodes
      .filter((l) => !langs.has(l))
      .map(
        (l) =>
          `${proseFile(collection, l, slug)}: missing translation (the entry exists in ${[...langs].join(', ')})`,
      ),
  );
}

async function findProblems(): Promise<string[]> {
  const problems: string[] = [];
  for (const collection of proseCollections) {
    const entries = await getCollection(collection);
    problems.push(
      ...translationProblems(
        collection,
        entries.map((e) => e.id),
      ),
    );
    for (const entry of entries) problems.push(...(await entryProblems(entry)));
  }
  for (const { lang, key, problem } of missingKeys(resources))
    problems.push(`src/i18n/ui/${lang}.json: ${problem === 'missing' ? 'missing' : 'empty'} key "${key}"`);
  return problems;
}

let checked: Promise<void> | undefined;

/** Throws one error listing every problem found; runs once per build (on every request in `astro dev`, where files change). */
export function checkContent(): Promise<void> {
  if (import.meta.env.DEV) checked = undefined;
  checked ??= findProblems().then((problems) => {
    if (problems.length > 0)
      throw new Error(
        `${problems.length} content problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
  });
  return checked;
}
