/**
 * Starts a calculator (the estimator, the seat cost) with its language's data, a script that sets
 * a global (src/data/browser-script.ts), when they are needed: at once when the URL holds values
 * (a shared result), otherwise when the reader shows intent in the calculator or the page has
 * settled (when-wanted.ts). Until then the form is plain HTML, and nothing waits for this code to
 * paint. If the code cannot be had, the page says so.
 */
import { whenWanted } from './when-wanted';

const calculators = {
  estimator: () => import('./estimator').then((m) => () => m.startEstimator(window.estimatorData!)),
  'seat-cost': () => import('./seat-cost').then((m) => () => m.startSeatCost(window.seatCostData!)),
};

/** `root` names its calculator and its data: data-calculator="estimator" data-calculator-data="/fr/…js". */
export function startCalculatorWhenWanted(root: HTMLElement) {
  const name = root.dataset['calculator'] ?? '';
  const code = Object.hasOwn(calculators, name) ? calculators[name as keyof typeof calculators] : undefined;
  const start = () =>
    void Promise.all([
      import(/* @vite-ignore */ root.dataset['calculatorData']!),
      code ? code() : Promise.reject(new Error(`no calculator named "${name}"`)),
    ])
      .then(([, run]) => run())
      .catch(() => root.querySelector('[data-calculator-unavailable]')?.removeAttribute('hidden'));
  if (location.search.length > 1) start();
  else whenWanted(root, start);
}
