/**
 * The fitted preprocessing: plain JSON stored in the model file, so predictions on new raw CSVs apply
 * exactly the transforms fitted on the training split. Each feature maps to x' = (x − center) / scale.
 */

/** How missing values of a column are handled. */
export type MissingStrategy = 'drop' | 'mean' | 'median' | 'mostFrequent' | 'constant';
/** How a numeric column is scaled. */
export type Scaling = 'standardize' | 'minMax' | 'none';

/** Identifies a preprocessing object. */
export const PREPROCESSING_FORMAT = 'backprop-studio/preprocessing';
/**
 * Newest preprocessing version this engine reads and writes. 2 added the `hour` and sine/cosine date parts; a
 * file that uses none of them is written as version 1, which older readers read the same.
 */
export const PREPROCESSING_VERSION = 2;

/** The version a preprocessing needs: 2 when a date transform uses a part version 1 lacked, else 1. */
export function preprocessingVersionOf(features: readonly FeatureTransform[]): number {
  const v1 = ['year', 'month', 'dayOfWeek', 'dayOfYear'];
  return features.some((f) => f.kind === 'datetime' && f.parts.some((p) => !v1.includes(p))) ? 2 : 1;
}

/** How missing values of one feature are filled: `value` is in the column's raw units before scaling. */
export interface FillRule {
  /** The user's strategy; `drop` rows were left out of training and are filled with `value` at prediction. */
  strategy: MissingStrategy;
  value: number;
  /** Emit an extra 0/1 "was missing" feature after this one's outputs. */
  indicator: boolean;
}

/** A number column: fill, then (x − center) / scale. */
export interface NumberTransform {
  kind: 'number';
  column: string;
  fill: FillRule;
  scaling: Scaling;
  center: number;
  scale: number;
}

/** A two-valued column read as 0/1: number cells 0 and 1, or texts in `positive` (1) and `negative` (0), lower-cased. */
export interface BooleanTransform {
  kind: 'boolean';
  column: string;
  positive: string[];
  negative: string[];
  /** `value` is 0 or 1. */
  fill: FillRule;
}

/** A category column as one 0/1 feature per category (plus "other" when rarer categories were merged). */
export interface OneHotTransform {
  kind: 'oneHot';
  column: string;
  categories: string[];
  /** Categories not in the list (rare in training, or never seen) go to an extra "other" feature. */
  hasOther: boolean;
  /** `value` is the index of the category a missing value becomes (−1: all zeros). */
  fill: FillRule;
}

/** A category column as one number: the category's index in `categories`, then scaled. */
export interface OrdinalTransform {
  kind: 'ordinal';
  column: string;
  categories: string[];
  /** `value` is a category index. */
  fill: FillRule;
  scaling: Scaling;
  center: number;
  scale: number;
}

/** The plain parts of a date (UTC), in feature order: year, month 1–12, day of week 0–6 from Sunday, day of year from 1, hour 0–23. */
export const RAW_DATE_PARTS = ['year', 'month', 'dayOfWeek', 'dayOfYear', 'hour'] as const;
/**
 * Sine and cosine of the cycles, in feature order: θ = 2π·(month − 1)/12, 2π·dayOfWeek/7, 2π·(dayOfYear − 1)/365.25,
 * 2π·(hours since midnight, with fractions)/24; so December sits next to January and 23:00 next to midnight.
 */
export const CYCLICAL_DATE_PARTS = [
  'monthSin',
  'monthCos',
  'dayOfWeekSin',
  'dayOfWeekCos',
  'dayOfYearSin',
  'dayOfYearCos',
  'hourSin',
  'hourCos',
] as const;
/** Parts a date column becomes. */
export type DatePart = (typeof RAW_DATE_PARTS)[number] | (typeof CYCLICAL_DATE_PARTS)[number];
/** Every date part a model file may name. */
export const DATE_PARTS: readonly DatePart[] = [...RAW_DATE_PARTS, ...CYCLICAL_DATE_PARTS];

/** A date column as numbers (plain parts and/or the sine and cosine of its cycles), each scaled. */
export interface DateTransform {
  kind: 'datetime';
  column: string;
  parts: DatePart[];
  /** `value` is a timestamp (ms since 1970 UTC) whose parts fill a missing date. */
  fill: FillRule;
  scaling: Scaling;
  center: number[];
  scale: number[];
}

/** How one source column becomes one or more features. */
export type FeatureTransform = NumberTransform | BooleanTransform | OneHotTransform | OrdinalTransform | DateTransform;

/** What y means, and how to map network outputs back. */
export type TargetTransform =
  | { kind: 'classification'; column: string; classes: string[] }
  /** y = (value − mean) / std; mean 0 and std 1 when preprocessing is off. */
  | { kind: 'regression'; column: string; mean: number; std: number };

/** The whole fitted preprocessing of a dataset. */
export interface Preprocessing {
  format: typeof PREPROCESSING_FORMAT;
  version: number;
  target: TargetTransform;
  features: FeatureTransform[];
  /** Encoded feature names, in x's column order. */
  featureNames: string[];
  /** Texts read as missing (lower-cased), so new files are read the same way. */
  missingValues: string[];
  /** Whether features and target are scaled. */
  preprocess: boolean;
}
