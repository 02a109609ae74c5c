/**
 * Starts the search page's code (page.ts: the result list and Pagefind's glue) when it is needed:
 * at once when the URL holds a query, otherwise when the reader shows intent in the form or the
 * page has settled (when-wanted.ts). The page's prompt is in its HTML, so nothing waits for this
 * code to paint.
 */
import { whenWanted } from '../when-wanted';

export function startSearchPage(root: HTMLElement) {
  const status = root.querySelector('[data-status]');
  const list = root.querySelector('[data-results]');
  const start = () =>
    void import('./page')
      .then((m) => m.initSearchPage(root))
      .catch(() => {
        // The page's code did not arrive (offline, a server fault): say so, as a failed search does.
        list?.removeAttribute('aria-busy');
        const { unavailable } = JSON.parse(root.dataset['strings'] ?? '{}') as { unavailable?: string };
        if (!unavailable) return;
        if (status) status.textContent = unavailable;
        const live = root.querySelector('[data-live]');
        if (live) live.textContent = unavailable;
      });
  if (new URLSearchParams(location.search).has('q')) {
    // Results are on their way: not the empty box's prompt meanwhile.
    status?.replaceChildren();
    list?.setAttribute('aria-busy', 'true');
    return start();
  }
  whenWanted(root.querySelector('form') ?? root, start);
}
