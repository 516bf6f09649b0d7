/** Per-column profile of a table: type, missing and distinct counts, statistics, top values, histogram. */
import { DatasetError } from '../../errors.ts';
import { categoryView, strayText } from './column-values.ts';
import { DISTINCT_LIMIT } from './column-types.ts';
import { inferTask } from './column-use.ts';
import { countDuplicateRows } from './duplicates.ts';
import { messages } from '../messages.ts';
import { profileWarnings } from './profile-warnings.ts';
import type { ColumnProfile, DatasetProfile, HistogramBin, TargetProfile } from './profile-types.ts';
import type { ParsedTable, TableColumn } from './table.ts';

/** Bins of a histogram. */
export const HISTOGRAM_BINS = 10;
/** Values listed in `topValues`. */
export const TOP_VALUES = 5;

export type { ColumnProfile, DatasetProfile, HistogramBin, TargetProfile } from './profile-types.ts';

/** Options of `profileTable`. */
export interface ProfileOptions {
  target?: string;
  /** Whether features will be scaled; when false, wildly different scales are warned about. Default true. */
  preprocess?: boolean;
}

function valueCounts(col: TableColumn, rows: number): { value: string; count: number }[] {
  const view = categoryView(col, rows);
  const counts = new Float64Array(view.labels.length);
  for (let i = 0; i < rows; i++) if (view.codes[i]! >= 0) counts[view.codes[i]!]!++;
  return view.labels
    .map((value, i) => ({ value, count: counts[i]! }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function histogram(values: Float64Array, rows: number, min: number, max: number): HistogramBin[] {
  if (!(max >= min)) return [];
  const bins = max > min ? HISTOGRAM_BINS : 1;
  const width = (max - min) / bins;
  const counts = new Float64Array(bins);
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (v === v) counts[Math.min(bins - 1, Math.floor((v - min) / (width || 1)))]!++;
  }
  return Array.from(counts, (count, b) => ({
    from: min + b * width,
    to: b === bins - 1 ? max : min + (b + 1) * width,
    count,
  }));
}

function dateStats(dates: Float64Array): { min: number; max: number; mean: number; std: number } {
  let n = 0,
    sum = 0,
    min = Infinity,
    max = -Infinity;
  for (const t of dates)
    if (t === t) {
      n++;
      sum += t;
      if (t < min) min = t;
      if (t > max) max = t;
    }
  const mean = sum / n;
  let sq = 0;
  for (const t of dates) if (t === t) sq += (t - mean) ** 2;
  return n ? { min, max, mean, std: Math.sqrt(sq / n) } : { min: NaN, max: NaN, mean: NaN, std: NaN };
}

/** Profiles one column. */
export function profileColumn(table: ParsedTable, col: TableColumn): ColumnProfile {
  const s = col.summary;
  const type = col.inferred.type;
  const isDate = type === 'datetime';
  const stats = isDate && col.dates ? dateStats(col.dates) : { min: s.min, max: s.max, mean: s.mean, std: s.std };
  const isNumber = type === 'numeric' || type === 'integer' || (type === 'boolean' && s.numbers > 0);
  const listsValues = isDate ? false : isNumber ? s.distinct <= 20 : true;
  return {
    name: col.name,
    type,
    exclusion: col.inferred.exclusion,
    format: col.format,
    missing: s.missing,
    distinct: Math.min(s.distinct, DISTINCT_LIMIT),
    distinctIsLowerBound: s.distinct > DISTINCT_LIMIT,
    ...stats,
    strayText: isNumber || isDate ? strayText(col, table.rows, table.lineNumbers, isDate, 0).count : 0,
    topValues: listsValues ? valueCounts(col, table.rows).slice(0, TOP_VALUES) : [],
    histogram:
      isNumber || isDate
        ? histogram(isDate && col.dates ? col.dates : col.numbers, table.rows, stats.min, stats.max)
        : [],
  };
}

function profileTarget(table: ParsedTable, col: TableColumn): TargetProfile {
  const task = inferTask(col, col.inferred.type);
  return {
    name: col.name,
    task: typeof task === 'string' ? task : null,
    classes: task === 'classification' ? valueCounts(col, table.rows) : [],
  };
}

/** Profiles every column, the target (when named) and the rows, with data-quality warnings. */
export function profileTable(table: ParsedTable, options: ProfileOptions = {}): DatasetProfile {
  let target: TableColumn | null = null;
  if (options.target !== undefined) {
    target = table.columns.find((c) => c.name === options.target) ?? null;
    if (!target)
      throw new DatasetError(
        messages.targetMissing(
          options.target,
          table.columns.map((c) => c.name),
        ),
      );
  }
  const columns = table.columns.map((c) => profileColumn(table, c));
  const targetProfile = target ? profileTarget(table, target) : null;
  const duplicates = countDuplicateRows(table);
  const warnings = profileWarnings(table, columns, target, targetProfile, duplicates, options.preprocess ?? true);
  return {
    rows: table.rows,
    columns,
    target: targetProfile,
    duplicateRows: duplicates.count,
    readingWarnings: [...table.warnings],
    warnings,
  };
}
