/** Load a CSV file from disk into a parsed table, and turn prepared splits into training data. */
import { parseCsv, targetScale, type CsvOptions, type ParsedTable, type PreparedDataset } from '../data/index.ts';
import type { TrainingData } from '../train/index.ts';
import { readBytes } from './files.ts';

/** Read and parse a CSV file with the reader's `options` (decimal separator, date order, malformed rows). */
export function loadCsv(path: string, options: CsvOptions = {}): ParsedTable {
  return parseCsv(readBytes(path, 'CSV file'), options);
}

/** The part of a prepared dataset that training needs. */
export function trainingData(d: PreparedDataset): TrainingData {
  return {
    task: d.task, featureNames: d.featureNames, train: d.train,
    validation: d.validation.rows > 0 ? d.validation : null,
    targetScale: targetScale(d.preprocessing),
  };
}
