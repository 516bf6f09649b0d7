/** A table with prediction columns added, written back as CSV text. */
import { csvCell } from '../csv-cell.ts';
import { missingTextAt, type DecodedOutputs, type ParsedTable } from '../data/index.ts';
import { cellText } from './table-store.ts';

const quote = (s: string, delimiter: string): string => csvCell(s, delimiter);

/** Short, stable text for a probability or a regression value. */
function num(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(7))) : '';
}

/**
 * Every row of `table` (missing cells as they were written, e.g. `NA`) with a `prediction` column added
 * (named as in the CLI's output), and for classification one `probability_<class>` column per class; with
 * `splits` (when the file is the run's own dataset), a `split` column before them says where each row was:
 * train, validation, test or not used. Uses the file's own delimiter; text that a spreadsheet would run as a
 * formula (labels, cells, headers) is neutralized by the shared cell writer.
 */
export function predictionsCsv(table: ParsedTable, decoded: DecodedOutputs, splits: readonly string[] | null = null): string {
  const d = table.delimiter;
  const header = [...table.columns.map((c) => c.name), ...(splits ? ['split'] : []), 'prediction'];
  if (decoded.kind === 'classification') for (const c of decoded.classes) header.push(`probability_${c}`);
  const lines = [header.map((h) => quote(h, d)).join(d)];
  const k = decoded.kind === 'classification' ? decoded.classes.length : 0;
  for (let r = 0; r < table.rows; r++) {
    // A missing cell is written back as it was written (NA, n/a, …), not as an empty cell.
    const cells = table.columns.map((c) => quote(cellText(c, r) || missingTextAt(c.missing, r), d));
    if (splits) cells.push(splits[r] ?? '');
    if (decoded.kind === 'classification') {
      cells.push(quote(decoded.labels[r] ?? '', d));
      for (let c = 0; c < k; c++) cells.push(num(decoded.probabilities[r * k + c] ?? NaN));
    } else {
      cells.push(num(decoded.values[r] ?? NaN));
    }
    lines.push(cells.join(d));
  }
  return `${lines.join('\n')}\n`;
}
