/** The shapes of a table's profile (profile.ts builds them; profile-warnings.ts and format-profile.ts read them). */
import type { Problem } from '../../errors.ts';
import type { ColumnFormat, ColumnType } from './table.ts';

/** One histogram bin: values in [from, to) (the last bin includes `to`). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** What one column holds. Dates have their statistics and bins in milliseconds since 1970 UTC. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Why the column is left out by default; null when it is a feature. */
  exclusion: string | null;
  /** The decimal comma or date order the column was read with; null when it needed none. */
  format: ColumnFormat | null;
  missing: number;
  distinct: number;
  /** `distinct` is a lower bound (there are more than DISTINCT_LIMIT values). */
  distinctIsLowerBound: boolean;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Cells that are text in a number or date column. */
  strayText: number;
  /** Most frequent values with their counts (categories, booleans, few-valued integers, identifiers). */
  topValues: { value: string; count: number }[];
  /** Equal-width bins over [min, max] (number and date columns). */
  histogram: HistogramBin[];
}

/** The target as the profile sees it. */
export interface TargetProfile {
  name: string;
  task: 'classification' | 'regression' | null;
  /** Class counts, most frequent first (classification). */
  classes: { value: string; count: number }[];
}

/** A whole table's profile with its data-quality warnings. */
export interface DatasetProfile {
  rows: number;
  columns: ColumnProfile[];
  target: TargetProfile | null;
  duplicateRows: number;
  /** What reading the file found (the table's `warnings`: decimal comma, date order, renamed headers, encoding, …). */
  readingWarnings: Problem[];
  /** Data-quality warnings. */
  warnings: Problem[];
}
