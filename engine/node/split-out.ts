/**
 * `train --split-out DIR`: the rows of each split (train, validation, test) as CSV files, so the held-out test
 * rows can be given to `report`, `evaluate` or `explain` without retraining or guessing the split.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell } from '../csv-cell.ts';
import { missingTextAt, type ParsedTable, type PreparedDataset } from '../data/index.ts';
import { cellText } from '../run/index.ts';
import { rethrowFsError } from './fs-errors.ts';
import type { OutputFile } from './outputs.ts';
import { writeFileAtomic } from './outputs.ts';
import { UsageError } from './usage-error.ts';

/** The splits written, in order, each as `<name>.csv`. */
const SPLIT_FILES = ['train', 'validation', 'test'] as const;

/**
 * The three files of `--split-out DIR`, for `checkOutputs`; the folder is created when missing (a file of
 * that name is refused), so the checks that follow see where the files will go.
 */
export function splitOutFiles(dir: string): OutputFile[] {
  if (dir.trim() === '') throw new UsageError('cli/empty-output', "--split-out needs a folder name, got ''.");
  let isFolder = false;
  try {
    isFolder = statSync(dir).isDirectory();
    if (!isFolder) {
      throw new UsageError(
        'cli/split-out-not-folder',
        `--split-out '${dir}' is a file; it takes a folder for train.csv, validation.csv and test.csv. ` +
          'Name a new or existing folder. Nothing was computed.',
      );
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (made) {
      rethrowFsError(made, 'write', dir);
    }
  }
  return SPLIT_FILES.map((name) => ({ flag: '--split-out', path: join(dir, `${name}.csv`), example: `${name}.csv` }));
}

/** The CSV text of the table's rows `rows`: the header and every cell as read (numbers in shortest form with a decimal point, missing cells as written). */
function rowsCsv(table: ParsedTable, rows: ArrayLike<number>): string {
  const d = table.delimiter;
  const lines = [table.columns.map((c) => csvCell(c.name, d)).join(d)];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    lines.push(table.columns.map((c) => csvCell(cellText(c, r) || missingTextAt(c.missing, r), d)).join(d));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `train.csv`, `validation.csv` and `test.csv` into `dir`; returns one line per file for the user. */
export function writeSplits(dir: string, table: ParsedTable, prepared: PreparedDataset): string[] {
  return SPLIT_FILES.map((name) => {
    const split = prepared[name];
    const path = join(dir, `${name}.csv`);
    writeFileAtomic(path, rowsCsv(table, split.rowIndices));
    return `Wrote the ${split.rows} ${name} rows to ${path}`;
  });
}
