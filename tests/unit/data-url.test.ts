import { describe, expect, it } from 'vitest';
import { svgDataUrl } from '../../src/lib/data-url';

describe('svgDataUrl', () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\n  <rect fill="#0b6b4f" width="100%"/>\n</svg>\n`;
  it('decodes back to the SVG, quotes single, whitespace runs as one space', () => {
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(
      `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'> <rect fill='#0b6b4f' width='100%'/> </svg>`,
    );
  });
  it('has no character that would end the attribute or the URL', () => {
    expect(svgDataUrl(svg)).not.toMatch(/["<>#\s]/);
    expect(svgDataUrl('<svg><text>é 😀</text></svg>')).toContain('%C3%A9%20%F0%9F%98%80');
  });
});
