/**
 * The classic script of every page of the offline copy (issue 8): the theme toggle and share
 * tools as online, and the header search box, which loads the offline search on first focus
 * (as the online box loads Pagefind then).
 */
import '../theme';
import '../share';
import { loadScript } from './load';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-header-search]')) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) continue;
  const mount = () =>
    void loadScript('search.js')
      .then(() => window.offshoringSearch?.mountHeaderPanel(form, input))
      .catch(() => undefined); // the box still submits to the search page
  input.addEventListener('focus', mount, { once: true });
}
