/** Date the fact sheet behind every figure was last checked (../shared/facts, `meta.compiled_on`). */
export const factsVerifiedOn = '2026-11-27';
