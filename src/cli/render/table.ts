// Tables for people (cli-table3). Every cell is sanitised here, then styled, so a
// command cannot forget the first or have its colours stripped by it.
import Table from 'cli-table3';
import { sanitizeInline } from './sanitize.js';

export interface TableColumn {
  header: string;
  /** Most columns size to their content; flexible ones wrap to fit the terminal. */
  flex?: boolean;
  align?: 'left' | 'right';
}

export interface StyledCell {
  text: string;
  style?: (text: string) => string;
}

export type TableCell = string | number | null | StyledCell;

export interface TableOptions {
  /** Terminal width to fit in. */
  width: number;
  /** Applied to header cells (bold when colour is on). */
  headerStyle?: (text: string) => string;
}

const MIN_FLEX = 16;

export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[], options: TableOptions): string {
  const texts = rows.map((row) => columns.map((_, i) => cellText(row[i] ?? null)));
  const natural = columns.map((col, i) => Math.max(displayWidth(col.header), ...texts.map((r) => displayWidth(r[i] ?? ''))) + 2);
  const colWidths = fitWidths(columns, natural, options.width);
  const table = new Table({
    head: columns.map((col) => (options.headerStyle ?? String)(col.header)),
    colWidths,
    colAligns: columns.map((col) => col.align ?? 'left'),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  rows.forEach((row, r) => {
    table.push(
      columns.map((_, i) => {
        const cell = row[i] ?? null;
        const text = texts[r]?.[i] ?? '';
        return typeof cell === 'object' && cell !== null && cell.style ? cell.style(text) : text;
      }),
    );
  });
  return `${table.toString()}\n`;
}

function cellText(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return sanitizeInline(typeof cell === 'string' ? cell : cell.text);
}

// Fixed columns keep their natural width; flexible ones share what is left of the
// terminal (borders take one column per cell plus one).
function fitWidths(columns: readonly TableColumn[], natural: number[], width: number): number[] {
  const borders = columns.length + 1;
  const total = natural.reduce((a, b) => a + b, 0) + borders;
  if (total <= width) return natural;
  const fixed = natural.reduce((sum, w, i) => (columns[i]?.flex ? sum : sum + w), 0);
  const flexCount = columns.filter((c) => c.flex).length;
  if (flexCount === 0) return natural;
  const share = Math.max(MIN_FLEX, Math.floor((width - fixed - borders) / flexCount));
  return natural.map((w, i) => (columns[i]?.flex ? Math.min(w, share) : w));
}

// Good enough for sizing: cli-table3 measures East Asian wide characters itself when it wraps.
function displayWidth(text: string): number {
  return [...text].length;
}
