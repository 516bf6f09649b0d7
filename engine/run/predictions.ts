/** The predictions step of the run pipeline: a model's outputs for new rows, decoded, and the one predictions-CSV writer. */
import type { Backend } from '../backend/index.ts';
import { csvCell } from '../csv-cell.ts';
import {
  decodeOutputs,
  missingTextAt,
  type DecodedOutputs,
  type ParsedTable,
  type TableColumn,
} from '../data/index.ts';
import { predictWithModel, type ModelFile } from '../export/index.ts';
import { preprocessingOf } from './evaluate.ts';

/** Predicted labels with probabilities, or values in the target's units, for preprocessed rows x [rows, inputs]. */
export async function predictions(
  model: ModelFile,
  backend: Backend,
  x: Float32Array,
  rows: number,
): Promise<DecodedOutputs> {
  const pre = preprocessingOf(model);
  const out = await predictWithModel(model, backend, x, rows);
  return decodeOutputs(pre, out, rows, model.outputs);
}

/** A cell as text; empty for a missing cell. Dates print as ISO dates (with the time when it is not midnight). */
export function cellText(col: TableColumn, row: number): string {
  const n = col.numbers[row] ?? NaN;
  if (n === n) return String(n);
  const code = col.codes ? (col.codes[row] ?? -1) : -1;
  if (code >= 0) return col.vocabulary[code] ?? '';
  const t = col.dates ? (col.dates[row] ?? NaN) : NaN;
  if (t === t) {
    const iso = new Date(t).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return '';
}

/** Short, stable text for a probability or a regression value (7 significant digits; empty when not finite). */
function num(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(7))) : '';
}

/** What goes beside the predictions. */
export interface PredictionsCsvOptions {
  /**
   * The table the rows came from, to write its columns first (missing cells as they were written, e.g.
   * `NA`) in the file's own delimiter; without it, only the prediction columns, comma-separated.
   */
  inputs?: ParsedTable | null;
  /** Per row, the split it was in (train, validation, test, not used): a `split` column before the predictions. */
  splits?: readonly string[] | null;
}

/**
 * The one predictions-CSV writer (the CLI's `predict` and the app's predictions export): a `prediction`
 * column, and for classification one `probability_<class>` column per class, one line per row. Text a
 * spreadsheet would run as a formula (labels, cells, headers) is neutralized by the shared cell writer.
 */
export function predictionsCsv(decoded: DecodedOutputs, o: PredictionsCsvOptions = {}): string {
  const table = o.inputs ?? null;
  const d = table?.delimiter ?? ',';
  const rows = decoded.kind === 'classification' ? decoded.labels.length : decoded.values.length;
  const header = [...(table ? table.columns.map((c) => c.name) : []), ...(o.splits ? ['split'] : []), 'prediction'];
  if (decoded.kind === 'classification') for (const c of decoded.classes) header.push(`probability_${c}`);
  const lines = [header.map((h) => csvCell(h, d)).join(d)];
  const k = decoded.kind === 'classification' ? decoded.classes.length : 0;
  for (let r = 0; r < rows; r++) {
    // A missing cell is written back as it was written (NA, n/a, …), not as an empty cell.
    const cells = table ? table.columns.map((c) => csvCell(cellText(c, r) || missingTextAt(c.missing, r), d)) : [];
    if (o.splits) cells.push(o.splits[r] ?? '');
    if (decoded.kind === 'classification') {
      cells.push(csvCell(decoded.labels[r] ?? '', d));
      for (let c = 0; c < k; c++) cells.push(num(decoded.probabilities[r * k + c] ?? NaN));
    } else {
      cells.push(num(decoded.values[r] ?? NaN));
    }
    lines.push(cells.join(d));
  }
  return `${lines.join('\n')}\n`;
}
