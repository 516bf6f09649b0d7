/** Which split (train, validation, test) each row of a predicted file was in, when the file is the run's own dataset. */
import type { ParsedTable, PreparedDataset, TableColumn } from '../data/index.ts';

/** The `split` cell of a row that was in no split (its target was missing, so preparation left it out). */
export const NOT_USED = 'not used';

function sameNumbers(a: Float64Array | null, b: Float64Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameColumn(a: TableColumn, b: TableColumn): boolean {
  if (a.name !== b.name || !sameNumbers(a.numbers, b.numbers) || !sameNumbers(a.dates, b.dates)) return false;
  if (a.vocabulary.length !== b.vocabulary.length || a.vocabulary.some((v, i) => v !== b.vocabulary[i])) return false;
  if (a.codes === null || b.codes === null) return a.codes === b.codes;
  return a.codes.length === b.codes.length && a.codes.every((c, i) => c === b.codes![i]);
}

/** True when two tables hold the same columns and cells, read the same way (so row r is the same row in both). */
export function isSameTable(a: ParsedTable, b: ParsedTable): boolean {
  return (
    a.rows === b.rows &&
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => sameColumn(c, b.columns[i]!))
  );
}

/** Per row of the prepared table: 'train', 'validation', 'test', or `NOT_USED`. */
export function rowSplits(rows: number, prepared: PreparedDataset): string[] {
  const out = new Array<string>(rows).fill(NOT_USED);
  for (const name of ['train', 'validation', 'test'] as const) {
    for (const r of prepared[name].rowIndices) out[r] = name;
  }
  return out;
}
