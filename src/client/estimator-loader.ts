/**
 * Starts the estimator (estimator.ts) with its language's data (src/pages/[lang]/incentives/
 * estimator-data.js.ts, a script that sets `window.estimatorData`) when they are needed: at once
 * when the URL holds values (a shared estimate), otherwise when the reader shows intent in the
 * estimator or the page has settled (when-wanted.ts). Until then the form is plain HTML, and
 * nothing waits for this code to paint. If the code cannot be had, the page says so.
 */
import { whenWanted } from './when-wanted';

export function startEstimatorWhenWanted(root: HTMLElement) {
  const start = () =>
    void Promise.all([import(/* @vite-ignore */ root.dataset['estimatorData']!), import('./estimator')])
      .then(([, m]) => m.startEstimator(window.estimatorData!))
      .catch(() => root.querySelector('[data-estimator-unavailable]')?.removeAttribute('hidden'));
  if (location.search.length > 1) start();
  else whenWanted(root, start);
}
