/**
 * The search page `/{lang}/search/`. It reads `?q=`, `?type=` and `?region=` and shows
 * results at once, so a search can be shared as a link; typing and filtering update the URL
 * with history.replaceState. Without JavaScript the form still submits, and a <noscript>
 * note says that search needs JavaScript.
 */
import { isPageType, prepareQuery, type SearchStrings } from '../../lib/search';
import { loadPagefind, search, type Filters, type Found } from './engine';
import { arrowKeys, countNodes, messageNodes, messageOut, resultItem } from './render';

const pageSize = 10;
const typingDelay = 200;

export function initSearchPage(root: HTMLElement) {
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as SearchStrings;
  const lang = document.documentElement.lang;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const region = form.querySelector<HTMLSelectElement>('select[name="region"]');
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const say = messageOut(status, root.querySelector<HTMLElement>('[data-live]')!);
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const typeInputs = () => [...form.querySelectorAll<HTMLInputElement>('input[name="type"]')];

  // State from the URL; unknown values are ignored. What the URL does not name stays as it is:
  // the reader may have typed or chosen before this code arrived (page-loader.ts).
  const params = new URLSearchParams(location.search);
  const q = params.get('q');
  if (q !== null) input.value = q;
  const type = params.get('type');
  if (type !== null) for (const r of typeInputs()) r.checked = r.value === (isPageType(type) ? type : '');
  const wanted = params.get('region');
  if (region && wanted && [...region.options].some((o) => o.value === wanted)) region.value = wanted;

  let run = 0;
  let found: Found | undefined;
  let shown = 0;

  const filters = (): Filters => {
    const t = typeInputs().find((r) => r.checked)?.value;
    return { type: isPageType(t) ? t : undefined, region: region?.value || undefined };
  };

  function syncUrl(q: string, f: Filters) {
    const url = new URL(location.href);
    for (const [k, v] of [
      ['q', q],
      ['type', f.type],
      ['region', f.region],
    ] as const) {
      if (v) url.searchParams.set(k, v);
      else url.searchParams.delete(k);
    }
    history.replaceState(history.state, '', url);
  }

  async function update() {
    const mine = ++run;
    const { text, truncated } = prepareQuery(input.value);
    const f = filters();
    syncUrl(text, f);
    const notice = truncated && messageNodes(strings.tooLong, {});
    if (!text) {
      found = undefined;
      list.replaceChildren();
      list.removeAttribute('aria-busy'); // page-loader.ts marks it busy when the URL holds a query
      more.hidden = true;
      // The page opens with the prompt already shown (SearchPanel.astro): not drawn a second time.
      if (status.textContent !== strings.empty) say(messageNodes(strings.empty, {}));
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const result = await search(text, lang, f);
      const hits = await result.hits(0, pageSize);
      if (mine !== run) return; // a newer search has started
      found = result;
      shown = hits.length;
      list.replaceChildren(...hits.map((h) => resultItem(h, strings)));
      more.hidden = shown >= result.total;
      say(
        notice,
        countNodes(strings, result.total, text),
        result.total === 0 && messageNodes(strings.noResultsHint, {}),
      );
    } catch {
      if (mine !== run) return;
      list.replaceChildren();
      more.hidden = true;
      say(messageNodes(strings.unavailable, {}));
    } finally {
      if (mine === run) list.removeAttribute('aria-busy');
    }
  }

  async function showMore() {
    if (!found) return;
    const mine = run;
    const hits = await found.hits(shown, shown + pageSize);
    if (mine !== run) return;
    const items = hits.map((h) => resultItem(h, strings));
    list.append(...items);
    shown += hits.length;
    more.hidden = shown >= found.total;
    items[0]?.querySelector<HTMLAnchorElement>('a[data-result]')?.focus();
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, typingDelay);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void update();
  });
  form.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    // A region only narrows parks; another page type clears it.
    if (target === region && region.value) for (const r of typeInputs()) r.checked = r.value === 'park';
    if (target.name === 'type' && region && !['', 'park'].includes(target.value)) region.value = '';
    if (target !== input) void update();
  });
  more.addEventListener('click', () => void showMore());
  arrowKeys(input, list, () => {
    if (!input.value) return;
    input.value = '';
    clearTimeout(timer);
    void update();
  });

  // With a query, update() loads the index at once; without one, it starts loading now: this
  // code runs on the reader's first intent or once the page has settled (page-loader.ts; the
  // offline copy runs it at once).
  const empty = !input.value;
  if (!empty) status.replaceChildren(); // the empty-box prompt, until the results come
  void update();
  if (empty) void loadPagefind().catch(() => undefined);
}
