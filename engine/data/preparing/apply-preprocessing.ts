/** Applies a model's stored preprocessing to a new raw table (for predict and evaluate). */
import { DatasetError, ModelFileError, type Problem } from '../../errors.ts';
import { cellLabel, strayText } from '../reading/column-values.ts';
import { createEncoder, encodeRows } from './encode-features.ts';
import { messages } from '../messages.ts';
import { PREPROCESSING_FORMAT, PREPROCESSING_VERSION, type Preprocessing } from './preprocessing.ts';
import { withMissingValues } from './remark-missing.ts';
import type { ParsedTable, TableColumn } from '../reading/table.ts';
import { encodeTarget, readTarget } from './target.ts';

/** Features (and targets when the file has the target column) of every row of a new table. */
export interface AppliedPreprocessing {
  /** rows × features, row-major. */
  x: Float32Array;
  rows: number;
  /** Encoded like training's y; NaN where the target is missing or an unknown class. Null when the column is absent. */
  y: Float32Array | null;
  warnings: Problem[];
}

function checkPreprocessing(pre: Preprocessing): void {
  if (pre.format !== PREPROCESSING_FORMAT)
    throw new ModelFileError(messages.badPreprocessing(`its format is '${String(pre.format)}'`));
  if (!(pre.version <= PREPROCESSING_VERSION)) {
    throw new ModelFileError(
      messages.badPreprocessing(`it is version ${pre.version}, newer than ${PREPROCESSING_VERSION}`),
    );
  }
}

function encodeTargetColumn(
  pre: Preprocessing,
  table: ParsedTable,
  col: TableColumn,
  warnings: Problem[],
): Float32Array {
  const t = pre.target;
  const values = readTarget(col, table.rows, t.kind, t.kind === 'classification' ? t.classes : undefined);
  const all = Int32Array.from({ length: table.rows }, (_, i) => i);
  const y = encodeTarget(t, values, all);
  const examples = new Set<string>();
  let count = 0;
  for (let i = 0; i < table.rows; i++) {
    if (y[i] === y[i]) continue;
    count++;
    if (examples.size < 3) examples.add(cellLabel(col, i) ?? '(missing)');
  }
  if (count > 0) warnings.push(messages.unknownTargetValues(col.name, count, [...examples], t.kind === 'regression'));
  return y;
}

/**
 * Transforms `input` exactly as the training data was: same fills, scales and categories. Unseen
 * categories go to "other" (or count as missing) and are reported; a missing feature column is an error.
 */
export function applyPreprocessing(pre: Preprocessing, input: ParsedTable): AppliedPreprocessing {
  checkPreprocessing(pre);
  const table = withMissingValues(input, pre.missingValues);
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const absent = pre.features.map((f) => f.column).filter((name) => !byName.has(name));
  if (absent.length > 0) throw new DatasetError(messages.missingColumns(absent));
  const warnings: Problem[] = [];
  const encoders = pre.features.map((t) => {
    const col = byName.get(t.column)!;
    if (t.kind === 'number' || t.kind === 'datetime') {
      const stray = strayText(col, table.rows, table.lineNumbers, t.kind === 'datetime');
      if (stray.count > 0)
        warnings.push(messages.strayText(col.name, stray.count, stray.examples, false, t.kind === 'datetime'));
    }
    return createEncoder(t, col, table.rows);
  });
  const all = Int32Array.from({ length: table.rows }, (_, i) => i);
  const x = encodeRows(encoders, all);
  for (const e of encoders) {
    const t = e.transform;
    if (e.unknownCount > 0) {
      const bucket = t.kind === 'oneHot' && t.hasOther ? "'other'" : 'missing';
      warnings.push(messages.unseenCategories(t.column, e.unknownCount, e.unknownExamples, bucket));
    }
    if (t.fill.strategy === 'drop' && e.filledCount > 0)
      warnings.push(messages.filledForDropped(t.column, e.filledCount));
  }
  const targetColumn = byName.get(pre.target.column);
  const y = targetColumn ? encodeTargetColumn(pre, table, targetColumn, warnings) : null;
  return { x, rows: table.rows, y, warnings };
}
