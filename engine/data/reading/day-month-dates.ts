/**
 * Dates written day-first or month-first (`31/12/2024`, `31.12.2024`, `12-31-2024 1:05 PM`): reading one
 * without choosing the order, gathering a column's evidence while the file streams in, and deciding the order.
 */
import type { CellExample } from './cells.ts';
import { grow, trim } from './growable.ts';
import { STRAY_TEXT_FRACTION } from './column-types.ts';
import type { DateOrder } from './table.ts';

/** The order used when no date of a column tells day and month apart. Day-first is how most of the world writes dates. */
export const DEFAULT_DATE_ORDER: DateOrder = 'dayFirst';

/** Two parts of 1–2 digits, a four-digit year (one separator throughout), then an optional time with AM/PM. */
const DAY_MONTH =
  /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?: ?([AaPp])[Mm])?)?$/;
/** Packed cells leave room for a leap second: a time runs up to 23:59:60.999. */
const TIME_SPAN = 86_401_000;

/**
 * The cell `s` as one number that keeps both readings open, or NaN when it is no such date:
 * ((year·100 + first)·100 + second)·TIME_SPAN + milliseconds of the day, an exact integer below 2⁵³.
 */
export function parseDayMonth(s: string): number {
  if (s.length < 8) return NaN;
  const m = DAY_MONTH.exec(s);
  if (!m) return NaN;
  const first = Number(m[1]);
  const second = Number(m[3]);
  if (first < 1 || second < 1 || first > 31 || second > 31 || (first > 12 && second > 12)) return NaN;
  let hour = Number(m[5] ?? 0);
  const half = m[9]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return NaN;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  const minute = Number(m[6] ?? 0);
  const sec = Number(m[7] ?? 0);
  if (hour > 23 || minute > 59 || sec > 60) return NaN;
  const ms = ((hour * 60 + minute) * 60 + sec) * 1000 + (m[8] ? Number(m[8].padEnd(3, '0')) : 0);
  return ((Number(m[4]) * 100 + first) * 100 + second) * TIME_SPAN + ms;
}

/** The two parts of a packed date. */
function parts(packed: number): { first: number; second: number } {
  const fields = Math.floor(packed / TIME_SPAN);
  return { first: Math.floor(fields / 100) % 100, second: fields % 100 };
}

/** A packed date read in `order`, as milliseconds since 1970-01-01 UTC; NaN when it is no date that way (31/02). */
export function dayMonthDate(packed: number, order: DateOrder): number {
  if (packed !== packed) return NaN;
  const fields = Math.floor(packed / TIME_SPAN);
  const ms = packed - fields * TIME_SPAN;
  const { first, second } = parts(packed);
  const [day, month] = order === 'dayFirst' ? [first, second] : [second, first];
  if (month > 12) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(fields / 10000), month - 1, day);
  if (date.getUTCDate() !== day) return NaN;
  return date.getTime() + ms;
}

/** One column's day-first and month-first dates, gathered cell by cell. Rows are 0-based data rows. */
export class DayMonthEvidence {
  /** Per row: the packed date (`parseDayMonth`); NaN for other cells. Null until the first such date. */
  packed: Float64Array | null = null;
  /** Cells that are such dates. */
  cells = 0;
  /** First date that can only be day-first (its first part is above 12). */
  dayFirst: CellExample | null = null;
  /** First date that can only be month-first (its second part is above 12). */
  monthFirst: CellExample | null = null;
  /** First date whose parts differ, so that the order changes its reading (`01/02/2024`). */
  eitherWay: CellExample | null = null;

  /** Notes a cell that was not read as a number or an ISO date. */
  note(s: string, row: number, capacity: number): void {
    const c = s.charCodeAt(0);
    if (c < 48 || c > 57) return;
    const packed = parseDayMonth(s);
    if (packed !== packed) return;
    this.cells++;
    const { first, second } = parts(packed);
    if (first > 12) this.dayFirst ??= { row, text: s };
    else if (second > 12) this.monthFirst ??= { row, text: s };
    else if (first !== second) this.eitherWay ??= { row, text: s };
    this.packed ??= new Float64Array(capacity).fill(NaN);
    this.packed[row] = packed;
  }

  /** Makes room for `size` rows. */
  reserve(size: number): void {
    if (this.packed && size > this.packed.length) this.packed = grow(this.packed, size, NaN);
  }

  /** Cuts the per-row dates to the column's `rows`. */
  finish(rows: number): void {
    if (this.packed) this.packed = trim(this.packed, rows);
  }
}

/** What a column's evidence says about its date order. */
export type DateOrderVerdict =
  | { kind: 'none' }
  /**
   * `example` is the date that decided the order, or one that reads differently the other way (assumed); null when the user chose.
   * `times`: per row, the date read in `order` (ms since 1970 UTC); NaN for other cells and dates that do not exist that way.
   */
  | { kind: 'dates'; order: DateOrder; assumed: boolean; example: CellExample | null; times: Float64Array }
  | { kind: 'mixed'; dayFirst: CellExample; monthFirst: CellExample };

/**
 * The order of a column's dates: the user's `chosen` order, else the one some date proves, else
 * `DEFAULT_DATE_ORDER`. A column with proof of both orders is mixed. Only a column that is mostly such
 * dates (stray text allowed as in any date column) is read as dates. `dates` counts its ISO dates.
 */
export function decideDateOrder(
  e: DayMonthEvidence,
  counts: { numbers: number; texts: number; dates: number },
  chosen: DateOrder | undefined,
): DateOrderVerdict {
  if (!e.packed) return { kind: 'none' };
  const enough = (1 - STRAY_TEXT_FRACTION) * (counts.numbers + counts.texts + counts.dates);
  if (e.cells + counts.dates < enough) return { kind: 'none' };
  if (!chosen && e.dayFirst && e.monthFirst) return { kind: 'mixed', dayFirst: e.dayFirst, monthFirst: e.monthFirst };
  const order = chosen ?? (e.dayFirst ? 'dayFirst' : e.monthFirst ? 'monthFirst' : DEFAULT_DATE_ORDER);
  const times = new Float64Array(e.packed.length);
  let valid = 0;
  for (let i = 0; i < times.length; i++) {
    const t = dayMonthDate(e.packed[i]!, order);
    times[i] = t;
    if (t === t) valid++;
  }
  if (valid + counts.dates < enough) return { kind: 'none' };
  const assumed = !chosen && !e.dayFirst && !e.monthFirst;
  return { kind: 'dates', order, assumed, example: chosen ? null : (e.dayFirst ?? e.monthFirst ?? e.eitherWay), times };
}
