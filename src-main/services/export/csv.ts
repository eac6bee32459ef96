import Papa from 'papaparse';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR) as a formula: prefix such text with an
 * apostrophe so a candidate's feedback can never become a formula on a panel lead's machine (OWASP CSV injection).
 */
export function guardCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads macrons and accents right) and CRLF line ends. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const data = rows.map((r) => columns.map((c) => guardCell(r[c] ?? '')));
  return `\uFEFF${Papa.unparse({ fields: columns, data }, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`;
}
