/**
 * CSV for spreadsheets (RFC 4180): a UTF-8 byte order mark, so that Excel reads Arabic and
 * accented text as UTF-8 rather than the system code page; CRLF line ends; a field is quoted when
 * it holds a comma, a quote, a line break or leading/trailing spaces, and its quotes are doubled.
 * Text a spreadsheet would run as a formula (starting with = + @, a tab, or - and no digit) gets
 * a leading apostrophe, so it stays text: '+33 6' → "'+33 6"; numbers and '-5 %' are left as they are.
 *
 * toCsv(['id', 'value'], [['a', 1.5], ['b "x"', 2]]) → '\uFEFFid,value\r\na,1.5\r\n"b ""x""",2\r\n'
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length)
      throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header ${header.length}`);
  }
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV: ${value} is not a number a spreadsheet can read`);
    return String(value); // JavaScript's shortest round-trip form: 26.22, 0.2, 1200 (no grouping)
  }
  const text = /^[=+@\t\r]|^-(?![\d.,])/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Reads back what toCsv writes (for tests and for reusers' scripts): rows of fields, the BOM
 * dropped. parseCsv('\uFEFFa,"b,c"\r\n') → [['a', 'b,c']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (c === '"') quoted = false;
      else fieldText += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(fieldText);
      fieldText = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
      i++;
    } else if (c === '\n') {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
    } else fieldText += c;
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (fieldText !== '' || row.length > 0) {
    row.push(fieldText);
    rows.push(row);
  }
  return rows;
}
