// CSV for spreadsheets (RFC 4180: CRLF rows, every text field quoted, quotes
// doubled). Text that a spreadsheet would run as a formula (= + - @ tab CR at the
// start) gets a leading ' as OWASP recommends; terminal escapes are removed as in
// every text output, since CSV is often printed to a terminal too.
import { sanitizeText } from './sanitize.js';

export type CsvCell = string | number | null;

export interface CsvSheet {
  headers: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = sanitizeCsvText(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

// Like sanitizeText, but tabs stay tabs: they are data here, and quoting makes them safe.
function sanitizeCsvText(value: string): string {
  return value
    .split('\t')
    .map((part) => sanitizeText(part))
    .join('\t');
}

export function renderCsv(sheet: CsvSheet): string {
  const lines = [sheet.headers, ...sheet.rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
