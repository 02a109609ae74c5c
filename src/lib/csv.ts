/** CSV for spreadsheets: toCsv(['a', 'b'], [[1, 'x,y']]) → '\uFEFFa,b\r\n1,"x,y"\r\n' (UTF-8 BOM, CRLF, RFC 4180 quoting). */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
