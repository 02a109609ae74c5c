import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/site';

const files = (dir: string, ext: RegExp) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f)).map((f) => join(dir, f));

describe('right to left by construction', () => {
  // Physical direction utilities break the Arabic mirror; use ms-/me-/ps-/pe-/start-/end-/text-start.
  const physical = /(?<![\w-])(?:-?(?:ml|mr|pl|pr|left|right|border-l|border-r|rounded-l|rounded-r|rounded-tl|rounded-tr|rounded-bl|rounded-br|scroll-ml|scroll-mr)-[\w[\].\/-]+|text-left|text-right|float-left|float-right)(?![\w-])/g;

  it('no physical left/right Tailwind classes in src/', () => {
    const hits = files('src', /\.(astro|ts|tsx|mdx|css)$/).flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      return [...text.matchAll(/class(?:Name)?=["'{`]([^"'`}]*)/g)].flatMap((m) => [...(m[1] ?? '').matchAll(physical)].map((p) => `${f}: ${p[0]}`));
    });
    expect(hits, hits.join('\n')).toEqual([]);
  });
});

describe('both themes by construction', () => {
  it('no fixed white or black Tailwind colours in src/ (use the theme tokens: card, paper, ink, on-brand)', () => {
    const hits = files('src', /\.(astro|ts)$/).flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/(?<![\w-])(?:bg|text|border|fill|stroke)-(?:white|black)(?![\w-])/g)].map((m) => `${f}: ${m[0]}`),
    );
    expect(hits, hits.join('\n')).toEqual([]);
  });
});

/**
 * No figure typed into prose. Rule: in an MDX body (frontmatter and component tags removed), a
 * digit is allowed only as part of a four-digit year from 1990 to 2039 or inside a word (P2I).
 * Amounts, percentages, counts and dates come from content/data through <Fig> and <When>.
 */
describe('numbers are single-sourced', () => {
  const allowed = /^(?:199\d|20[0-3]\d)$/;
  it('MDX prose has no bare numbers', () => {
    const hits = files('content', /\.mdx$/).flatMap((f) => {
      const body = readFileSync(join(root, f), 'utf8').replace(/^---[\s\S]*?---/, '').replace(/<[^>]+>/g, ' ');
      return [...body.matchAll(/(?<![\p{L}\d])\d[\d.,\u202f\u00a0 ]*\d*/gu)]
        .map((m) => m[0].trim().replace(/[.,]$/, ''))
        .filter((n) => !n.split(/[-–]/).every((part) => allowed.test(part.trim())))
        .map((n) => `${f}: "${n}"`);
    });
    expect(hits, `bare numbers (use <Fig id> or <When id>):\n${hits.join('\n')}`).toEqual([]);
  });
});
