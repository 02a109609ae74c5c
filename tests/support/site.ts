/** Shared facts about the project for tests: paths and the locale matrix. */
import { fileURLToPath } from 'node:url';
import { localeCodes, locales } from '../../src/i18n/locales';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The build under test: dist/, or another output folder (e.g. a build under a base path). */
export const dist = process.env.DIST_DIR ?? `${root}dist`;
export { localeCodes, locales };
/** The public origin and base path the build was made for. */
export { siteUrl, basePath } from '../../src/data/deployment';
