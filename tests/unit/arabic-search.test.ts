import { describe, expect, it } from 'vitest';
import {
  arabicQueryVariants,
  MAX_VARIANTS,
  normalizeArabic,
  stripArabicPrefixes,
} from '../../src/lib/arabic-search';

describe('normalizeArabic', () => {
  it('drops short vowels, shadda and tatweel, not letters', () => {
    expect(normalizeArabic('التَّكْوِيـن')).toBe('التكوين');
    expect(normalizeArabic('أعمال إدارية')).toBe('أعمال إدارية');
  });
});

describe('stripArabicPrefixes', () => {
  it.each([
    ['التكوين', 'تكوين'],
    ['والتكوين', 'تكوين'],
    ['فالتكوين', 'تكوين'],
    ['بالتكوين', 'تكوين'],
    ['كالتكوين', 'تكوين'],
    ['وبالتكوين', 'تكوين'],
    ['للتكوين', 'تكوين'],
    ['وللتكوين', 'تكوين'],
    ['تكوين', 'تكوين'],
    ['الدار', 'دار'],
    ['والتَّكوين', 'تكوين'],
  ])('%s → %s', (word, bare) => expect(stripArabicPrefixes(word)).toBe(bare));

  it.each([
    ['الذي', 'too short once stripped'],
    ['التي', 'too short once stripped'],
    ['والي', 'a word of its own (wali)'],
    ['فلل', 'villas, not ف + لل'],
    ['وكالة', 'agency: و + كال would leave one letter'],
    ['فاس', 'a lone ف is never stripped (Fès)'],
    ['وزارة', 'a lone و is never stripped (ministry)'],
    ['بنك', 'a lone ب is never stripped (bank)'],
    ['KPO', 'not Arabic'],
    ['Fès', 'not Arabic'],
  ])('keeps %s whole (%s)', (word) => expect(stripArabicPrefixes(word)).toBe(word));
});

describe('arabicQueryVariants', () => {
  it('searches the article form and the وال form of a bare word, never «فال» (it matches «فالي»)', () => {
    expect(arabicQueryVariants('تكوين')).toEqual(['تكوين', 'التكوين', 'والتكوين']);
  });

  it('reaches «والتكوين» from «التكوين», without repeating the query as typed', () => {
    expect(arabicQueryVariants('التكوين')).toEqual(['التكوين', 'تكوين', 'والتكوين']);
    expect(arabicQueryVariants('بالتكوين')).toEqual(['بالتكوين', 'التكوين', 'تكوين', 'والتكوين']);
  });

  it('expands each word in turn, the others in their article form', () => {
    expect(arabicQueryVariants('التكوين التدبير')).toEqual([
      'التكوين التدبير',
      'تكوين تدبير',
      'والتكوين التدبير',
      'التكوين والتدبير',
    ]);
  });

  it('leaves Latin words, short words and function words as typed', () => {
    expect(arabicQueryVariants('KPO')).toEqual(['KPO']);
    expect(arabicQueryVariants('في')).toEqual(['في']);
    expect(arabicQueryVariants('الضريبة على الدخل')).toContain('الضريبة على الدخل');
    expect(arabicQueryVariants('الضريبة على الدخل').every((v) => v.split(' ')[1] === 'على')).toBe(true);
    expect(arabicQueryVariants('منصة P2I')).toEqual(['منصة P2I', 'المنصة P2I', 'والمنصة P2I']);
  });

  it('returns nothing for an empty query and never more than the cap', () => {
    expect(arabicQueryVariants('   ')).toEqual([]);
    const long = 'تكوين تدبير تشغيل استثمار منصة حافز ضريبة';
    expect(arabicQueryVariants(long)).toHaveLength(MAX_VARIANTS);
    expect(arabicQueryVariants(long)[0]).toBe(long);
    expect(arabicQueryVariants(long, 2)).toHaveLength(2);
  });

  it('normalises vowels and spacing in every variant', () => {
    expect(arabicQueryVariants('  التَّكْوين  ')[0]).toBe('التكوين');
  });
});
