/** A QR code of a URL as an SVG string, drawn at build time for the print view. */
import QRCode from 'qrcode-svg';

/**
 * qrSvg('https://…/fr/') → '<svg viewBox="0 0 37 37" …><path fill="none" stroke="#000" d="M2 2.5h7m1 0h3…"/></svg>'.
 * One path in module units: each run of dark modules in a row is a line one module thick, the
 * first of a row placed absolutely and the next ones by their gap from the previous run. About a
 * twentieth of the bytes of qrcode-svg's own output (a rectangle per module with two-decimal
 * coordinates), which every shared page carries for its print view. The SVG scales to its box.
 */
export function qrSvg(url: string, padding = 2): string {
  const { modules } = new QRCode({ content: url, ecl: 'M' }).qrcode;
  const size = modules.length + 2 * padding;
  let d = '';
  modules.forEach((row, y) => {
    let end: number | undefined; // where the row's previous run ended
    for (let x = 0; x < row.length; x += 1) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x += 1;
      const run = x - start + 1;
      d += end === undefined ? `M${start + padding} ${y + padding + 0.5}h${run}` : `m${start - end} 0h${run}`;
      end = start + run;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="none" stroke="#000" d="${d}"/></svg>`;
}
