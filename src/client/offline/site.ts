/**
 * The classic script of every page of the offline copy: the theme toggle and share
 * tools as online, and the header search box, which loads the offline search on first focus
 * (as the online box loads Pagefind then). A theme chosen in the copy follows the reader from
 * page to page in the links (src/lib/theme-carry.ts).
 */
import '../theme';
import '../share';
import { loadScript } from './load';
import { withTheme, type Theme } from '../../lib/theme-carry';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-header-search]')) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) continue;
  const mount = () =>
    void loadScript('search.js')
      .then(() => window.offshoringSearch?.mountHeaderPanel(form, input))
      .catch(() => undefined); // the box still submits to the search page
  input.addEventListener('focus', mount, { once: true });
}

const chosen = (): Theme | undefined => {
  const t = document.documentElement.dataset['theme'];
  return t === 'light' || t === 'dark' ? t : undefined;
};

// Links followed by mouse or keyboard (including search results drawn later): the link gets the
// theme just before the browser follows it.
document.addEventListener(
  'click',
  (event) => {
    const theme = chosen();
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
    if (theme && link) link.href = withTheme(link.getAttribute('href') ?? '', theme, location.href);
  },
  true,
);

// Forms that open another page of the copy (the header search box, the search page's form).
document.addEventListener(
  'submit',
  (event) => {
    const theme = chosen();
    const form = event.target;
    if (!theme || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'get') return;
    let field = form.querySelector<HTMLInputElement>('input[type="hidden"][name="theme"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'theme';
      form.append(field);
    }
    field.value = theme;
  },
  true,
);
