import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frenchTypography, mapStrings } from '../../src/lib/typography';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A language's UI strings as a reader sees them: French gets the no-break spaces the build adds
 * (src/lib/typography.ts), so tests can compare them with the page's text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function shownUi(lang: string): any {
  const raw = JSON.parse(readFileSync(join(root, `src/i18n/ui/${lang}.json`), 'utf8'));
  return lang === 'fr' ? mapStrings(raw, frenchTypography) : raw;
}
