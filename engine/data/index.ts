/** Public API of the dataset pipeline: CSV reading, profiling, preprocessing, splits. */
export type {
  ColumnFormat, ColumnInference, ColumnSummary, ColumnType, CsvOptions, CsvProgress, CsvReading, DateOrder, ParsedTable, TableColumn,
  TextEncodingName,
} from './table.ts';
export { COLUMN_TYPES } from './table.ts';
export type {
  CategoryEncoding, ColumnRole, ColumnSettings, DatasetSettings, MissingStrategy, PreparedDataset, Scaling, Split, SplitOrder,
} from './settings.ts';
export { DEFAULT_MAX_CATEGORIES, DEFAULT_SPLIT, MISSING_STRATEGIES, SPLIT_ORDERS } from './settings.ts';
export type {
  BooleanTransform, DatePart, DateTransform, FeatureTransform, FillRule, NumberTransform, OneHotTransform,
  OrdinalTransform, Preprocessing, TargetTransform,
} from './preprocessing.ts';
export { DATE_PARTS, PREPROCESSING_FORMAT, PREPROCESSING_VERSION } from './preprocessing.ts';
export { DEFAULT_MISSING_VALUES } from './cells.ts';
export { DEFAULT_DATE_ORDER } from './day-month-dates.ts';
export { createCsvReader, parseCsv, type CsvReader } from './csv-reader.ts';
export { checkCsvSize, csvTooLargeMessage, MAX_CSV_BYTES } from './limits.ts';
export { missingTextAt, type MissingTexts } from './missing-texts.ts';
export { DATE_ORDERS, DECIMAL_SEPARATORS, isCsvReading, readingOf, readingOptions } from './csv-reading.ts';
export { prepareDataset } from './prepare-dataset.ts';
export { applyPreprocessing, type AppliedPreprocessing } from './apply-preprocessing.ts';
export { transformNames } from './encode-features.ts';
export { cellLabel } from './column-values.ts';
export { decodeOutputs, targetScale, type DecodedOutputs } from './target.ts';
export { inferTask, type LeftOutColumn } from './plan-columns.ts';
export { kFoldSplits, splitRows, timeSplit, type Fold, type RowSplit } from './split.ts';
export {
  profileTable, type ColumnProfile, type DatasetProfile, type HistogramBin, type ProfileOptions, type TargetProfile,
} from './profile.ts';
export { formatProfile } from './format-profile.ts';
