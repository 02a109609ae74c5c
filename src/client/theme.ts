/** The theme toggle: pressed = dark. Without a stored choice the system setting decides. */
const root = document.documentElement;
const system = matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : system.matches);

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const sync = () => button.setAttribute('aria-pressed', String(isDark()));
  button.hidden = false;
  sync();
  system.addEventListener('change', sync);
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    sync();
  });
}
