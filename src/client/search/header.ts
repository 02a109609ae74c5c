/**
 * The header search box on every page. This small module fetches the quick-results panel's code
 * once the page has loaded and the browser is idle, and waits for a reader to show intent — a
 * pointer over the form, a touch on it, focus in the box — before it downloads the quick index,
 * so that the index is on its way before the first keystroke and the code to search it is
 * already running. Without JavaScript the form is a plain GET to the search page.
 *
 * Why the code is not fetched on intent too: in Chromium, loading tasks wait while keystrokes
 * keep coming (the scheduler runs input and frames first), so a module imported on focus by a
 * reader who types at once arrives a keystroke burst later; its 5–6 kB gzipped, fetched once the
 * page has loaded and painted (afterFirstView), cost a reader who never searches little.
 */
import type { OfflineIndexData } from '../../lib/offline-search';

/**
 * The quick index's data (`pagefind/quick.{lang}.json`, the name quickIndexFile in
 * src/lib/search.ts gives it; not imported, so that every page's script stays this small),
 * parsed; undefined when it cannot be had.
 */
function fetchQuickIndex(lang: string): Promise<OfflineIndexData | undefined> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return fetch(`${base}pagefind/quick.${lang}.json`)
    .then((r) => (r.ok ? (r.json() as Promise<OfflineIndexData>) : undefined))
    .catch(() => undefined);
}

type Panel = typeof import('./header-panel');
let panel: Promise<Panel> | undefined;
let ready: Panel | undefined;

/** The panel's module, imported once (a failed import may be retried by the next call). */
function loadPanel(): Promise<Panel> {
  panel ??= import('./header-panel').then((m) => (ready = m));
  panel.catch(() => (panel = undefined));
  return panel;
}

export function initHeaderSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return;
  let mounted = false;
  const mount = () => {
    if (mounted) return;
    mounted = true;
    const data = fetchQuickIndex(document.documentElement.lang);
    // Mounted in this task when the code is here: an import's promise would wait a task more.
    if (ready) ready.mountHeaderPanel(form, input, data);
    else void loadPanel().then((m) => m.mountHeaderPanel(form, input, data));
    warmIntl(form);
  };
  form.addEventListener('pointerenter', mount, { once: true });
  form.addEventListener('touchstart', mount, { once: true, passive: true });
  input.addEventListener('focus', mount, { once: true });
  afterFirstView(() => void loadPanel().catch(() => undefined));
}

/**
 * Runs `start` once the page has loaded, its fonts too (the load event does not wait for them),
 * its first contentful paint is done (which may come after both) and the browser is idle: code
 * fetched then never shares the first view's bandwidth, nor counts in Lighthouse's simulation of
 * it (which starts from the requests made before the paint).
 */
function afterFirstView(start: () => void) {
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200);
  const painted = new Promise<void>((resolve) => {
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return resolve();
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      resolve();
    }).observe({ type: 'paint', buffered: true });
  });
  const loaded = new Promise<void>((resolve) =>
    document.readyState === 'complete'
      ? resolve()
      : addEventListener('load', () => resolve(), { once: true }),
  );
  void Promise.all([loaded, painted])
    .then(() => document.fonts.ready)
    .then(idle);
}

/**
 * The panel picks its count's wording with Intl.PluralRules, whose first use in a page loads the
 * locale's rules: made here, while the index and the panel download. (The count itself is
 * written without Intl.NumberFormat, which costs far more on first use: formatCount.)
 */
function warmIntl(form: HTMLFormElement) {
  try {
    const { intl } = JSON.parse(form.dataset['strings'] ?? '{}') as { intl?: string };
    if (intl) new Intl.PluralRules(intl).select(1);
  } catch {
    // Nothing to warm up: the panel makes its rules itself.
  }
}
