/**
 * The estimator page's classic script in the offline copy: its language's data script runs just
 * before it (integrations/offline/export.ts), so the estimator starts at once.
 */
import { startEstimator } from '../estimator';

if (window.estimatorData) startEstimator(window.estimatorData);
else document.querySelector('[data-calculator-unavailable]')?.removeAttribute('hidden');
