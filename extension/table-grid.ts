/**
 * An HTML table as a grid of text, without the DOM: header rows become column names, row spans repeat their
 * text down, and what cannot be one grid (a nested table, a body cell spanning columns) is refused with a
 * message. table-dom.ts reads the cells from the page; this file decides what they mean.
 */
import { extensionMessages as m } from './messages.ts';

/** One `<td>` or `<th>` as read from the page. */
export interface CellInput {
  /** Its text, whitespace collapsed. */
  text: string;
  rowSpan: number;
  colSpan: number;
  isHeader: boolean;
  /** It holds a `<table>` of its own. */
  hasTable: boolean;
}

/** One `<tr>`; `inHead` when it is in the table's `<thead>`. */
export interface RowInput {
  cells: CellInput[];
  inHead: boolean;
}

/** Column names and the data rows, each as wide as the names; or why the table cannot be read. */
export type TableGrid = { ok: true; names: string[]; rows: string[][] } | { ok: false; message: string };

/** Place every cell in a matrix, spans expanded (a span past the last row stops there). */
function placeCells(rows: readonly RowInput[]): { grid: (CellInput | undefined)[][]; origin: boolean[][] } | string {
  const grid: (CellInput | undefined)[][] = rows.map(() => []);
  const origin: boolean[][] = rows.map(() => []);
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const cell of rows[r]!.cells) {
      while (grid[r]![c] !== undefined) c++;
      if (cell.hasTable) return m.nestedTable(r + 1, c + 1);
      const rowSpan = Math.max(1, Math.min(cell.rowSpan || rows.length - r, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan, 1000));
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr]![c + dc] = cell;
          origin[r + dr]![c + dc] = dr === 0 && dc === 0;
        }
      }
      c += colSpan;
    }
  }
  return { grid, origin };
}

/** How many leading rows are headers: the `<thead>` rows, else leading rows of `<th>` only, else the first row. */
function headerRowCount(rows: readonly RowInput[]): number {
  const inHead = rows.findIndex((r) => !r.inHead);
  if (inHead !== 0) return inHead === -1 ? rows.length : inHead;
  const allTh = rows.findIndex((r) => r.cells.length === 0 || !r.cells.every((c) => c.isHeader));
  if (allTh !== 0) return allTh === -1 ? rows.length : allTh;
  return 1;
}

/** A column's name: its header cells' texts top to bottom, a text repeated by a span said once. */
function columnName(grid: readonly (CellInput | undefined)[][], headers: number, column: number): string {
  const parts: string[] = [];
  let last: CellInput | undefined;
  for (let r = 0; r < headers; r++) {
    const cell = grid[r]![column];
    if (cell && cell !== last && cell.text !== '' && parts.at(-1) !== cell.text) parts.push(cell.text);
    last = cell;
  }
  return parts.join(' ');
}

/** Read `rows` (a table's `<tr>`s in document order) as column names and data rows. */
export function tableGrid(rows: readonly RowInput[]): TableGrid {
  const used = rows.filter((r) => r.cells.length > 0);
  if (used.length === 0) return { ok: false, message: m.emptyTable() };
  const placed = placeCells(used);
  if (typeof placed === 'string') return { ok: false, message: placed };
  const { grid, origin } = placed;
  const width = Math.max(...grid.map((r) => r.length));
  const headers = headerRowCount(used);
  if (headers >= used.length) return { ok: false, message: m.headerOnly(width) };
  const names = Array.from({ length: width }, (_, c) => columnName(grid, headers, c));
  const body: string[][] = [];
  for (let r = headers; r < used.length; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = grid[r]![c];
      if (cell && origin[r]![c] && cell.colSpan > 1)
        return { ok: false, message: m.spanningCell(r + 1, c + 1, cell.colSpan, cell.text) };
      row.push(cell?.text ?? '');
    }
    body.push(row);
  }
  return { ok: true, names, rows: body };
}

/** A CSV cell: quoted when it holds a comma, a quote, a line break or edge spaces (quotes doubled). */
function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 length of `text` without encoding it. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The grid as CSV text (a header line, then one line per row), or its size in UTF-8 bytes when that passes
 * `maxBytes` (lines past the limit are counted, not kept, so a huge table is refused without holding it twice).
 */
export function gridCsv(
  names: readonly string[],
  rows: readonly string[][],
  maxBytes: number,
): { csv: string } | { tooLarge: number } {
  const lines: string[] = [];
  let bytes = 0;
  for (const cells of [names, ...rows]) {
    const line = cells.map(csvCell).join(',');
    bytes += utf8Length(line) + 1;
    if (bytes <= maxBytes) lines.push(line);
  }
  return bytes > maxBytes ? { tooLarge: bytes } : { csv: `${lines.join('\n')}\n` };
}
