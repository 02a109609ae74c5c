/**
 * axe (WCAG 2.2 AA) on one page of each type in the dark theme and at 375 px wide (there, also no
 * sideways scrolling): the part of
 * the sample of tests/support/a11y-pages.ts that tests/e2e/a11y.test.ts leaves to this file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './browser';
import { sample } from '../support/a11y-pages';
import { axeOn } from '../support/a11y-run';

afterAll(closeBrowser);

describe('accessibility (axe, WCAG 2.2 AA), dark theme and 375 px, sampled', () => {
  it.each(sample.filter((c) => c.check !== 'light').map((c) => [c.path, c.check] as const))(
    '%s (%s)',
    async (path, check) => {
      expect(await axeOn(path, check)).toEqual([]);
    },
  );
});
