/**
 * What the column readers share: a finished column's arrays and the limits inference and the format
 * detectors agree on. It imports no reader, so the readers (builder, formats, summary, inference) form no cycle.
 */
import type { MissingTexts } from './missing-texts.ts';

/** The raw arrays of a finished column, trimmed to the row count. */
export interface ColumnArrays {
  numbers: Float64Array;
  codes: Int32Array | null;
  vocabulary: string[];
  dates: Float64Array | null;
  vocabularyOverflow: boolean;
  /** How missing cells were written (`NA`, …), to write them back as they were; absent or null when none had text. */
  missing?: MissingTexts | null;
}

/** Distinct values are counted exactly up to this many; beyond it the count reads "more than". */
export const DISTINCT_LIMIT = 10_000;

/** At most this fraction of a numeric column's cells may be stray text. */
export const STRAY_TEXT_FRACTION = 0.1;
