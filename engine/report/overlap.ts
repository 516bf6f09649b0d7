/**
 * Whether a report's rows look like the model's whole training file: the model file stores each split's
 * per-class support (classification), so a file with as many scored rows as train + validation + test
 * together is very likely the training file, and most of its rows trained the model.
 */
import type { ModelFile } from '../export/index.ts';
import { reportMessages } from './messages.ts';

/** Rows per split from the stored per-class supports; null when the model file does not store them. */
function splitRows(model: ModelFile): { train: number; validation: number; test: number } | null {
  const rows = (name: 'train' | 'validation' | 'test'): number | null => {
    const m = model.metrics[name];
    if (m === undefined) return 0;
    if (m.kind !== 'classification') return null;
    return m.classes.reduce((sum, c) => sum + c.support, 0);
  };
  const train = rows('train');
  const validation = rows('validation');
  const test = rows('test');
  return train === null || validation === null || test === null ? null : { train, validation, test };
}

/**
 * A warning when `scored` rows of `file` are as many as the model's training file had (its training rows
 * among them), else null. Regression model files store no row counts, so they are never flagged.
 */
export function trainingRowsWarning(model: ModelFile, file: string, scored: number): string | null {
  const s = splitRows(model);
  if (!s || s.train === 0 || scored !== s.train + s.validation + s.test) return null;
  return reportMessages.trainingRows(file, scored, s.train + s.validation, s.test).message;
}
