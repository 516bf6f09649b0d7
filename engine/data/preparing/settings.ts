/** What the user chooses about a dataset, and the prepared arrays that come out. */
import type { Problem } from '../../errors.ts';
import type { Task } from '../../spec/types.ts';
import type { MissingStrategy, Preprocessing, Scaling } from './preprocessing.ts';
import type { ColumnType, CsvReading } from '../reading/table.ts';

export type { MissingStrategy, Scaling } from './preprocessing.ts';

/** Every missing-value strategy. */
export const MISSING_STRATEGIES: readonly MissingStrategy[] = ['drop', 'mean', 'median', 'mostFrequent', 'constant'];
/** How a categorical column becomes numbers. */
export type CategoryEncoding = 'oneHot' | 'ordinal';
/** How a date column becomes numbers: its plain parts, year plus sine/cosine of its cycles, or both. */
export type DateEncoding = 'parts' | 'cyclical' | 'both';
/** Every date encoding. */
export const DATE_ENCODINGS: readonly DateEncoding[] = ['parts', 'cyclical', 'both'];
/** What a column is used for. */
export type ColumnRole = 'feature' | 'target' | 'ignore';

/** A column that is neither the target nor a feature, and why. */
export interface LeftOutColumn {
  column: string;
  /** Why, as a clause: "it looks like an identifier (…)", "its role is set to ignore". */
  reason: string;
}

/** The user's choices for one column; omitted fields are inferred. */
export interface ColumnSettings {
  role?: ColumnRole;
  type?: ColumnType;
  /**
   * Default: `mean` for numbers, `mostFrequent` for categories and booleans — but `constant` (a "missing"
   * category of its own) for a category column missing in most training rows.
   */
  missing?: MissingStrategy;
  /** The value used by the `constant` strategy (a number, or a category name). Default 0 or 'missing'. */
  fillValue?: number | string;
  /** Default `oneHot`. */
  encoding?: CategoryEncoding;
  /** Default `standardize` (when preprocessing is on). */
  scaling?: Scaling;
  /**
   * Adds a 0/1 feature that is 1 where the value was missing. Default: on for a number or date column missing in
   * more than 5% of the training rows (MISSING_INDICATOR_SHARE), else off.
   */
  missingIndicator?: boolean;
  /** Date columns: default `parts` (the plain parts that vary in the training rows). */
  dateEncoding?: DateEncoding;
}

/** Everything that decides how a table becomes training arrays. */
export interface DatasetSettings {
  /** Name of the column to predict. */
  target: string;
  /** Overrides the inferred task. */
  task?: 'classification' | 'regression';
  /** Per-column choices, by column name. */
  columns?: Record<string, ColumnSettings>;
  /** Fractions of all rows held out; default { validation: 0.1, test: 0.2 }. Stratified for classification. */
  split?: { validation: number; test: number };
  /**
   * How rows are drawn for the splits: `random` (default; seeded, stratified), or `time`: sorted by a date
   * column, the earliest train, the next validate, the latest test (rows without a date train).
   */
  splitOrder?: SplitOrder;
  /** The date column a `time` split sorts by; default the first date column used as a feature. */
  timeColumn?: string;
  /**
   * Explicit table rows (0-based data rows) of each split, instead of drawing them from `split` — used by
   * k-fold cross-validation so every fold refits the preprocessing on its own training rows. Rows whose
   * target is missing are left out as usual.
   */
  rows?: { train: Int32Array; validation: Int32Array; test: Int32Array };
  /** false: no scaling of features or target (categories are still encoded, missing values still filled). Default true. */
  preprocess?: boolean;
  /** Extra texts read as missing, added to those the table was read with. */
  missingValues?: string[];
  /** At most this many one-hot categories per column; the rarer ones share an "other" column. Default 20. */
  maxCategories?: number;
  /** Text in a numeric column: treat as missing with a warning (default) or refuse. */
  strayText?: 'missing' | 'error';
}

/** See `DatasetSettings.splitOrder`. */
export type SplitOrder = 'random' | 'time';
/** Every split order. */
export const SPLIT_ORDERS: readonly SplitOrder[] = ['random', 'time'];

/** The defaults of `DatasetSettings`. */
export const DEFAULT_SPLIT = { validation: 0.1, test: 0.2 } as const;

/** One split of the prepared data: row-major features and targets. */
export interface Split {
  /** rows × features, row-major. */
  x: Float32Array;
  /** Class index (classification) or target value, scaled when preprocessing is on (regression). */
  y: Float32Array;
  rows: number;
  features: number;
  /** For each row of this split, its row in the table (0-based data row). */
  rowIndices: Int32Array;
}

/** Training-ready data, plus everything needed to transform new data the same way. */
export interface PreparedDataset {
  /** Classes in label-map order (y holds indices into them). */
  task: Task;
  /** Names of the encoded features (one-hot columns expand to one name per category). */
  featureNames: string[];
  train: Split;
  validation: Split;
  test: Split;
  /** Plain JSON; stored in the model file and reused by `applyPreprocessing`. */
  preprocessing: Preprocessing;
  /** How the table was read (decimal separator, date order); stored in the model file beside `preprocessing`. */
  reading: CsvReading;
  /** Every column other than the target that is not a feature, with the reason (hosts list them). */
  leftOut: LeftOutColumn[];
  warnings: Problem[];
}
