/**
 * Starts code that a page does not need for its first paint: on the reader's first sign of intent
 * within `area` (focus, a pointer or a key), or a second after the load event once the browser is
 * idle, whichever comes first. On a slow link the code then does not share the first paint's
 * bandwidth with the fonts (the search page and both calculators use it).
 */
const settleDelay = 1000;

export function whenWanted(area: Element, start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  for (const type of ['focusin', 'pointerdown', 'keydown'])
    area.addEventListener(type, once, { once: true, passive: true });
  const whenSettled = () =>
    setTimeout(
      () => ('requestIdleCallback' in window ? requestIdleCallback(once, { timeout: 2000 }) : once()),
      settleDelay,
    );
  if (document.readyState === 'complete') whenSettled();
  else addEventListener('load', whenSettled, { once: true });
}
