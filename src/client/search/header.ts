/**
 * The header search box on every page. This small module only waits for a reader to show
 * intent — a pointer over the form, a touch on it, focus in the box — then downloads the quick
 * index and the quick-results panel side by side, so that both are on their way before the first
 * keystroke. Readers who never come near the box download nothing more. Without JavaScript the
 * form is a plain GET to the search page.
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

export function initHeaderSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return;
  let mounted = false;
  const mount = () => {
    if (mounted) return;
    mounted = true;
    const data = fetchQuickIndex(document.documentElement.lang);
    void import('./header-panel').then((m) => m.mountHeaderPanel(form, input, data));
    warmIntl(form);
  };
  form.addEventListener('pointerenter', mount, { once: true });
  form.addEventListener('touchstart', mount, { once: true, passive: true });
  input.addEventListener('focus', mount, { once: true });
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
