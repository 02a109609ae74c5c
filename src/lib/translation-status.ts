/**
 * Translation status: for every translated page, when each language was last edited,
 * and which translations are older than the reference language's text. Pure: entries are arguments.
 *
 * translationStatus([{ collection: 'pillars', slug: 'x', lang: 'fr', title: 'X', edited: '2026-12-01' },
 *                    { collection: 'pillars', slug: 'x', lang: 'en', title: 'X', edited: '2026-11-27' }], 'fr')
 *   → [{ key: 'pillars/x', …, edited: { fr: '2026-12-01', en: '2026-11-27' }, outdated: ['en'] }]
 */
export interface TranslatedEntry<C extends string = string> {
  collection: C;
  slug: string;
  lang: string;
  title: string;
  edited: string;
}
export interface StatusRow<C extends string = string> {
  key: string;
  collection: C;
  slug: string;
  titles: Record<string, string>;
  edited: Record<string, string>;
  outdated: string[];
}

/** Whether a translation dated `edited` is older than its source dated `sourceEdited` (YYYY-MM-DD). */
export const isOutdated = (edited: string, sourceEdited: string) => edited < sourceEdited;

export function translationStatus<C extends string>(
  entries: readonly TranslatedEntry<C>[],
  reference: string,
): StatusRow<C>[] {
  const rows = new Map<string, StatusRow<C>>();
  for (const e of entries) {
    const key = `${e.collection}/${e.slug}`;
    const row = rows.get(key) ?? {
      key,
      collection: e.collection,
      slug: e.slug,
      titles: {},
      edited: {},
      outdated: [],
    };
    row.titles[e.lang] = e.title;
    row.edited[e.lang] = e.edited;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((r) => {
      const source = r.edited[reference];
      return {
        ...r,
        outdated:
          source === undefined
            ? []
            : Object.keys(r.edited).filter((l) => l !== reference && isOutdated(r.edited[l]!, source)),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
