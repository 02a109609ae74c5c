import { describe, expect, it } from 'vitest';
import { hashSource, inlineSources, trimPolicyHashes } from '../../integrations/page-policy';

const theme = 'document.documentElement.dataset.theme="dark"';
const share = 'for(const b of document.querySelectorAll("[data-share]"))b.hidden=false';
const chart = '.bar{fill:red}';
const policy = (scripts: string[], styles: string[]) =>
  `<meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}; style-src 'self' ${styles.join(' ')};">`;
const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)![1]!;

describe('page policy (integrations/page-policy.ts)', () => {
  it('reads the inline scripts a browser runs and the inline styles, not data blocks or external scripts', () => {
    const html = page(
      `<script>${theme}</script><script type="application/ld+json">{"a":1}</script><style>${chart}</style>`,
      `<script type="module" src="/_astro/x.js"></script><script type="module">${share}</script>`,
    );
    expect(inlineSources(html)).toEqual({ scripts: [theme, share], styles: [chart] });
  });

  it("keeps only the hashes of the page's own inline code, and every other source", () => {
    const all = [theme, share, 'other page'].map(hashSource);
    const html = page(
      `${policy(all, [chart, '.unused{}'].map(hashSource))}<script>${theme}</script><style>${chart}</style>`,
      '<p>text</p>',
    );
    const trimmed = policyOf(trimPolicyHashes(html));
    expect(trimmed).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hashSource(theme)};`);
    expect(trimmed).not.toContain(hashSource(share));
    expect(trimmed).not.toContain(hashSource('other page'));
    expect(trimmed).toContain(`style-src 'self' ${hashSource(chart)};`);
    expect(trimmed).toContain("default-src 'self';img-src 'self' data:;");
  });

  it('stops the build when the policy lacks the hash of inline code the page holds', () => {
    const html = page(`${policy([hashSource(theme)], [])}<script>${share}</script>`, '');
    expect(() => trimPolicyHashes(html, 'fr/index.html')).toThrow(/fr\/index\.html: its script-src lacks/);
  });

  it('leaves a page without a policy as it is', () => {
    const html = page(`<script>${theme}</script>`, '');
    expect(trimPolicyHashes(html)).toBe(html);
  });
});
