/**
 * On a calculator's page, whose address holds the reader's inputs, the link the share tools give,
 * the printed address and the language picker keep that query (field names and choices are the
 * same in every language). The printed QR code, made at build time for the bare page, is left out
 * when there is a query. Started by the calculators' code (query-form.ts), so other pages do not
 * carry it. (A search's words belong to its language: the picker leaves them.)
 */
export function keepStateInLinks(): void {
  const withState = (url: string) => url + location.search;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-link]'))
    link.addEventListener('click', () => {
      link.search = location.search;
    });
  for (const box of document.querySelectorAll<HTMLElement>('[data-share-url]')) {
    const bare = box.dataset.shareUrl!;
    // Before the buttons' own handlers (capture): share.ts reads the attribute when used.
    box.addEventListener(
      'click',
      (event) => {
        box.dataset.shareUrl = withState(bare);
        const link = (event.target as Element).closest<HTMLAnchorElement>('a[href]');
        if (!link) return;
        // From the address as built, each time: a second click must not add the query twice.
        link.dataset.builtHref ??= link.href;
        link.href = link.dataset.builtHref.replace(
          encodeURIComponent(bare),
          encodeURIComponent(withState(bare)),
        );
      },
      true,
    );
    addEventListener('beforeprint', () => {
      const shown = box.querySelector<HTMLElement>('[data-share-printed]');
      if (shown) shown.textContent = withState(bare);
      const qr = box.querySelector<HTMLElement>('[data-share-qr]');
      if (qr) qr.hidden = location.search !== '';
    });
  }
}
