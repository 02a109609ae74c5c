import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/lib/qr';

describe('QR code of a page URL', () => {
  it('is an SVG with no style attribute (allowed by a strict CSP)', () => {
    const svg = qrSvg('https://offshoring-maroc.example/ar/sites/fes-shore/');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('style=');
    expect(svg).toContain('fill="#000000"');
  });

  it('changes with the URL', () => {
    expect(qrSvg('https://a.example/fr/')).not.toBe(qrSvg('https://a.example/en/'));
  });
});
