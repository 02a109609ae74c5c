/**
 * The guide's content rules as code: a confidence label must match its sources, a
 * disputed or unknown value never appears without its caveat mark, an aggregator copy is labelled
 * as one, and one term names one concept. Pure: data and HTML come in as arguments, problems come
 * out as sentences naming where and which rule, for the content tests to print.
 */
import { elementsWith, htmlTexts } from './html-text';
import { parseSourceDate } from './source-date';

export type Confidence = 'confirmed' | 'single-source' | 'conflicting';

/** 'Hespress FR (via Maghress)' → 'hespress fr': a publisher without its "(citing …)" or "(via …)" aside. */
export function publisherKey(publisher: string): string {
  return publisher
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface Labelled {
  where: string;
  confidence: Confidence | null;
  sources: { id: string; publisher: string }[];
}

/**
 * Rule "confirmed = at least two independent sources" (pages/sources, Method): a `confirmed`
 * label with fewer than two publishers is a problem.
 * confidenceProblems([{ where: 'figures.yaml: x', confidence: 'confirmed', sources: [{ id: 'a', publisher: 'P' }] }])
 *   → ['figures.yaml: x: labelled confirmed with 1 publisher (P); confirmed needs two sources from different publishers']
 */
export function confidenceProblems(items: readonly Labelled[]): string[] {
  return items.flatMap((item) => {
    if (item.confidence !== 'confirmed') return [];
    const publishers = [...new Set(item.sources.map((s) => publisherKey(s.publisher)))];
    if (publishers.length >= 2) return [];
    const names = [...new Set(item.sources.map((s) => s.publisher))].join(', ') || 'no source';
    return [
      `${item.where}: labelled confirmed with ${publishers.length} publisher${publishers.length === 1 ? '' : 's'} (${names}); confirmed needs two sources from different publishers`,
    ];
  });
}

/**
 * Rule "a conflicting or unknown value is never shown as fact": every element of a built page
 * that shows such a value (marked `data-figure`, `data-park-value` + `data-field` or `data-rule` + `data-param`
 * by the components) must contain a caveat mark (`data-caveat`). `disputed` maps 'figure:id',
 * 'park:id.field' or 'rule:id.param' to the reason; the page's HTML is checked, tables, charts and the brochure
 * (the PDF is printed from it) alike.
 * caveatProblems('fr/index.html', '<span data-figure="x">5</span>', new Map([['figure:x', 'conflicting']]))
 *   → ['fr/index.html: figure "x" (conflicting) shown without its caveat mark (data-caveat): "5"']
 */
export function caveatProblems(file: string, html: string, disputed: ReadonlyMap<string, string>): string[] {
  const keyed = [
    ...elementsWith(html, 'data-figure').map((e) => ({ e, key: `figure:${e.attrs['data-figure']}` })),
    ...elementsWith(html, 'data-park-value').map((e) => ({
      e,
      key: `park:${e.attrs['data-park-value']}.${e.attrs['data-field'] ?? ''}`,
    })),
    ...elementsWith(html, 'data-rule').map((e) => ({
      e,
      key: `rule:${e.attrs['data-rule']}.${e.attrs['data-param'] ?? ''}`,
    })),
  ];
  return keyed.flatMap(({ e, key }) => {
    const why = disputed.get(key);
    if (!why || 'data-caveat' in e.attrs || /\sdata-caveat[\s=>]/.test(e.inner)) return [];
    const [kind, id] = key.split(/:(.*)/s);
    const shown = htmlTexts(e.inner).join(' ').replace(/\s+/g, ' ').trim().slice(0, 60);
    return [`${file}: ${kind} "${id}" (${why}) shown without its caveat mark (data-caveat): "${shown}"`];
  });
}

/**
 * Rule "an aggregator or mirror copy is labelled as a copy": on the lists of sources, the entry of
 * every source with `copy: true` (id `src-{id}`) carries the copy label (`data-copy`).
 * copyProblems('fr/sources/index.html', '<li id="src-a">…</li>', ['a']) → ['fr/sources/index.html: source "a" is a copy but its entry has no copy label (data-copy)']
 */
export function copyProblems(file: string, html: string, copies: readonly string[]): string[] {
  const entries = new Map(elementsWith(html, 'id').map((e) => [e.attrs.id ?? '', e]));
  return copies.flatMap((id) => {
    const entry = entries.get(`src-${id}`);
    if (!entry) return [`${file}: source "${id}" is a copy but is not listed (no #src-${id})`];
    return /\sdata-copy[\s=>]/.test(entry.inner) || 'data-copy' in entry.attrs
      ? []
      : [`${file}: source "${id}" is a copy but its entry has no copy label (data-copy)`];
  });
}

export interface Term {
  id: string;
  /** Preferred term per language. */
  preferred: Record<string, string>;
  /** Wrong variants per language: plain text (any case, whole words) or a /regex/ (case as written). */
  avoid?: Record<string, string[] | undefined> | undefined;
}

const variantPattern = (variant: string) =>
  variant.startsWith('/') && variant.endsWith('/') && variant.length > 2
    ? new RegExp(variant.slice(1, -1), 'gu')
    : new RegExp(
        `(?<![\\p{L}\\p{M}])${variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")}(?![\\p{L}\\p{M}])`,
        'giu',
      );

/**
 * Rule "one term per concept": a wrong variant of a termbase entry in a text of that language.
 * termProblems('pillars/fr/x.mdx', 'fr', 'le simulateur ou estimateur', [{ id: 'estimator', preferred: { fr: 'simulateur' }, avoid: { fr: ['estimateur'] } }])
 *   → ['pillars/fr/x.mdx: "estimateur" is a wrong variant of "estimator" (fr: use "simulateur")']
 */
export function termProblems(where: string, lang: string, text: string, terms: readonly Term[]): string[] {
  return terms.flatMap((term) =>
    (term.avoid?.[lang] ?? []).flatMap((variant) =>
      [...text.matchAll(variantPattern(variant))].map(
        (m) =>
          `${where}: "${m[0]}" is a wrong variant of "${term.id}" (${lang}: use "${term.preferred[lang] ?? '?'}")`,
      ),
    ),
  );
}

/**
 * The month the sources stop: the newest month of the sources dated to a day or a month, read by
 * parseSourceDate ("2026-01-28", "2025-10 (approx.)"; "unknown", a year and a span are skipped).
 * newestSourceMonth(['2025-10 (approx.)', '2026-02-03', 'unknown']) → '2026-02'
 */
export function newestSourceMonth(dates: readonly string[]): string | null {
  const months = dates.flatMap((d) => {
    const date = parseSourceDate(d);
    return date?.from && !date.to && !date.undated && date.from.length >= 7 ? [date.from.slice(0, 7)] : [];
  });
  return months.length ? months.reduce((a, b) => (b > a ? b : a)) : null;
}
