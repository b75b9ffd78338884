// CSV as Belgian spreadsheets open it: `;` between fields (the comma is the decimal sign),
// CRLF line ends, UTF-8 with a byte-order mark so Excel reads accents right. Pure module.
export const CSV_BOM = "\uFEFF";

/** Quotes a field when it holds the separator, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix a quote.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(";"));
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}
