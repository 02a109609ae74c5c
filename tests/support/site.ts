/** Shared facts about the project for tests: paths and the locale matrix. */
import { fileURLToPath } from 'node:url';
import { localeCodes, locales } from '../../src/i18n/locales';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const dist = `${root}dist`;
export { localeCodes, locales };
