import { describe, expect, it } from 'vitest';
import { faqItems, faqPage } from '../../src/lib/faq';

describe('faqItems', () => {
  it('reads each question, its plain-text answer and its links', () => {
    const body = `Intro.

<Faq id="who" q="Who is eligible?">
The **five** segments: see <Link to="/glossary/">the glossary</Link> and <Link to="/setting-up/#steps">the steps</Link>.
</Faq>

<Faq id="fx" q="كيف يُدبَّر الدرهم؟">
يرتبط الدرهم بسلة.
</Faq>`;
    expect(faqItems(body)).toEqual([
      {
        id: 'who',
        question: 'Who is eligible?',
        answer: 'The five segments: see the glossary and the steps.',
        links: ['/glossary/', '/setting-up/#steps'],
      },
      { id: 'fx', question: 'كيف يُدبَّر الدرهم؟', answer: 'يرتبط الدرهم بسلة.', links: [] },
    ]);
  });

  it('keeps hyphens and underscores inside words', () => {
    expect(faqItems('<Faq id="a" q="Q?">single-source snake_case *x*</Faq>')[0]!.answer).toBe(
      'single-source snake_case x',
    );
  });

  it('refuses straight quotes, which the page would show as typographic ones', () => {
    expect(() => faqItems(`<Faq id="q" q="Q?">The park's shop.</Faq>`)).toThrow(/FAQ answer "q".*’/);
    expect(
      faqItems('<Faq id="q" q="Q?">The park’s “shop”, <Link to="/x/">here</Link>.</Faq>')[0]!.answer,
    ).toBe('The park’s “shop”, here.');
  });

  it('refuses a component whose text the JSON-LD would miss, naming the question', () => {
    expect(() =>
      faqItems('<Faq id="dates" q="When?">Until <When id="incentives-end-date" />.</Faq>'),
    ).toThrow(/FAQ answer "dates".*<When/);
  });
});

describe('faqPage', () => {
  it('is a schema.org FAQPage with one Question per item', () => {
    expect(faqPage([{ question: 'Q?', answer: 'A.' }], 'en')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      inLanguage: 'en',
      mainEntity: [{ '@type': 'Question', name: 'Q?', acceptedAnswer: { '@type': 'Answer', text: 'A.' } }],
    });
  });
});
