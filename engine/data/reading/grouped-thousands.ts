/**
 * Numbers written with ',' between thousands (`"69,748"`, `"1,234,567.5"`), as spreadsheets export them
 * quoted in a comma-delimited file: gathering a column's evidence while it streams in, and deciding
 * whether the whole column writes its numbers that way.
 */
import type { CellExample } from './cells.ts';
import { grow, trim } from './growable.ts';
import { STRAY_TEXT_FRACTION } from './column-types.ts';

/** Groups of three after a first group of one to three digits (not starting with 0), then optional decimals. */
const GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
/** A number cell written with four or more whole digits and no separator (`12345`, `-1000.5`). */
const UNGROUPED = /^[+-]?\d{4,}(?:\.\d*)?$/;

/** The number `s` writes with ',' between thousands, or NaN. */
export function parseGrouped(s: string): number {
  return GROUPED.test(s) ? Number(s.replace(/,/g, '')) : NaN;
}

/** One column's signs of ',' between thousands, gathered cell by cell (rows are 0-based data rows). */
export class GroupingEvidence {
  /** Per row: the value of a grouped text cell; NaN elsewhere. Null until one is seen. */
  values: Float64Array | null = null;
  /** Text cells that are grouped numbers. */
  groupedCells = 0;
  /** First grouped cell. */
  grouped: CellExample | null = null;
  /** First number cell of 1000 or more written without a separator. */
  ungrouped: CellExample | null = null;

  /** Notes a cell read as the number `n` from the text `s`. */
  noteNumber(s: string, n: number, row: number): void {
    if (this.ungrouped === null && (n >= 1000 || n <= -1000) && UNGROUPED.test(s)) this.ungrouped = { row, text: s };
  }

  /** Notes a cell that was not read as a number. */
  noteText(s: string, row: number, capacity: number): void {
    const c = s.charCodeAt(0);
    if (!((c >= 49 && c <= 57) || c === 43 || c === 45)) return; // 1-9 + -
    const v = parseGrouped(s);
    if (v !== v) return;
    this.groupedCells++;
    this.grouped ??= { row, text: s };
    this.values ??= new Float64Array(capacity).fill(NaN);
    this.values[row] = v;
  }

  /** Makes room for `size` rows. */
  reserve(size: number): void {
    if (this.values && size > this.values.length) this.values = grow(this.values, size, NaN);
  }

  /** Cuts the per-row values to the column's `rows`. */
  finish(rows: number): void {
    if (this.values) this.values = trim(this.values, rows);
  }
}

/** What a column's evidence says about ',' between thousands. */
export type GroupingVerdict =
  | { kind: 'none' }
  | { kind: 'grouped'; example: CellExample }
  /** Some numbers are grouped and some of 1000 or more are not: the grouped ones stay text. */
  | { kind: 'mixed'; grouped: CellExample; ungrouped: CellExample };

/**
 * Whether a column is read with ',' between thousands: once its grouped texts are numbers it must be a
 * number column (stray text allowed as in any number column), and every number of 1000 or more is grouped.
 */
export function decideGrouping(
  e: GroupingEvidence,
  counts: { numbers: number; texts: number; dates: number },
): GroupingVerdict {
  if (!e.grouped) return { kind: 'none' };
  const numbers = counts.numbers + e.groupedCells;
  const stray = counts.texts - e.groupedCells + counts.dates;
  if (stray > STRAY_TEXT_FRACTION * (numbers + stray)) return { kind: 'none' };
  if (e.ungrouped) return { kind: 'mixed', grouped: e.grouped, ungrouped: e.ungrouped };
  return { kind: 'grouped', example: e.grouped };
}
