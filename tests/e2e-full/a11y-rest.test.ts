/**
 * `npm run test:full` only: axe on every (page, check) pair that the sampled pass of
 * tests/e2e/a11y.test.ts leaves out, so that both together cover every page in every language in
 * the light theme, and one page of each type in every language in the dark theme and at 375 px.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser } from '../e2e/browser';
import { everything, rest, sample } from '../support/a11y-pages';
import { axeOn } from '../support/a11y-run';

afterAll(closeBrowser);

describe('accessibility (axe, WCAG 2.2 AA), the rest of the matrix', () => {
  it('the sample and the rest are the whole matrix, without overlap', () => {
    expect(sample.length + rest.length).toBe(everything.length);
  });

  it.each(rest.map((c) => [c.path, c.check] as const))('%s (%s)', async (path, check) => {
    expect(await axeOn(path, check)).toEqual([]);
  });
});
