import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode-svg';
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

  it('draws exactly the dark modules of the code, inside its quiet zone', () => {
    const { modules } = new QRCode({ content: url, ecl: 'M' }).qrcode;
    const expected = new Set(
      modules.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`${x + 2},${y + 2}`] : []))),
    );
    expect(drawn(qrSvg(url))).toEqual(expected);
  });

  it('changes with the URL', () => {
    expect(qrSvg('https://a.example/fr/')).not.toBe(qrSvg('https://a.example/en/'));
  });
});
