/**
 * A QR code of a URL as an SVG string, drawn at build time for the print view. Encoded by lean-qr:
 * every page has one, and qrcode-svg, used before, took 4.7 ms a code on this machine, most of it
 * choosing its mask (lean-qr 1.7).
 */
import { correction, generate } from 'lean-qr';

/**
 * qrSvg('https://…/fr/') → '<svg viewBox="0 0 37 37" …><path fill="none" stroke="#000" d="M2 2.5h7m1 0h3…"/></svg>'.
 * One path in module units: each run of dark modules in a row is a line one module thick, the
 * first of a row placed absolutely and the next ones by their gap from the previous run. About a
 * twentieth of the bytes of qrcode-svg's own output (a rectangle per module with two-decimal
 * coordinates), which every shared page carries for its print view. The SVG scales to its box.
 * Error correction M at least (lean-qr raises it when the same size of code allows).
 */
export function qrSvg(url: string, padding = 2): string {
  const code = generate(url, { minCorrectionLevel: correction.M });
  const size = code.size + 2 * padding;
  let d = '';
  for (let y = 0; y < code.size; y += 1) {
    let end: number | undefined; // where the row's previous run ended
    for (let x = 0; x < code.size; x += 1) {
      if (!code.get(x, y)) continue;
      const start = x;
      while (x + 1 < code.size && code.get(x + 1, y)) x += 1;
      const run = x - start + 1;
      d += end === undefined ? `M${start + padding} ${y + padding + 0.5}h${run}` : `m${start - end} 0h${run}`;
      end = start + run;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="none" stroke="#000" d="${d}"/></svg>`;
}
