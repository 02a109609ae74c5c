/**
 * The questions of the FAQ page, read from its MDX body, where each is written as
 * `<Faq id="…" q="…">answer, with <Link to="/…/">links</Link></Faq>`. The same reading feeds the
 * FAQPage JSON-LD and the content tests, so the structured data says what the page shows. Pure.
 */

export interface FaqItem {
  /** Anchor of the question on the page (`#who-is-eligible`). */
  id: string;
  question: string;
  /** The answer as plain text, as a reader sees it. */
  answer: string;
  /** Guide paths the answer links to, without language (`/incentives/paf/`). */
  links: string[];
}

const item = /<Faq\s+id="([^"]+)"\s+q="([^"]+)"\s*>([\s\S]*?)<\/Faq>/g;

/**
 * faqItems('<Faq id="a" q="Who?">The **five** <Link to="/x/">segments</Link>.</Faq>')
 * → [{ id: 'a', question: 'Who?', answer: 'The five segments.', links: ['/x/'] }]
 * Throws on a component other than <Link> inside an answer: its text would be missing from the JSON-LD.
 */
export function faqItems(body: string): FaqItem[] {
  return [...body.matchAll(item)].map(([, id, question, raw]) => {
    const other = raw!.match(/<(?!\/?Link\b)[A-Z]\w*/);
    if (other) throw new Error(`FAQ answer "${id}": only <Link> may be used in an answer, found ${other[0]}`);
    // MDX turns straight quotes into typographic ones on the page, not in the JSON-LD: write them typographic.
    if (/["']/.test(raw!.replace(/<[^>]*>/g, '')))
      throw new Error(`FAQ answer "${id}": write quotes and apostrophes as “ ” ’, as the page shows them`);
    const links = [...raw!.matchAll(/<Link\s+to="([^"]+)"\s*>/g)].map((m) => m[1]!);
    const answer = raw!
      .replace(/<\/?Link[^>]*>/g, '')
      .replace(/\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { id: id!, question: question!, answer, links };
  });
}

/** schema.org FAQPage from the items: faqPage([{ question: 'Who?', answer: '…' }], 'en') → { '@type': 'FAQPage', mainEntity: [Question…] }. */
export function faqPage(items: Pick<FaqItem, 'question' | 'answer'>[], lang: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage: lang,
    mainEntity: items.map((i) => ({
      '@type': 'Question',
      name: i.question,
      acceptedAnswer: { '@type': 'Answer', text: i.answer },
    })),
  };
}
