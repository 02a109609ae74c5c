/**
 * DOM for search results, built node by node: the reader's query and Pagefind's excerpts only
 * ever become text nodes (and <mark> elements), never HTML.
 */
import {
  formatCount,
  pluralTemplate,
  templateParts,
  type TextRun,
  type SearchStrings,
} from '../../lib/search';
import type { Hit } from './engine';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** Excerpt runs as text nodes and <mark> elements. */
export function excerptNodes(segments: TextRun[]): Node[] {
  return segments.map((s) =>
    s.mark
      ? el('mark', 'rounded-sm bg-caveat px-0.5 font-semibold text-ink', s.text)
      : document.createTextNode(s.text),
  );
}

/** A dictionary message with its variables filled in; the query goes in <bdi> (it may be in another script). */
export function messageNodes(template: string, vars: Record<string, string>): Node[] {
  return templateParts(template, vars).map((p) =>
    p.name === 'query' ? el('bdi', '', p.text) : document.createTextNode(p.text),
  );
}

/** "3 results for “KPO”" in the page's language and plural form. */
export function countNodes(strings: SearchStrings, count: number, query: string): Node[] {
  const template = pluralTemplate(strings.results, count, strings.intl);
  return messageNodes(template, { count: formatCount(count, strings.intl), query });
}

/** One result of the search page: title link (a heading), page type, excerpt, matching sections. */
export function resultItem(hit: Hit, strings: SearchStrings): HTMLLIElement {
  const link = el('a', 'underline-offset-4', hit.title);
  link.href = hit.url;
  link.dataset['result'] = '';
  const kind = el('p', 'mt-1 text-sm text-muted', el('span', 'font-medium', strings.types[hit.type]));
  if (hit.region) kind.append(' · ', el('bdi', '', hit.region));
  const item = el('li', 'border-b border-line py-4', el('h2', 'text-lg', link), kind);
  if (hit.lead.length > 0) item.append(el('p', 'mt-1', ...excerptNodes(hit.lead)));
  if (hit.sections.length > 0) {
    const list = el('ul', 'mt-2 grid gap-1 border-s-2 border-line ps-4 text-sm');
    list.setAttribute('aria-label', `${strings.sections} — ${hit.title}`);
    for (const s of hit.sections) {
      const a = el('a', 'font-medium', s.title);
      a.href = s.url;
      a.dataset['result'] = '';
      list.append(el('li', '', a, el('span', 'block text-muted', ...excerptNodes(s.excerpt))));
    }
    item.append(list);
  }
  return item;
}

/** One result in the header's quick list: no heading (it is not part of the page's outline). */
export function quickItem(hit: Hit, strings: SearchStrings): HTMLLIElement {
  const link = el('a', 'font-semibold', hit.title);
  link.href = hit.url;
  link.dataset['result'] = '';
  return el(
    'li',
    'rounded p-2 hover:bg-sand',
    link,
    el('span', 'ms-2 text-xs text-muted', strings.types[hit.type]),
    el('span', 'mt-0.5 line-clamp-2 block text-sm', ...excerptNodes(hit.excerpt)),
  );
}

/**
 * Arrow keys through the result links of `list`: Down from the input enters the list, Up from
 * the first link returns to the input, Home/End jump, Escape goes back to the input.
 */
export function arrowKeys(input: HTMLInputElement, list: HTMLElement, onEscape: () => void) {
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-result]')];
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links()[0]) {
      e.preventDefault();
      links()[0]!.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onEscape();
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    const moves: Record<string, HTMLElement | undefined> = {
      ArrowDown: all[i + 1],
      ArrowUp: i === 0 ? input : all[i - 1],
      Home: all[0],
      End: all.at(-1),
      Escape: input,
    };
    const target = moves[e.key];
    if (!target) return;
    e.preventDefault();
    target.focus();
  });
}

/**
 * A search's message, on screen and for screen readers: say(...parts) shows the parts (false ones
 * skipped, a space between) in `visible` at once, and writes its text into the live region `live`
 * once typing pauses and only when it is new, so a count is read once rather than at every key.
 * (query-form.ts has the calculators' own: importing one from the other would add a file to every
 * page.)
 */
export function messageOut(visible: HTMLElement, live: HTMLElement): (...parts: (Node[] | false)[]) => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return (...parts) => {
    visible.replaceChildren(
      ...parts
        .filter((p): p is Node[] => p !== false)
        .flatMap((p, i) => (i > 0 ? [document.createTextNode(' '), ...p] : p)),
    );
    const text = visible.textContent ?? '';
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (live.textContent !== text) live.textContent = text;
    }, 600);
  };
}
