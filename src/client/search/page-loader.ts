/**
 * Starts the search page's code (page.ts: the result list and Pagefind's glue) when it is needed:
 * at once when the URL holds a query; otherwise on the reader's first intent (focus, a pointer or
 * a key in the form) or a second after the load event, when the browser is idle. The page's
 * prompt is in its HTML, so nothing waits for this code to paint, and on a slow link neither this
 * code nor Pagefind's files share the first paint's bandwidth with the fonts.
 */
const settleDelay = 1000;

export function startSearchPage(root: HTMLElement) {
  const status = root.querySelector('[data-status]');
  const list = root.querySelector('[data-results]');
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    import('./page')
      .then((m) => m.initSearchPage(root))
      .catch(() => {
        // The page's code did not arrive (offline, a server fault): say so, as a failed search does.
        list?.removeAttribute('aria-busy');
        const { unavailable } = JSON.parse(root.dataset['strings'] ?? '{}') as { unavailable?: string };
        if (status && unavailable) status.textContent = unavailable;
      });
  };
  if (new URLSearchParams(location.search).has('q')) {
    // Results are on their way: not the empty box's prompt meanwhile.
    status?.replaceChildren();
    list?.setAttribute('aria-busy', 'true');
    return start();
  }
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
