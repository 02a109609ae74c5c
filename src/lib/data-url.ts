/**
 * An SVG as a `data:` URL, for a small image that should cost no request (the favicon: browsers
 * fetch it as soon as the page has loaded, while a slow mobile link still carries the fonts).
 * The text stays short: whitespace runs become one space, double quotes become single ones (the
 * URL sits in a double-quoted attribute), and only the characters a URL cannot carry as they are
 * (space included: the Nu checker rejects it) get percent-encoded.
 */
export function svgDataUrl(svg: string): string {
  const text = svg
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/"/g, "'")
    .replace(/[%#<>?[\\\]^`{|} \u{0}-\u{1f}\u{7f}-\u{10ffff}]/gu, (c) => encodeURIComponent(c));
  return `data:image/svg+xml,${text}`;
}
