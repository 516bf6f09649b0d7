/** Load a CSV file from disk into a parsed table. */
import { createCsvReader, type CsvOptions, type ParsedTable } from '../data/index.ts';
import { MAX_CSV_BYTES, readChunks } from './files.ts';

/**
 * Stream a CSV file through the engine's reader (the app's reader, chunk by chunk: the text is never held
 * whole) with the reader's `options` (decimal separator, date order, malformed rows). Pipes, devices and
 * files over `MAX_CSV_BYTES` are refused before reading.
 */
export function loadCsv(path: string, options: CsvOptions = {}): ParsedTable {
  let reader: ReturnType<typeof createCsvReader> | null = null;
  readChunks(path, 'CSV file', MAX_CSV_BYTES, (chunk, total) => {
    reader ??= createCsvReader({ ...options, totalBytes: total });
    reader.push(chunk);
  });
  return (reader ?? createCsvReader(options)).finish();
}

/** The part of a prepared dataset that training needs (the run pipeline's `trainingDataOf`, under its CLI name). */
export { trainingDataOf as trainingData } from '../run/index.ts';
