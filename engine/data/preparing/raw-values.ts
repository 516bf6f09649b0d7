/** A column's cells as the numbers a transform starts from: NaN for missing, −1 for an unknown category. */
import { categoryView } from '../reading/column-values.ts';
import type { DatePart } from './preprocessing.ts';
import type { TableColumn } from '../reading/table.ts';

/** Marks a category value that is not in the transform's list. */
export const UNKNOWN_CATEGORY = -1;

/** Per-row values plus the cells that were present but not understood. */
export interface RawValues {
  values: Float64Array;
  unknownCount: number;
  unknownExamples: string[];
}

/** Each cell's index in `categories` (NaN when missing, UNKNOWN_CATEGORY when not listed). */
export function rawCategories(col: TableColumn, rows: number, categories: readonly string[]): RawValues {
  const view = categoryView(col, rows);
  const position = new Map(categories.map((c, i) => [c, i]));
  const byLabel = view.labels.map((l) => position.get(l) ?? UNKNOWN_CATEGORY);
  const values = new Float64Array(rows);
  const unknownLabels = new Set<string>();
  let unknownCount = 0;
  for (let i = 0; i < rows; i++) {
    const code = view.codes[i]!;
    if (code < 0) {
      values[i] = NaN;
      continue;
    }
    values[i] = byLabel[code]!;
    if (values[i] === UNKNOWN_CATEGORY) {
      unknownCount++;
      if (unknownLabels.size < 3) unknownLabels.add(view.labels[code]!);
    }
  }
  return { values, unknownCount, unknownExamples: [...unknownLabels] };
}

/** Each cell as 1 (its lower-cased label is in `positive`), 0 (in `negative`), or NaN. */
export function rawBoolean(
  col: TableColumn,
  rows: number,
  positive: readonly string[],
  negative: readonly string[],
): RawValues {
  const labels = [...positive.map((p) => [p, 1] as const), ...negative.map((n) => [n, 0] as const)];
  const view = categoryView(col, rows);
  const lookup = new Map(labels);
  const byLabel = view.labels.map((l) => lookup.get(l.toLowerCase()) ?? UNKNOWN_CATEGORY);
  const values = new Float64Array(rows);
  const unknown = new Set<string>();
  let unknownCount = 0;
  for (let i = 0; i < rows; i++) {
    const code = view.codes[i]!;
    const v = code < 0 ? NaN : byLabel[code]!;
    if (v === UNKNOWN_CATEGORY) {
      unknownCount++;
      if (unknown.size < 3) unknown.add(view.labels[code]!);
    }
    values[i] = v === UNKNOWN_CATEGORY ? NaN : v;
  }
  return { values, unknownCount, unknownExamples: [...unknown] };
}

const TAU = 2 * Math.PI;

/**
 * One part of a date (UTC): year, month 1–12, day of week 0–6 (Sunday 0), day of year 1–366, hour 0–23; or the
 * sine/cosine of a cycle (CYCLICAL_DATE_PARTS: θ = 2π·(month − 1)/12, 2π·dayOfWeek/7, 2π·(dayOfYear − 1)/365.25,
 * 2π·(ms since midnight / 3,600,000)/24).
 */
export function datePart(t: number, part: DatePart): number {
  if (t !== t) return NaN;
  const d = new Date(t);
  const dayOfYear = (): number => Math.floor((t - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const hours = (): number => (t - Math.floor(t / 86_400_000) * 86_400_000) / 3_600_000;
  switch (part) {
    case 'year':
      return d.getUTCFullYear();
    case 'month':
      return d.getUTCMonth() + 1;
    case 'dayOfWeek':
      return d.getUTCDay();
    case 'dayOfYear':
      return dayOfYear();
    case 'hour':
      return d.getUTCHours();
    case 'monthSin':
      return Math.sin(d.getUTCMonth() * (TAU / 12));
    case 'monthCos':
      return Math.cos(d.getUTCMonth() * (TAU / 12));
    case 'dayOfWeekSin':
      return Math.sin(d.getUTCDay() * (TAU / 7));
    case 'dayOfWeekCos':
      return Math.cos(d.getUTCDay() * (TAU / 7));
    case 'dayOfYearSin':
      return Math.sin((dayOfYear() - 1) * (TAU / 365.25));
    case 'dayOfYearCos':
      return Math.cos((dayOfYear() - 1) * (TAU / 365.25));
    case 'hourSin':
      return Math.sin(hours() * (TAU / 24));
    case 'hourCos':
      return Math.cos(hours() * (TAU / 24));
  }
}

/** A date column's part per row (NaN where missing). */
export function rawDatePart(col: TableColumn, rows: number, part: DatePart): Float64Array {
  const out = new Float64Array(rows).fill(NaN);
  if (!col.dates) return out;
  for (let i = 0; i < rows; i++) out[i] = datePart(col.dates[i]!, part);
  return out;
}
