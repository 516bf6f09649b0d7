/** The parsed table: columns stored compactly (typed arrays and dictionaries), never as row objects. */
import type { Problem } from '../../errors.ts';
import type { MissingTexts } from './missing-texts.ts';

/** What a column holds, as inferred from its values or set by the user. */
export type ColumnType = 'numeric' | 'integer' | 'boolean' | 'categorical' | 'datetime' | 'identifier' | 'text';

/** Every column type, in the order the UI lists them. */
export const COLUMN_TYPES: readonly ColumnType[] = [
  'numeric',
  'integer',
  'boolean',
  'categorical',
  'datetime',
  'identifier',
  'text',
];

/** Code in `TableColumn.codes` for a cell that is not text (a number, a date, or missing). */
export const NOT_TEXT = -1;
/** Code for a text cell whose value was not kept because the column has too many distinct texts. */
export const TEXT_OVERFLOW = -2;

/** Counts and statistics of one column, computed once after parsing. */
export interface ColumnSummary {
  /** Cells that are empty or a missing-value marker. */
  missing: number;
  /** Cells that read as numbers. */
  numbers: number;
  /** Cells that read as text (neither number, date nor missing). */
  texts: number;
  /** Cells that read as dates or date-times. */
  dates: number;
  /** Distinct non-missing values, counted up to `DISTINCT_LIMIT + 1` (more reads as "many"). */
  distinct: number;
  /** Over the number cells only; NaN when there are none. */
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation of the number cells. */
  std: number;
  /** Every number cell is a whole number. */
  allIntegers: boolean;
  /** The number cells read 1, 2, 3, … down the rows: a row number, not a feature. */
  isRowNumber: boolean;
  /** Distinct texts beyond `MAX_VOCABULARY` were not kept. */
  vocabularyOverflow: boolean;
}

/** The inferred type of a column and, when it is left out of training by default, why. */
export interface ColumnInference {
  type: ColumnType;
  /** Every non-missing cell has the same value (or all are missing). */
  isConstant: boolean;
  /** Why this column is excluded from the features by default; null when it is used. */
  exclusion: string | null;
}

/** Which of two numbers in a date like 03/04/2024 is the day. */
export type DateOrder = 'dayFirst' | 'monthFirst';

/** How the cells of a column were written, when the reader had to recognize a local convention. */
export interface ColumnFormat {
  /** Numbers use a decimal comma (`5,1` is 5.1), detected from the column's values. */
  decimalComma: boolean;
  /** Thousands separator: next to a decimal comma (`1.234,5` or `1 234,5`), or ',' (`69,748`); null when none is used. */
  thousands: '.' | ' ' | ',' | null;
  /** Order of day and month in dates like `31/12/2024`; null when the column has no such dates. */
  dateOrder: DateOrder | null;
  /** No date told day and month apart (every part was 12 or less), so `dateOrder` is the default. */
  dateOrderAssumed: boolean;
}

/** One column of a parsed CSV. Exactly one of `numbers`, `codes`, `dates` describes each non-missing cell. */
export interface TableColumn {
  name: string;
  /** The local convention the column's numbers or dates were read with; null when none was needed. */
  format: ColumnFormat | null;
  /** Per row: the cell's number; NaN when the cell is missing, text or a date. */
  numbers: Float64Array;
  /** Per row: the cell's index into `vocabulary`, or NOT_TEXT / TEXT_OVERFLOW; null when no cell is text. */
  codes: Int32Array | null;
  /** The distinct texts of the column, in order of first appearance. */
  vocabulary: readonly string[];
  /** Per row: a date cell as milliseconds since 1970-01-01 UTC, NaN otherwise; null when no cell is a date. */
  dates: Float64Array | null;
  /** How each missing cell was written (`NA`, …), for files written back; absent or null when none had text. */
  missing?: MissingTexts | null;
  summary: ColumnSummary;
  inferred: ColumnInference;
}

/**
 * The decimal separator and date order a CSV was read with: the user's choice, else what detection used.
 * A model file stores it so new files are read the way its training file was.
 */
export interface CsvReading {
  /** ',' when set so, or when some column was read with a decimal comma; else '.'. */
  decimal: '.' | ',';
  /**
   * The order set, else the one every column with dates like `03/04/2024` was read in; null when no
   * column has such dates, or columns were read in different orders (each is then detected on its own).
   */
  dateOrder: DateOrder | null;
}

/** A whole parsed CSV file. */
export interface ParsedTable {
  columns: TableColumn[];
  /** The decimal separator and date order in effect (set or detected). */
  reading: CsvReading;
  /** Number of data rows (the header is not counted). */
  rows: number;
  /** Per data row: the 1-based line of the file where the row starts (the header is line 1). */
  lineNumbers: Int32Array;
  delimiter: string;
  hasHeader: boolean;
  encoding: TextEncodingName;
  /** Line ending of the first line break; files may mix them, every kind is read. */
  lineEnding: '\n' | '\r\n' | '\r' | null;
  /** The markers read as missing values (lower-cased). */
  missingValues: readonly string[];
  /** Non-blocking problems found while reading (renamed headers, encoding fallback, …). */
  warnings: Problem[];
}

/** The text encodings the reader understands. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Options of `parseCsv` and `createCsvReader`; every field is optional and detected when omitted. */
export interface CsvOptions {
  /** One of `,` `;` tab `|`; detected from the first lines when omitted. */
  delimiter?: string;
  /** Whether the first row names the columns; detected when omitted. */
  header?: boolean;
  /** Extra texts that mean "missing" (compared without case), added to the defaults. */
  missingValues?: readonly string[];
  /**
   * Decimal separator of number cells. When omitted, '.' — and, in a file not delimited by ',', a column
   * whose numbers all use a decimal comma (`5,1`, `1.234,5`, `1 234,5`) is detected and read with it.
   * Set '.' to turn that detection off, or ',' to read every column with a decimal comma, where '.' and
   * spaces separate thousands (`1.234,5`, `1 234,5`, and `2.500` is 2500).
   */
  decimal?: '.' | ',';
  /**
   * Order of day and month in dates like `31/12/2024`, `31.12.2024` or `12-31-2024`. When omitted it is
   * detected per column (a first part above 12 means day-first, a second part above 12 month-first), and a
   * column where every part is 12 or less is read `DEFAULT_DATE_ORDER` (day-first) with a warning.
   */
  dateOrder?: DateOrder;
  /** What to do with rows whose number of values differs from the header: refuse (default) or skip them. */
  raggedRows?: 'error' | 'skip';
  /** File size in bytes, when known, so progress can report a fraction. */
  totalBytes?: number;
}

/** Progress of a streaming read. */
export interface CsvProgress {
  bytes: number;
  rows: number;
  /** bytes / totalBytes, or null when the size is unknown. */
  fraction: number | null;
}
