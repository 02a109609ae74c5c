/**
 * The investor's path: the setting-up steps, the FAQ and whom to contact, checked
 * against their data, the shared fact sheet and the pages they link to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { faqItems } from '../../src/lib/faq';
import { localeCodes, root } from '../support/site';

const yaml = (file: string) => parse(readFileSync(join(root, file), 'utf8'));
type Localized = Record<string, string>;
interface Step { id: string; fact: string; order: number; title: Localized; body: Localized; what: Localized; address: string | null; confidence: string; caveat?: Localized; sources: string[] }
const steps: Step[] = yaml('content/data/setup-steps.yaml');
const bodies: { id: string; address: string | null; steps: string[] }[] = yaml('content/data/public-bodies.yaml');
const sourceIds = new Set((yaml('content/data/sources.yaml') as { id: string }[]).map((s) => s.id));
const factsText = readFileSync(join(root, '../shared/facts/payroll-and-setup.yaml'), 'utf8') + readFileSync(join(root, '../shared/facts/offshoring-maroc.yaml'), 'utf8');
const facts = parse(readFileSync(join(root, '../shared/facts/payroll-and-setup.yaml'), 'utf8')) as { setup_steps: { id: string; order: number; confidence: string }[] };
const mdx = (lang: string, slug: string) => readFileSync(join(root, 'content/pages', lang, `${slug}.mdx`), 'utf8');

describe('the setting-up steps', () => {
  it('follow the fact sheet: one step per fact, in its order, with its confidence', () => {
    expect(steps.map((s) => s.fact)).toEqual([...facts.setup_steps].sort((a, b) => a.order - b.order).map((f) => f.id));
    expect(steps.map((s) => s.order)).toEqual(steps.map((_, i) => i + 1));
    for (const s of steps) expect(s.confidence, s.id).toBe(facts.setup_steps.find((f) => f.id === s.fact)!.confidence);
  });

  it.each(steps.map((s) => [s.id, s] as const))('%s has a title, a body responsible, what it does and sources, in every language', (_id, s) => {
    for (const lang of localeCodes) for (const field of ['title', 'body', 'what'] as const) expect(s[field][lang]?.trim(), `${field}.${lang}`).toBeTruthy();
    expect(s.sources.length).toBeGreaterThan(0);
    for (const id of s.sources) expect(sourceIds.has(id), `source ${id}`).toBe(true);
    if (s.confidence !== 'confirmed') for (const lang of localeCodes) expect(s.caveat?.[lang], `caveat.${lang}`).toBeTruthy();
  });

  it('name only bodies that act in existing steps', () => {
    const ids = new Set(steps.map((s) => s.id));
    for (const b of bodies) for (const s of b.steps) expect(ids.has(s), `${b.id} → ${s}`).toBe(true);
  });
});

describe('no address outside the facts', () => {
  const files = ['content/data/setup-steps.yaml', 'content/data/public-bodies.yaml', ...localeCodes.flatMap((l) => [`content/pages/${l}/setting-up.mdx`, `content/pages/${l}/faq.mdx`])];
  it.each(files)('%s: every web address is in ../shared/facts, and there is no phone number or e-mail', (file) => {
    const text = readFileSync(join(root, file), 'utf8').replace(/^#.*$/gm, '');
    for (const [address] of text.matchAll(/https?:\/\/[^\s'")<>]+/g)) expect(factsText.includes(address), address).toBe(true);
    expect(text).not.toMatch(/(?:\+|00)\s?\d{3}[\d\s.-]{6,}|\b0\d(?:[\s.-]?\d\d){4}\b/);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
  });
});

/** Whether a guide path (without language, maybe with #fragment) names a page that exists. */
function exists(lang: string, to: string): boolean {
  const [path, fragment] = to.split('#');
  const parts = path!.split('/').filter(Boolean);
  const file =
    parts.length === 0 ? join('content/pages', lang, 'home.mdx')
    : parts[0] === 'incentives' && parts[1] === 'estimator' ? join('content/pages', lang, 'estimator.mdx')
    : parts.length === 2 ? join('content', parts[0]!, lang, `${parts[1]}.mdx`)
    : join('content/pages', lang, `${parts[0]}.mdx`);
  if (!existsSync(join(root, file))) return false;
  if (!fragment) return true;
  if (parts[0] === 'setting-up') return ['steps', 'contacts'].includes(fragment) || steps.some((s) => `step-${s.id}` === fragment);
  return readFileSync(join(root, file), 'utf8').includes(`id="${fragment}"`);
}

describe('the FAQ', () => {
  const items = Object.fromEntries(localeCodes.map((l) => [l, faqItems(mdx(l, 'faq'))]));

  it('asks at least fifteen questions, the same ones in every language', () => {
    const [first, ...others] = localeCodes;
    expect(items[first!]!.length).toBeGreaterThanOrEqual(15);
    for (const l of others) expect(items[l]!.map((i) => i.id), l).toEqual(items[first!]!.map((i) => i.id));
    expect(new Set(items[first!]!.map((i) => i.id)).size).toBe(items[first!]!.length);
  });

  it.each(localeCodes)('%s: every answer has two to four sentences and links into the guide, to pages that exist', (lang) => {
    for (const item of items[lang]!) {
      const sentences = item.answer.split(/(?<=[.!?؟])\s+/).filter((s) => s.trim() !== '');
      expect(sentences.length, `${item.id}: ${item.answer}`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${item.id}: ${item.answer}`).toBeLessThanOrEqual(4);
      expect(item.links.length, item.id).toBeGreaterThan(0);
      for (const to of item.links) expect(exists(lang, to), `${item.id} → ${to}`).toBe(true);
    }
  });
});
