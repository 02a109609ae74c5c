import { describe, expect, it } from 'vitest';
import decodeQR from '@paulmillr/qr/decode.js';
import { qrSvg } from '../../src/lib/qr';

/** The dark modules a path written by qrSvg draws, as "x,y" (module units, padding included). */
function drawn(svg: string): Set<string> {
  const d = /<path[^>]*\sd="([^"]+)"/.exec(svg)![1]!;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])([\d.]+)(?: ([\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (cmd === 'm') x += Number(a);
    else for (let i = 0; i < Number(a); i += 1, x += 1) dark.add(`${x},${y}`);
  }
  return dark;
}

describe('QR code of a page URL', () => {
  const url = 'https://offshoring-maroc.example/ar/parks/fes-shore/';

  it('is an SVG with no style attribute (allowed by a strict CSP)', () => {
    const svg = qrSvg(url);
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toContain('style=');
    expect(svg).toContain('<path fill="none" stroke="#000"');
  });

  it.each([url, 'https://offshoring-maroc.example/fr/incentives/tax-baseline/', 'https://a.example/en/'])(
    'reads back as its URL with a QR decoder: %s',
    (link) => {
      const svg = qrSvg(link);
      const size = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
      // The drawing as an image, 4 pixels a module, on white with 2 modules more of margin.
      const scale = 4;
      const side = (size + 4) * scale;
      const data = new Uint8Array(side * side * 4).fill(255);
      for (const cell of drawn(svg)) {
        const [x, y] = cell.split(',').map(Number) as [number, number];
        expect(x).toBeLessThan(size - 2); // inside the quiet zone
        expect(y).toBeLessThan(size - 2);
        for (let dy = 0; dy < scale; dy += 1)
          for (let dx = 0; dx < scale; dx += 1) {
            const p = (((y + 2) * scale + dy) * side + (x + 2) * scale + dx) * 4;
            data.fill(0, p, p + 3);
          }
      }
      expect(decodeQR({ width: side, height: side, data })).toBe(link);
    },
  );

  it('changes with the URL', () => {
    expect(qrSvg('https://a.example/fr/')).not.toBe(qrSvg('https://a.example/en/'));
  });
});
