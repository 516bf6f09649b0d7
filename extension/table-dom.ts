/**
 * The table reader the extension runs in a page, once, when the user picks "Open this table in Backprop
 * Studio": it finds the table holding the selected text (or the page's only table), reads its cells and
 * returns that table's text as CSV. It changes nothing on the page and reads nothing else.
 */
import type { SourcePage } from './inbox.ts';
import { extensionMessages as m } from './messages.ts';
import { gridCsv, tableGrid, type RowInput } from './table-grid.ts';

/** What the reader sends back: the table as CSV, or why it could not, and in both cases which page it is. */
export type TableReading =
  | { ok: true; name: string; csv: string; rows: number; columns: number; page: SourcePage }
  | { ok: false; message: string; page: SourcePage };

/** The table the user means: the innermost one holding the selection, else the page's only top-level table. */
function chosenTable(doc: Document): HTMLTableElement | string {
  const selection = doc.getSelection();
  for (const node of [selection?.anchorNode, selection?.focusNode]) {
    const element = node instanceof Element ? node : node?.parentElement;
    const table = element?.closest('table');
    if (table) return table;
  }
  const tables = [...doc.querySelectorAll('table')].filter((t) => !t.parentElement?.closest('table'));
  if (tables.length === 0) return m.noTable();
  if (tables.length > 1) return m.manyTables(tables.length);
  return tables[0]!;
}

/** A cell's text as a reader sees it: line breaks and runs of spaces become one space. */
function cellText(cell: HTMLElement): string {
  return (cell.innerText || cell.textContent || '').replace(/\s+/g, ' ').trim();
}

/** The table's rows (its own, not a nested table's) as the grid reader takes them. */
function rowInputs(table: HTMLTableElement): RowInput[] {
  return [...table.rows].map((row) => ({
    inHead: row.parentElement?.tagName === 'THEAD',
    cells: [...row.cells].map((cell) => ({
      text: cellText(cell),
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      isHeader: cell.tagName === 'TH',
      hasTable: cell.querySelector('table') !== null,
    })),
  }));
}

/** A file name for the table: its caption, else the page's title. */
function tableName(table: HTMLTableElement, doc: Document): string {
  const caption = table.caption ? cellText(table.caption) : '';
  const base = (caption || doc.title.trim() || 'table')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${base.slice(0, 80)}.csv`;
}

/** Read the table the user chose on `doc` as CSV of at most `maxBytes`. */
export function readSelectedTable(doc: Document, maxBytes: number): TableReading {
  const page = { title: doc.title.trim(), url: doc.location.href };
  const table = chosenTable(doc);
  if (typeof table === 'string') return { ok: false, message: table, page };
  const grid = tableGrid(rowInputs(table));
  if (!grid.ok) return { ok: false, message: grid.message, page };
  const name = tableName(table, doc);
  const text = gridCsv(grid.names, grid.rows, maxBytes);
  if ('tooLarge' in text) return { ok: false, message: m.tooLarge(name, text.tooLarge, maxBytes), page };
  return { ok: true, name, csv: text.csv, rows: grid.rows.length, columns: grid.names.length, page };
}
