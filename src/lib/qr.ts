/** A QR code of a URL as an SVG string, drawn at build time for the print view. */
import QRCode from 'qrcode-svg';

/**
 * qrSvg('https://…/fr/') → '<svg viewBox="0 0 37 37" …><path d="M2 2h7v1h-7z…"/></svg>'.
 * One path in module units, a run of dark modules per row segment: about a tenth of the bytes of
 * qrcode-svg's own output (a rectangle per module with two-decimal coordinates), which every
 * shared page carried for its print view (byte budgets). The SVG scales to its box.
 */
export function qrSvg(url: string, padding = 2): string {
  const { modules } = new QRCode({ content: url, ecl: 'M' }).qrcode;
  const size = modules.length + 2 * padding;
  let d = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x += 1) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x += 1;
      const run = x - start + 1;
      d += `M${start + padding} ${y + padding}h${run}v1h-${run}z`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
