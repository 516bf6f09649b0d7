/** Shared by predict/evaluate/gradients: load a model file and turn a raw CSV into its inputs. */
import { applyPreprocessing, readingOptions, type CsvOptions, type Preprocessing } from '../../data/index.ts';
import { parseModelFile, type ModelFile } from '../../export/index.ts';
import type { Problem } from '../../errors.ts';
import { loadCsv } from '../dataset.ts';
import { readJson } from '../files.ts';
import { UsageError } from '../usage-error.ts';

/** Model plus preprocessed rows of a CSV file. */
export interface ModelInput {
  model: ModelFile;
  /** The model's preprocessing (a model without one is refused on load). */
  pre: Preprocessing;
  x: Float32Array;
  y: Float32Array | null;
  rows: number;
  /** What reading the CSV noticed (detected separators and date orders, …), then what preprocessing did. */
  warnings: Problem[];
  /** Original CSV rows kept (for writing predictions next to them). */
  table: ReturnType<typeof loadCsv>;
}

/**
 * Load MODEL.json and DATA.csv; the CSV is read the way the model's training file was (its stored
 * decimal separator and date order; `overrides` from the flags win) and goes through its preprocessing.
 */
export function loadModelInput(modelPath: string, dataPath: string, overrides: CsvOptions = {}): ModelInput {
  const model = parseModelFile(readJson(modelPath, 'Model file'));
  const table = loadCsv(dataPath, { ...readingOptions(model.reading), ...overrides });
  if (model.preprocessing === null) {
    throw new UsageError(
      'cli/no-preprocessing',
      `Model '${modelPath}' has no preprocessing stored, so raw CSV rows cannot be turned into its inputs. Train it again with Backprop Studio 0.1 or later.`,
    );
  }
  const pre = model.preprocessing;
  const applied = applyPreprocessing(pre, table);
  return {
    model,
    pre,
    x: applied.x,
    y: applied.y,
    rows: applied.rows,
    warnings: [...table.warnings, ...applied.warnings],
    table,
  };
}
