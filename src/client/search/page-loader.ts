/**
 * Starts the search page's code (page.ts: the result list and Pagefind's glue) when it is needed:
 * at once when the URL holds a query; otherwise on the reader's first intent (focus, a pointer or
 * a key in the form) or a second after the load event, when the browser is idle. The page's
 * prompt is in its HTML, so nothing waits for this code to paint, and on a slow link neither this
 * code nor Pagefind's files share the first paint's bandwidth with the fonts.
 */
const settleDelay = 1000;

export function startSearchPage(root: HTMLElement) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./page').then((m) => m.initSearchPage(root));
  };
  if (new URLSearchParams(location.search).has('q')) return start();
  const form = root.querySelector('form');
  for (const type of ['focusin', 'pointerdown', 'keydown'])
    form?.addEventListener(type, start, { once: true, passive: true });
  const whenSettled = () =>
    setTimeout(
      () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2000 }) : start()),
      settleDelay,
    );
  if (document.readyState === 'complete') whenSettled();
  else addEventListener('load', whenSettled, { once: true });
}
