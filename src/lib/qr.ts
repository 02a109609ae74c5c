/** A QR code of a URL as an SVG string, drawn at build time for the print view. */
import QRCode from 'qrcode-svg';

export function qrSvg(url: string, size = 112): string {
  const svg = new QRCode({ content: url, padding: 2, width: size, height: size, ecl: 'M', join: true, container: 'svg-viewbox', color: '#000000', background: '#ffffff' }).svg();
  // Presentation attributes instead of style="…": the page's CSP allows no inline style attributes.
  return svg
    .replace(/<\?xml[^>]*>/, '')
    .replace(/style="fill:(#[0-9a-f]{6});shape-rendering:crispEdges;"/gi, 'fill="$1" shape-rendering="crispEdges"')
    .trim();
}
