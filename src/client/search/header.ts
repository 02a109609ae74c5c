/**
 * The header search box on every page (issue 4). This small module only waits for a reader to
 * show intent — a pointer over the form, a touch on it, focus in the box (issue 17: the index is
 * on its way before the first keystroke) — then loads the quick-results panel, which loads the
 * index. Readers who never come near the box download nothing more. Without JavaScript the form
 * is a plain GET to the search page.
 */
export function initHeaderSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return;
  let mounted = false;
  const mount = () => {
    if (mounted) return;
    mounted = true;
    void import('./header-panel').then((m) => m.mountHeaderPanel(form, input));
  };
  form.addEventListener('pointerenter', mount, { once: true });
  form.addEventListener('touchstart', mount, { once: true, passive: true });
  input.addEventListener('focus', mount, { once: true });
}
