/** Fits each feature's transform (fill values, scales, category lists) on the training rows only. */
import { DatasetError } from '../../errors.ts';
import { parseDate } from '../reading/cells.ts';
import { categoryView, sortLabels } from '../reading/column-values.ts';
import { FALSE_WORDS, TRUE_WORDS } from '../reading/infer-column.ts';
import { messages } from '../messages.ts';
import type { FeaturePlan } from './plan-columns.ts';
import { RAW_DATE_PARTS, type DatePart, type FeatureTransform, type FillRule } from './preprocessing.ts';
import { rawBoolean, rawCategories, rawDatePart } from './raw-values.ts';
import type { MissingStrategy, Scaling } from './preprocessing.ts';
import type { DateEncoding } from './settings.ts';
import { mean, median, mostFrequent, observed, range, std } from './statistics.ts';

/** Settings that apply to every feature. */
export interface FitOptions {
  preprocess: boolean;
  maxCategories: number;
}

/** Above this share of missing training rows a category column's missing values get a category of their own by default. */
export const MOSTLY_MISSING = 0.5;

/** Label given to missing values by the `constant` strategy of a category column when no fill value is set. */
export const MISSING_CATEGORY = 'missing';

function fillRule(strategy: MissingStrategy, values: Float64Array, constant: number, indicator: boolean): FillRule {
  const value =
    strategy === 'median'
      ? median(values)
      : strategy === 'mostFrequent'
        ? mostFrequent(values)
        : strategy === 'constant'
          ? constant
          : mean(values);
  return { strategy, value: Number.isFinite(value) ? value : 0, indicator };
}

/** center and scale so that (x − center) / scale is standardized, in [0, 1], or unchanged. */
export function scaleFor(scaling: Scaling, values: Float64Array): { center: number; scale: number } {
  if (scaling === 'none' || values.length === 0) return { center: 0, scale: 1 };
  if (scaling === 'minMax') {
    const { min, max } = range(values);
    return { center: min, scale: max > min ? max - min : 1 };
  }
  const m = mean(values);
  const s = std(values, m);
  return { center: m, scale: s > 0 ? s : 1 };
}

/** Train-split labels of a category column, most frequent first (ties by label). */
function frequentLabels(plan: FeaturePlan, rows: number, train: Int32Array): string[] {
  const view = categoryView(plan.column, rows);
  const counts = new Float64Array(view.labels.length);
  for (const r of train) if (view.codes[r]! >= 0) counts[view.codes[r]!]!++;
  const seen = view.labels.map((label, i) => ({ label, count: counts[i]! })).filter((c) => c.count > 0);
  seen.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return seen.map((c) => c.label);
}

/**
 * `constant` (a "missing" category of its own) when most training rows are missing, so the few real values
 * are not drowned by copies of the mode; else `mostFrequent`.
 */
function defaultCategoryFill(plan: FeaturePlan, rows: number, train: Int32Array): MissingStrategy {
  const codes = categoryView(plan.column, rows).codes;
  let missing = 0;
  for (const r of train) if (codes[r]! < 0) missing++;
  return missing > MOSTLY_MISSING * train.length ? 'constant' : 'mostFrequent';
}

function fitCategories(plan: FeaturePlan, rows: number, train: Int32Array, options: FitOptions): FeatureTransform {
  const { column, settings: s } = plan;
  const strategy = s.missing ?? defaultCategoryFill(plan, rows, train);
  const encoding = s.encoding ?? 'oneHot';
  const indicator = s.missingIndicator ?? false;
  const frequent = frequentLabels(plan, rows, train);
  if (encoding === 'oneHot' && (strategy === 'mean' || strategy === 'median')) {
    throw new DatasetError(messages.badMissingStrategy(column.name, strategy, ['mostFrequent', 'constant', 'drop']));
  }
  const kept = encoding === 'oneHot' ? frequent.slice(0, options.maxCategories) : frequent;
  const categories = sortLabels(kept);
  let fillIndex = kept.length ? categories.indexOf(kept[0]!) : -1;
  if (strategy === 'constant') {
    const label = String(s.fillValue ?? MISSING_CATEGORY);
    if (!categories.includes(label)) categories.push(label);
    fillIndex = categories.indexOf(label);
  }
  if (encoding === 'oneHot') {
    const hasOther = frequent.length > kept.length;
    return {
      kind: 'oneHot',
      column: column.name,
      categories,
      hasOther,
      fill: { strategy, value: fillIndex, indicator },
    };
  }
  const values = observed(rawCategories(column, rows, categories).values, train);
  const fill =
    strategy === 'constant' || strategy === 'mostFrequent' || strategy === 'drop'
      ? { strategy, value: Math.max(fillIndex, 0), indicator }
      : fillRule(strategy, values, 0, indicator);
  const scaling: Scaling = options.preprocess ? (s.scaling ?? 'standardize') : 'none';
  return { kind: 'ordinal', column: column.name, categories, fill, scaling, ...scaleFor(scaling, values) };
}

function fitBoolean(plan: FeaturePlan, rows: number, train: Int32Array): FeatureTransform {
  const { column, settings: s } = plan;
  const labels = sortLabels(frequentLabels(plan, rows, train).map((l) => l.toLowerCase()));
  const isWords = labels.every((l) => TRUE_WORDS.has(l) || FALSE_WORDS.has(l) || l === '0' || l === '1');
  const positive = isWords ? [...TRUE_WORDS, '1'] : labels.slice(1, 2);
  const negative = isWords ? [...FALSE_WORDS, '0'] : labels.slice(0, 1);
  const values = observed(rawBoolean(column, rows, positive, negative).values, train);
  const fill = fillRule(s.missing ?? 'mostFrequent', values, Number(s.fillValue ?? 0), s.missingIndicator ?? false);
  return { kind: 'boolean', column: column.name, positive, negative, fill };
}

/**
 * The date parts that vary over the training rows: a constant part (every date on 1 January, every time
 * midnight) would be a constant input. When the day of the year is constant the day of the week only follows
 * the year, so it goes too. At least the year is kept. `cyclical` keeps the year and puts the sine and cosine
 * of each varying cycle (month, day of week, day of year, hour) in place of the plain part; `both` keeps both.
 */
export function varyingParts(
  column: FeaturePlan['column'],
  rows: number,
  train: Int32Array,
  encoding: DateEncoding = 'parts',
): DatePart[] {
  const varies = (part: DatePart): boolean => {
    const { min, max } = range(observed(rawDatePart(column, rows, part), train));
    return max > min;
  };
  const dayVaries = varies('dayOfYear');
  const plain = RAW_DATE_PARTS.filter((part) => (part === 'dayOfWeek' ? dayVaries && varies(part) : varies(part)));
  const cycles = plain.filter((p) => p !== 'year').flatMap((p): DatePart[] => [`${p}Sin`, `${p}Cos`]);
  const parts =
    encoding === 'parts'
      ? plain
      : encoding === 'both'
        ? [...plain, ...cycles]
        : [...plain.filter((p) => p === 'year'), ...cycles];
  return parts.length > 0 ? parts : ['year'];
}

/** Above this share of missing training values, a number or date column gets a "was missing" feature by default. */
export const MISSING_INDICATOR_SHARE = 0.05;

/** True when more than MISSING_INDICATOR_SHARE of the training rows miss the value (`known`: the observed values). */
function oftenMissing(known: ArrayLike<number>, train: Int32Array): boolean {
  return train.length - known.length > MISSING_INDICATOR_SHARE * train.length;
}

function fitDate(plan: FeaturePlan, rows: number, train: Int32Array, options: FitOptions): FeatureTransform {
  const { column, settings: s } = plan;
  const stamps = observed(column.dates ?? new Float64Array(rows).fill(NaN), train);
  const constant = typeof s.fillValue === 'string' ? parseDate(s.fillValue) : (s.fillValue ?? 0);
  const fill = fillRule(
    s.missing ?? 'median',
    stamps,
    constant,
    s.missingIndicator ?? (s.missing !== 'drop' && oftenMissing(stamps, train)),
  );
  const scaling: Scaling = options.preprocess ? (s.scaling ?? 'standardize') : 'none';
  const parts = varyingParts(column, rows, train, s.dateEncoding);
  const fits = parts.map((part) => scaleFor(scaling, observed(rawDatePart(column, rows, part), train)));
  return {
    kind: 'datetime',
    column: column.name,
    parts,
    fill,
    scaling,
    center: fits.map((f) => f.center),
    scale: fits.map((f) => f.scale),
  };
}

/** Fits one feature's transform on the rows in `train`. */
export function fitFeature(plan: FeaturePlan, rows: number, train: Int32Array, options: FitOptions): FeatureTransform {
  const { column, settings: s, type } = plan;
  if (type === 'categorical') return fitCategories(plan, rows, train, options);
  if (type === 'boolean') return fitBoolean(plan, rows, train);
  if (type === 'datetime') return fitDate(plan, rows, train, options);
  const values = observed(column.numbers, train);
  const fill = fillRule(
    s.missing ?? 'mean',
    values,
    Number(s.fillValue ?? 0),
    s.missingIndicator ?? (s.missing !== 'drop' && oftenMissing(values, train)),
  );
  const scaling: Scaling = options.preprocess ? (s.scaling ?? 'standardize') : 'none';
  return { kind: 'number', column: column.name, fill, scaling, ...scaleFor(scaling, values) };
}
