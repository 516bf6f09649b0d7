/** Shared by predict/evaluate/gradients: load a model file and turn a raw CSV into its inputs. */
import { applyPreprocessing, type Preprocessing } from '../../data/index.ts';
import { parseModelFile, type ModelFile } from '../../export/index.ts';
import type { Problem } from '../../errors.ts';
import { loadCsv } from '../dataset.ts';
import { readJson } from '../files.ts';
import { UsageError } from '../usage-error.ts';

/** Model plus preprocessed rows of a CSV file. */
export interface ModelInput {
  model: ModelFile;
  x: Float32Array;
  y: Float32Array | null;
  rows: number;
  warnings: Problem[];
  /** Original CSV rows kept (for writing predictions next to them). */
  table: ReturnType<typeof loadCsv>;
}

/** Load MODEL.json and DATA.csv; the CSV goes through the model's own preprocessing. */
export function loadModelInput(modelPath: string, dataPath: string): ModelInput {
  const model = parseModelFile(readJson(modelPath, 'Model file'));
  const table = loadCsv(dataPath);
  if (model.preprocessing === null) {
    throw new UsageError('cli/no-preprocessing', `Model '${modelPath}' has no preprocessing stored, so raw CSV rows cannot be turned into its inputs. Train it again with Backprop Studio 0.1 or later.`);
  }
  const pre = model.preprocessing as Preprocessing;
  const applied = applyPreprocessing(pre, table);
  return { model, x: applied.x, y: applied.y, rows: applied.rows, warnings: applied.warnings, table };
}
