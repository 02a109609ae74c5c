/** Comparing UI dictionaries across languages (the build's content check and the parity test share it). */

/** Dotted key paths of a nested object: keyPaths({ a: { b: 'x' } }) → ['a.b']. */
export function keyPaths(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** Plural variants (key_few, key_many…) differ by language, as plural rules do. */
const plural = /_(zero|one|two|few|many|other)$/;

export interface KeyProblem {
  lang: string;
  key: string;
  problem: 'missing' | 'empty';
}

/**
 * Keys that one language has and another lacks or leaves empty, plural variants aside:
 * missingKeys({ fr: { a: 'x' }, en: { a: ' ' }, ar: {} }) →
 * [{ lang: 'en', key: 'a', problem: 'empty' }, { lang: 'ar', key: 'a', problem: 'missing' }].
 */
export function missingKeys(dicts: Record<string, unknown>): KeyProblem[] {
  const reference = new Set(
    Object.values(dicts)
      .flatMap((d) => keyPaths(d))
      .filter((k) => !plural.test(k)),
  );
  return Object.entries(dicts).flatMap(([lang, dict]) => {
    const have = new Set(keyPaths(dict));
    return [...reference].flatMap((key): KeyProblem[] => {
      if (!have.has(key)) return [{ lang, key, problem: 'missing' }];
      const value: unknown = key
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dict);
      return String(value).trim() === '' ? [{ lang, key, problem: 'empty' }] : [];
    });
  });
}
