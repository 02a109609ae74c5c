/**
 * The header search box on every page (issue 4). This small module only waits for the box to
 * get focus; then it loads the quick-results panel, which loads Pagefind. Readers who never
 * touch the box download nothing more. Without JavaScript the form is a plain GET to the
 * search page.
 */
export function initHeaderSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return;
  const mount = () => void import('./header-panel').then((m) => m.mountHeaderPanel(form, input));
  input.addEventListener('focus', mount, { once: true });
}
