/**
 * The reading settings in effect for a table (`CsvReading`): what the user set, else what detection
 * used. Stored in model files, so a new file is read the way the training file was.
 */
import type { CsvOptions, CsvReading, DateOrder, TableColumn } from './table.ts';

/** The decimal separators `CsvOptions.decimal` takes. */
export const DECIMAL_SEPARATORS: readonly ('.' | ',')[] = ['.', ','];
/** The date orders `CsvOptions.dateOrder` takes. */
export const DATE_ORDERS: readonly DateOrder[] = ['dayFirst', 'monthFirst'];

/** The settings a table with these `columns` was read with, under the user's `options`. */
export function readingOf(options: CsvOptions, columns: readonly TableColumn[]): CsvReading {
  const decimal = options.decimal ?? (columns.some((c) => c.format?.decimalComma) ? ',' : '.');
  if (options.dateOrder) return { decimal, dateOrder: options.dateOrder };
  const orders = new Set<DateOrder>();
  for (const c of columns) if (c.format?.dateOrder) orders.add(c.format.dateOrder);
  return { decimal, dateOrder: orders.size === 1 ? [...orders][0]! : null };
}

/** The options that read a file the way `reading` says (no date order: detected per column; no reading: all detected). */
export function readingOptions(reading: CsvReading | null): CsvOptions {
  if (!reading) return {};
  return reading.dateOrder ? { decimal: reading.decimal, dateOrder: reading.dateOrder } : { decimal: reading.decimal };
}

/** Whether `v` is a `CsvReading` as JSON stores it. */
export function isCsvReading(v: unknown): v is CsvReading {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return (
    DECIMAL_SEPARATORS.includes(r.decimal as '.' | ',') &&
    (r.dateOrder === null || DATE_ORDERS.includes(r.dateOrder as DateOrder))
  );
}
