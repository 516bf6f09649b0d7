/** Some rows of a parsed table as a table of their own (the app's test split), so every step reads it alike. */
import type { ParsedTable, TableColumn } from '../data/index.ts';

function pick<T extends Float64Array | Int32Array | Uint8Array>(from: T, rows: Int32Array): T {
  const out = new (from.constructor as new (n: number) => T)(rows.length);
  rows.forEach((r, i) => {
    out[i] = from[r]!;
  });
  return out;
}

/** The table with only `rows` (0-based data rows, in that order). */
export function tableRows(table: ParsedTable, rows: Int32Array): ParsedTable {
  const columns = table.columns.map((c): TableColumn => ({
    ...c,
    numbers: pick(c.numbers, rows),
    codes: c.codes ? pick(c.codes, rows) : null,
    dates: c.dates ? pick(c.dates, rows) : null,
    missing: c.missing ? { texts: c.missing.texts, codes: pick(c.missing.codes, rows) } : null,
  }));
  return { ...table, columns, rows: rows.length, lineNumbers: pick(table.lineNumbers, rows) };
}
