import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/lib/qr';

describe('QR code of a page URL', () => {
  it('is an SVG with no style attribute (allowed by a strict CSP)', () => {
    const svg = qrSvg('https://offshoring-maroc.example/ar/parks/fes-shore/');
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('style=');
    expect(svg).toContain('<path fill="#000"');
  });

  it('changes with the URL', () => {
    expect(qrSvg('https://a.example/fr/')).not.toBe(qrSvg('https://a.example/en/'));
  });
});
