/**
 * The seat-cost page's classic script in the offline copy: its language's data script runs just
 * before it (integrations/offline/export.ts), so the calculator starts at once.
 */
import { startSeatCost } from '../seat-cost';

if (window.seatCostData) startSeatCost(window.seatCostData);
else document.querySelector('[data-calculator-unavailable]')?.removeAttribute('hidden');
