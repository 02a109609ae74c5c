/**
 * Chromium's PDFs differ from one print to the next in two places: the print time (CreationDate,
 * ModDate in the document information) and, in a tagged PDF, the ids of structure elements,
 * which are DOM node numbers ('node00000247'). For the brochures and the zips holding them to be
 * reproducible, the dates become the day the facts were verified and the ids are renumbered by
 * rank (node00000001…), which keeps the ID tree's names sorted. Everything is rewritten in place
 * with strings of the same length, so the cross-reference offsets stay right.
 */
const stamp = /\/(CreationDate|ModDate) \(D:\d{14}[^)]{0,7}\)/g;

/** A PDF date of the same length as Chromium's: '2026-11-27' → "D:20261127000000+00'00'". */
export function pdfDate(isoDay: string): string {
  return `D:${isoDay.replace(/-/g, '')}000000+00'00'`;
}

const nodeId = /\(node(\d{8})\)/g;

/** The PDF with its print dates set to `isoDay` (UTC midnight) and its node ids renumbered; the rest is left byte for byte. */
export function normalizePdf(pdf: Uint8Array, isoDay: string): Uint8Array {
  // latin1 maps each byte to one character and back, so binary streams survive the round trip.
  const text = Buffer.from(pdf).toString('latin1');
  const ids = [...new Set([...text.matchAll(nodeId)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  const out = text
    .replace(stamp, (whole, key: string) => {
      const next = `/${key} (${pdfDate(isoDay)})`;
      return next.length === whole.length ? next : whole;
    })
    .replace(nodeId, (_, id: string) => `(node${rank.get(Number(id))})`);
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
