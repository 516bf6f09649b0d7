/** Public API of the dataset pipeline: CSV reading, profiling, preprocessing, splits. */
export type {
  ColumnFormat,
  ColumnInference,
  ColumnSummary,
  ColumnType,
  CsvOptions,
  CsvProgress,
  CsvReading,
  DateOrder,
  ParsedTable,
  TableColumn,
  TextEncodingName,
} from './reading/table.ts';
export { COLUMN_TYPES } from './reading/table.ts';
export type {
  CategoryEncoding,
  ColumnRole,
  ColumnSettings,
  DatasetSettings,
  DateEncoding,
  MissingStrategy,
  PreparedDataset,
  Scaling,
  Split,
  SplitOrder,
} from './preparing/settings.ts';
export { DEFAULT_MAX_CATEGORIES } from './reading/column-use.ts';
export { DATE_ENCODINGS, DEFAULT_SPLIT, MISSING_STRATEGIES, SPLIT_ORDERS } from './preparing/settings.ts';
export type {
  BooleanTransform,
  DatePart,
  DateTransform,
  FeatureTransform,
  FillRule,
  NumberTransform,
  OneHotTransform,
  OrdinalTransform,
  Preprocessing,
  TargetTransform,
} from './preparing/preprocessing.ts';
export {
  CYCLICAL_DATE_PARTS,
  DATE_PARTS,
  PREPROCESSING_FORMAT,
  PREPROCESSING_VERSION,
  RAW_DATE_PARTS,
} from './preparing/preprocessing.ts';
export { DEFAULT_MISSING_VALUES } from './reading/cells.ts';
export { DEFAULT_DATE_ORDER } from './reading/day-month-dates.ts';
export { createCsvReader, parseCsv, type CsvReader } from './reading/csv-reader.ts';
export { checkCsvSize, csvTooLargeMessage, MAX_CSV_BYTES } from './reading/limits.ts';
export { missingTextAt, type MissingTexts } from './reading/missing-texts.ts';
export { DATE_ORDERS, DECIMAL_SEPARATORS, isCsvReading, readingOf, readingOptions } from './reading/csv-reading.ts';
export { prepareDataset } from './preparing/prepare-dataset.ts';
export { applyPreprocessing, type AppliedPreprocessing } from './preparing/apply-preprocessing.ts';
export { transformNames } from './preparing/encode-features.ts';
export { cellLabel } from './reading/column-values.ts';
export { decodeOutputs, targetScale, type DecodedOutputs } from './preparing/target.ts';
export { inferTask } from './reading/column-use.ts';
export type { LeftOutColumn } from './preparing/settings.ts';
export { kFoldSplits, splitRows, timeSplit, type Fold, type RowSplit } from './preparing/split.ts';
export {
  profileTable,
  type ColumnProfile,
  type DatasetProfile,
  type HistogramBin,
  type ProfileOptions,
  type TargetProfile,
} from './reading/profile.ts';
export { formatProfile } from './reading/format-profile.ts';
