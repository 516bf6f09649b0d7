/**
 * The data family: load a CSV into the worker's current table, page through its rows, and check the
 * dataset settings against it.
 */
import type { Problem } from '../errors.ts';
import type { Task } from '../spec/index.ts';
import {
  DATE_ORDERS,
  DECIMAL_SEPARATORS,
  type ColumnType,
  type CsvOptions,
  type CsvReading,
  type DatasetSettings,
} from '../data/index.ts';
import { isSourcePage, type SourcePage } from '../export/index.ts';
import { ProtocolError, reply, request, type ByteSource } from './fields.ts';

/** A bar of a numeric column's histogram: values in [from, to). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** How often a category occurs. */
export interface CategoryCount {
  value: string;
  count: number;
}

/** One column of a loaded table, as the data view shows it. */
export interface ColumnInfo {
  name: string;
  /** The inferred type. */
  type: ColumnType;
  /** Why the column is left out of training by default; null when it is used. */
  exclusion: string | null;
  missing: number;
  /** Distinct non-missing values (large counts are a lower bound). */
  distinct: number;
  /** Over the number cells; null when there are none. */
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  /** Numeric columns: histogram of the number cells. */
  histogram: HistogramBin[];
  /** Text columns: the most frequent values, most frequent first. */
  topCategories: CategoryCount[];
}

/** See `TableInfo.dateOrderFound`. */
export type DateOrderFound = 'none' | 'detected' | 'assumed' | 'differs';

/** A loaded CSV: its shape, columns, and what the reader noticed. */
export interface TableInfo {
  /** File name shown to the user. */
  name: string;
  rows: number;
  columns: ColumnInfo[];
  delimiter: string;
  encoding: string;
  /** The decimal separator and date order the file was read with (the options sent, else what was detected). */
  reading: CsvReading;
  /**
   * Where `reading.dateOrder` comes from: `none` (no column has dates like 03/04/2024), `detected` (a date
   * told day and month apart, or the order was set), `assumed` (none did: the default, day-first), or
   * `differs` (columns were read in different orders; `reading.dateOrder` is null).
   */
  dateOrderFound: DateOrderFound;
  /** Non-blocking reading problems (renamed headers, encoding fallback, …). */
  warnings: Problem[];
}

/** The prepared dataset as the UI needs to know it. */
export interface DatasetSummary {
  task: Task;
  /** Input features after encoding (one-hot columns expand). */
  featureNames: string[];
  rows: { train: number; validation: number; test: number };
  /** Rows dropped by the missing-value settings. */
  droppedRows: number;
  warnings: Problem[];
}

/** The reading options `data/load` takes (each optional: detected, or the reader's default, when omitted). */
export type LoadOptions = Pick<CsvOptions, 'decimal' | 'dateOrder' | 'raggedRows'>;

/** Each `data/load` option: absent, or one of these values. */
export const LOAD_OPTION_VALUES: { readonly [K in keyof Required<LoadOptions>]: readonly string[] } = {
  decimal: DECIMAL_SEPARATORS,
  dateOrder: DATE_ORDERS,
  raggedRows: ['error', 'skip'],
};

function checkLoadOptions(options: LoadOptions | null): void {
  if (!options) return;
  for (const [key, v] of Object.entries(options)) {
    const valid = Object.hasOwn(LOAD_OPTION_VALUES, key) ? LOAD_OPTION_VALUES[key as keyof LoadOptions] : undefined;
    if (!valid) {
      const options = Object.keys(LOAD_OPTION_VALUES).join(', ');
      throw new ProtocolError(`request 'data/load' field 'options.${key}' is not a reading option (${options})`);
    }
    if (v !== undefined && !valid.includes(v as string)) {
      throw new ProtocolError(
        `request 'data/load' field 'options.${key}' is not one of ${valid.map((x) => `'${x}'`).join(', ')}`,
      );
    }
  }
}

function sourceBuffer(source: ByteSource | ArrayBuffer): ArrayBuffer[] {
  return source instanceof ArrayBuffer ? [source] : [];
}

/** The data requests. */
export const DATA_REQUESTS = {
  /**
   * Read a CSV (streamed from a Blob, or bytes) and make it the current table; reading the same file again
   * with other `options` (decimal separator, date order, malformed rows) re-profiles it. Omitted options are detected.
   */
  'data/load': request<{ name: string; source: ByteSource | ArrayBuffer; options: LoadOptions | null }>()(
    'data/loaded',
    { name: 'string', source: 'source', options: 'object?' },
    { check: (m) => checkLoadOptions(m.options), transfer: (m) => sourceBuffer(m.source) },
  ),
  /**
   * The web page the current table came from (the browser extension's menu), or null for a file; run model
   * files keep it. A `data/load` forgets it, so it is sent after each load it belongs to.
   */
  'data/source': request<{ page: SourcePage | null }>()(
    'data/sourced',
    { page: 'object?' },
    {
      check: (m) => {
        if (m.page !== null && !isSourcePage(m.page))
          throw new ProtocolError("request 'data/source' field 'page' is not { title, url }");
      },
    },
  ),
  /** Rows of the current table as display strings: a window `start..start+count`, or the listed rows. */
  'data/rows': request<{ start: number; count: number; indices: Int32Array | null }>()('data/rows', {
    start: 'number',
    count: 'number',
    indices: 'i32?',
  }),
  /** Check the dataset settings against the current table: task, features, split sizes, warnings. */
  'data/prepare': request<{ settings: DatasetSettings; seed: number }>()('data/prepared', {
    settings: 'object',
    seed: 'number',
  }),
};

/** The data events. */
export const DATA_EVENTS = {
  /** Reading progress of a `data/load` (`fraction` null when the size is unknown). */
  'data/progress': reply<{ bytes: number; rows: number; fraction: number | null }>()({
    bytes: 'number',
    rows: 'number',
    fraction: 'number?',
  }),
  'data/loaded': reply<{ table: TableInfo }>()({ table: 'object' }),
  /** The source page of `data/source` is kept with the current table. */
  'data/sourced': reply<{ page: SourcePage | null }>()({ page: 'object?' }),
  'data/rows': reply<{ start: number; indices: Int32Array | null; cells: string[][] }>()({
    start: 'number',
    indices: 'i32?',
    cells: 'array',
  }),
  'data/prepared': reply<{ summary: DatasetSummary }>()({ summary: 'object' }),
};
