/** Some rows of the loaded table as a table of their own, so the model's preprocessing reads only those rows. */
import type { ParsedTable, TableColumn } from '../data/index.ts';

function pick<T extends Float64Array | Int32Array>(values: T, rows: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  rows.forEach((r, i) => {
    out[i] = values[r]!;
  });
  return out;
}

/** The cells of `rows` (table positions) of one column; vocabulary, summary and type stay the whole column's. */
export function columnRows(col: TableColumn, rows: Int32Array): TableColumn {
  return {
    ...col,
    numbers: pick(col.numbers, rows),
    codes: col.codes ? pick(col.codes, rows) : null,
    dates: col.dates ? pick(col.dates, rows) : null,
    // Missing-marker texts only matter when a file is written back, which this table never is.
    missing: null,
  };
}

/** A table of the rows `rows` of `table`, in that order (row i is table row rows[i]). */
export function tableRows(table: ParsedTable, rows: Int32Array): ParsedTable {
  return {
    ...table,
    rows: rows.length,
    lineNumbers: pick(table.lineNumbers, rows),
    columns: table.columns.map((c) => columnRows(c, rows)),
  };
}
