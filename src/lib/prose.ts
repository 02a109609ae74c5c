/**
 * The translated prose collections and where each lives: its folder under content/ is also its
 * URL segment (content/parks/fr/fes-shore.mdx → /fr/parks/fes-shore/). The park pages' collection
 * is `parkPages` because `parks` is the language-neutral park data (content/data/parks.yaml).
 */
export const proseFolders = {
  pages: 'pages',
  pillars: 'pillars',
  parkPages: 'parks',
  incentives: 'incentives',
} as const;
export type ProseCollection = keyof typeof proseFolders;
export const proseCollections = Object.keys(proseFolders) as ProseCollection[];

/** The MDX file of an entry: ('parkPages', 'fr', 'fes-shore') → 'content/parks/fr/fes-shore.mdx'. */
export const proseFile = (collection: ProseCollection, lang: string, slug: string): string =>
  `content/${proseFolders[collection]}/${lang}/${slug}.mdx`;

/** Where an entry is published, without language: ('parkPages', 'x') → '/parks/x/'; pages by slug ('pages', 'home') → '/'. */
export function proseRoute(collection: ProseCollection, slug: string): string {
  if (collection !== 'pages') return `/${proseFolders[collection]}/${slug}/`;
  const special: Record<string, string> = { home: '/', estimator: '/incentives/estimator/' };
  return special[slug] ?? `/${slug}/`;
}
