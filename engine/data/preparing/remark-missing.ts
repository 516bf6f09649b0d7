/** Marks more cells as missing after reading (the user added markers such as `unknown` or `-999`). */
import { parseNumber } from '../reading/cells.ts';
import { summarizeColumn } from '../reading/column-summary.ts';
import { inferColumn } from '../reading/infer-column.ts';
import { NOT_TEXT, type ParsedTable, type TableColumn } from '../reading/table.ts';

function remarkColumn(
  col: TableColumn,
  rows: number,
  texts: ReadonlySet<string>,
  numbers: ReadonlySet<number>,
): TableColumn {
  const hitCodes = col.vocabulary.map((v) => texts.has(v.trim().toLowerCase()));
  const anyText = hitCodes.some(Boolean);
  let anyNumber = false;
  if (numbers.size > 0) {
    for (let i = 0; i < rows && !anyNumber; i++) anyNumber = numbers.has(col.numbers[i]!);
  }
  if (!anyText && !anyNumber) return col;
  const nums = anyNumber ? col.numbers.map((v) => (numbers.has(v) ? NaN : v)) : col.numbers;
  const codes = anyText && col.codes ? col.codes.map((c) => (c >= 0 && hitCodes[c] ? NOT_TEXT : c)) : col.codes;
  const arrays = {
    numbers: nums,
    codes,
    vocabulary: [...col.vocabulary],
    dates: col.dates,
    vocabularyOverflow: col.summary.vocabularyOverflow,
  };
  const summary = summarizeColumn(arrays, rows);
  return { name: col.name, format: col.format, ...arrays, summary, inferred: inferColumn(arrays, summary) };
}

/** The table with `extra` texts also read as missing; unchanged columns are shared, not copied. */
export function withMissingValues(table: ParsedTable, extra: readonly string[]): ParsedTable {
  const known = new Set(table.missingValues);
  const added = extra.map((m) => m.trim().toLowerCase()).filter((m) => !known.has(m));
  if (added.length === 0) return table;
  const texts = new Set(added);
  const numbers = new Set(added.map((m) => parseNumber(m, false)).filter((n) => !Number.isNaN(n)));
  return {
    ...table,
    columns: table.columns.map((c) => remarkColumn(c, table.rows, texts, numbers)),
    missingValues: [...table.missingValues, ...added],
  };
}
