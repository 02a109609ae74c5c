/** Share tools: copy the page link (announced), or open the system share sheet where there is one. */
for (const box of document.querySelectorAll<HTMLElement>('[data-share-url]')) {
  // Read when used: on a calculator's page, keep-state.ts adds the reader's inputs to it.
  const url = () => box.dataset.shareUrl!;
  const status = box.querySelector<HTMLElement>('[data-share-status]')!;
  const copy = box.querySelector<HTMLButtonElement>('[data-share="copy"]')!;
  const native = box.querySelector<HTMLButtonElement>('[data-share="native"]')!;
  if (navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(url());
        status.textContent = box.dataset.copied ?? '';
      } catch {
        status.textContent = box.dataset.copyFailed ?? '';
      }
    });
  }
  if (typeof navigator.share === 'function') {
    native.hidden = false;
    native.addEventListener('click', () =>
      navigator.share({ title: box.dataset.shareTitle ?? document.title, url: url() }).catch(() => {}),
    );
  }
}
