/**
 * Quick results under the header search box: the first few pages as the reader types, and a
 * link to the search page (all results, filters, a shareable URL). Enter submits the form to
 * that page, as it does without JavaScript. Arrow keys move through the results; Escape closes
 * the panel, then clears the box.
 *
 * Results come from the engine's searchQuick: online, the quick index (./quick.ts) when the site
 * is small enough to have one, Pagefind otherwise; offline, the offline index. No fixed typing
 * delay: a keystroke searches at once when no search is running, and the keystrokes typed during
 * one are searched together when it ends.
 */
import type { OfflineIndexData } from '../../lib/offline-search';
import { prepareQuery, type SearchStrings } from '../../lib/search';
import { preloadQuick, searchQuick } from './engine';
import { arrowKeys, countNodes, messageNodes, messageOut, quickItem } from './render';

const quickCount = 5;

/** `quickData`: the quick index's data, when the page started its download (./header.ts). */
export function mountHeaderPanel(
  form: HTMLFormElement,
  input: HTMLInputElement,
  quickData?: Promise<OfflineIndexData | undefined>,
) {
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as SearchStrings;
  const lang = document.documentElement.lang;
  const panel = form.querySelector<HTMLElement>('[data-panel]')!;
  const list = panel.querySelector<HTMLOListElement>('[data-results]')!;
  const message = panel.querySelector<HTMLElement>('[data-message]')!;
  const all = panel.querySelector<HTMLAnchorElement>('[data-all]')!;
  // The live region is outside the panel, which may be hidden.
  const show = messageOut(message, form.querySelector<HTMLElement>('[data-status]')!);
  let run = 0;
  let searching = false;
  let again = false;

  const open = () => (panel.hidden = false);
  const close = () => (panel.hidden = true);

  async function update() {
    const mine = ++run;
    const { text, truncated } = prepareQuery(input.value);
    if (!text) {
      list.replaceChildren();
      show();
      close();
      return;
    }
    const url = new URL(form.action);
    url.searchParams.set('q', text);
    all.href = url.pathname + url.search;
    try {
      const found = await searchQuick(text, lang);
      const hits = await found.hits(0, quickCount);
      if (mine !== run) return;
      list.replaceChildren(...hits.map((h) => quickItem(h, strings)));
      show(
        truncated && messageNodes(strings.tooLong, {}),
        countNodes(strings, found.total, text),
        found.total === 0 && messageNodes(strings.noResultsHint, {}),
      );
    } catch {
      if (mine !== run) return;
      list.replaceChildren();
      show(messageNodes(strings.unavailable, {}));
    }
    if (form.contains(document.activeElement)) open();
  }

  /** Searches now, or once the running search ends (then for what the box holds by then). */
  async function request() {
    if (searching) {
      again = true;
      return;
    }
    searching = true;
    try {
      do {
        again = false;
        await update();
      } while (again);
    } finally {
      searching = false;
    }
  }

  input.addEventListener('input', () => void request());
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount + message.childNodes.length > 0) open();
  });
  // Close when focus or a pointer leaves the form.
  form.addEventListener('focusout', (e) => {
    if (!(e.relatedTarget instanceof Node && form.contains(e.relatedTarget))) close();
  });
  document.addEventListener('pointerdown', (e) => {
    if (!(e.target instanceof Node && form.contains(e.target))) close();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && list.childElementCount > 0) open(); // before arrowKeys moves focus
  });
  arrowKeys(input, panel, () => {
    if (!panel.hidden) {
      close();
      return;
    }
    input.value = '';
    void request();
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });

  // Intent (a pointer over the box, focus) is the moment to fetch the index.
  void preloadQuick(lang, quickData).catch(() => undefined);
  if (input.value.trim()) void request();
}
