/** A QR code of a URL as an SVG string, drawn at build time for the print view. */
import QRCode from 'qrcode-svg';

export function qrSvg(url: string, size = 112): string {
  const svg = new QRCode({ content: url, padding: 2, width: size, height: size, ecl: 'M', join: true, container: 'svg-viewbox', color: '#000000', background: '#ffffff' }).svg();
  return svg.replace(/<\?xml[^>]*>/, '').trim();
}
