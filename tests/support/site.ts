/** Shared facts about the project for tests: paths and the locale matrix. */
import { fileURLToPath } from 'node:url';
import { localeCodes, locales } from '../../src/i18n/locales';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The build under test: dist/, or another output folder (e.g. a build under a base path). */
export const dist = process.env.DIST_DIR ?? `${root}dist`;
/** The public origin the build was made for (astro.config.mjs reads the same variable). */
export const siteUrl = process.env.SITE_URL ?? 'https://offshoring-maroc.example';
export { localeCodes, locales };
