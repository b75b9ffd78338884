/**
 * The yearly table as CSV for Belgian spreadsheets: `;` between fields, decimal comma, UTF-8
 * with a byte-order mark (so Excel reads the accents), CRLF line ends. Money is rounded to the
 * cent here, as the contract wants for exports. Pure.
 */
import { type SimulationResult, YEAR_COLUMNS } from "./engine";

/** The CSV has the yearly table's columns, in the same order. */
export const CSV_COLUMNS = YEAR_COLUMNS;

/** 1234.5 -> "1234,50"; -0.001 -> "0,00". */
export function decimalComma(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return (rounded === 0 ? 0 : rounded).toFixed(2).replace(".", ",");
}

function cell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function yearTableCsv(result: SimulationResult, headers: Record<(typeof CSV_COLUMNS)[number], string>): string {
  const lines = [CSV_COLUMNS.map((c) => cell(headers[c])).join(";")];
  for (const row of result.years) {
    lines.push(CSV_COLUMNS.map((c) => (c === "t" || c === "year" ? String(row[c]) : decimalComma(row[c]))).join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
