// One renderer per output format, used by every command: a command describes its
// result once (as a table, a JSON value, NDJSON records and a CSV sheet) and the
// chosen format picks one.
import { renderCsv, type CsvSheet } from './csv.js';
import { renderJson, renderNdjson } from './json.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface View {
  /** Only for commands that offer a table (ctx.format checks what a command offers). */
  table?: () => string;
  json: () => unknown;
  /** Defaults to the JSON value's items when it is an array. */
  ndjson?: () => readonly unknown[];
  /** Only for commands that offer CSV. */
  csv?: () => CsvSheet;
}

export function renderView(format: Format, view: View): string {
  switch (format) {
    case 'table':
      if (!view.table) throw new Error('this command has no table view');
      return view.table();
    case 'json':
      return renderJson(view.json());
    case 'ndjson': {
      const value = view.ndjson ? view.ndjson() : view.json();
      return renderNdjson(Array.isArray(value) ? value : [value]);
    }
    case 'csv':
      if (!view.csv) throw new Error('this command has no CSV view');
      return renderCsv(view.csv());
  }
}

export { renderCsv, csvCell, type CsvSheet, type CsvCell } from './csv.js';
export { renderJson, renderNdjson } from './json.js';
export { renderTable, type TableColumn, type TableCell, type StyledCell } from './table.js';
export { sanitizeText, sanitizeInline } from './sanitize.js';
export { html, escapeHtml, trustedHtml, anchorId, Html, type HtmlValue } from './html.js';
export { escapeMarkdown, markdownTable } from './markdown.js';
