import { describe, expect, it } from 'vitest';
import { citationIn, factSheetLanguage, inReaderWords, untranslatedFields } from '../../src/lib/sources';
import { localeCodes } from '../../src/i18n/locales';
import { loadData } from '../support/content-data';

const auditia = {
  publisher: 'Auditia (accounting firm)',
  title: '[Circular no. 8/2022 and the five-year IS exemption]',
  translated: {
    fr: {
      publisher: 'Auditia (cabinet d’expertise comptable)',
      title: '[Circulaire n° 8/2022 et exonération]',
    },
  },
};

describe('a source cited in each language', () => {
  it('shows the fact sheet’s words in English and their translation elsewhere', () => {
    expect(citationIn(auditia, 'en')).toEqual({ publisher: auditia.publisher, title: auditia.title });
    expect(citationIn(auditia, 'fr')).toEqual(auditia.translated.fr);
  });

  it('shows a name and a published title as they are, in every language', () => {
    const cnss = { publisher: 'CNSS', title: 'Financement (FAQ)' };
    for (const l of localeCodes) expect(citationIn(cnss, l)).toEqual(cnss);
    expect(untranslatedFields(cnss, 'ar')).toEqual([]);
  });

  it('says which fields are in the reader’s words, which then take the page’s direction', () => {
    expect(inReaderWords(auditia, 'fr')).toEqual(['publisher', 'title']);
    expect(inReaderWords(auditia, 'ar')).toEqual([]);
    expect(inReaderWords(auditia, factSheetLanguage)).toEqual([]);
  });

  it('names what a language still lacks: a note in brackets, a described title', () => {
    expect(untranslatedFields(auditia, 'fr')).toEqual([]);
    expect(untranslatedFields(auditia, 'ar')).toEqual(['publisher', 'title']);
    expect(untranslatedFields(auditia, factSheetLanguage)).toEqual([]);
  });

  it('has the words of every language for every source of content/data/sources.yaml', () => {
    const missing = loadData('sources.yaml').flatMap((s) =>
      localeCodes.flatMap((l) =>
        untranslatedFields(s as unknown as Parameters<typeof untranslatedFields>[0], l).map(
          (f) => `${s.id}: ${l} ${f}`,
        ),
      ),
    );
    expect(missing).toEqual([]);
  });
});
