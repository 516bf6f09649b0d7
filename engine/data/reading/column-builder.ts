/** Accumulates one column's cells into growable typed arrays while the file streams in. */
import { isMissingText, parseDate, parseNumber, type MissingMarkers } from './cells.ts';
import { DayMonthEvidence } from './day-month-dates.ts';
import { DecimalEvidence, parseDecimalCommaCell } from './decimal-comma.ts';
import { GroupingEvidence } from './grouped-thousands.ts';
import { grow, trim } from './growable.ts';
import { MissingTextBuilder } from './missing-texts.ts';
import { NOT_TEXT, TEXT_OVERFLOW } from './table.ts';
import type { ColumnArrays } from './column-types.ts';

/** Most distinct texts kept per column; past this the column is an identifier or free text anyway. */
export const MAX_VOCABULARY = 100_000;

/** What one column gathered while it was read: signs of its number and date formats (read by column-format). */
export interface FormatEvidence {
  /** Null when no decimal comma is looked for (a comma-delimited file, or the user chose the separator). */
  decimal: DecimalEvidence | null;
  dates: DayMonthEvidence;
  /** Null when ',' between thousands is not looked for (it may be a decimal comma there). */
  grouping: GroupingEvidence | null;
}

/** One column under construction. Cells arrive row by row through `push`. */
export class ColumnBuilder {
  private numbers = new Float64Array(64);
  private codes: Int32Array | null = null;
  private dates: Float64Array | null = null;
  private readonly dictionary = new Map<string, number>();
  private readonly vocabulary: string[] = [];
  private overflow = false;
  private length = 0;

  private readonly hasNumberMarkers: boolean;
  /** Signs of a decimal comma; null when none is looked for. */
  private readonly decimal: DecimalEvidence | null;
  private readonly dayMonth = new DayMonthEvidence();
  private readonly missing = new MissingTextBuilder();
  /** Signs of ',' between thousands; null when none is looked for. */
  private readonly grouping: GroupingEvidence | null;

  /**
   * `decimalComma` reads `3,5` as 3.5 (and `1.234,5` as 1234.5) in every cell; `detectDecimalComma` instead gathers the evidence
   * for deciding it once the column is read (`column-format.ts`); `detectGrouping` gathers that of ',' between thousands.
   */
  constructor(
    private readonly markers: MissingMarkers,
    private readonly decimalComma: boolean,
    detectDecimalComma = false,
    detectGrouping = false,
  ) {
    this.hasNumberMarkers = markers.numbers.size > 0;
    this.decimal = detectDecimalComma && !decimalComma ? new DecimalEvidence() : null;
    this.grouping = detectGrouping && !decimalComma && !this.decimal ? new GroupingEvidence() : null;
  }

  /** Adds the next cell of this column. */
  push(cell: string): void {
    const row = this.length++;
    if (row === this.numbers.length) this.reserve(Math.max(64, row * 2));
    this.numbers[row] = NaN;
    if (cell.length === 0) return;
    if (this.tryNumberOrDate(cell, row)) return;
    const c0 = cell.charCodeAt(0);
    const cN = cell.charCodeAt(cell.length - 1);
    const text = c0 <= 32 || cN <= 32 ? cell.trim() : cell;
    if (isMissingText(text, this.markers)) {
      if (text.length > 0) this.missing.note(text, row);
      return;
    }
    if (text !== cell && this.tryNumberOrDate(text, row)) return;
    this.pushText(text, row);
  }

  private tryNumberOrDate(s: string, row: number): boolean {
    const n = this.decimalComma ? parseDecimalCommaCell(s) : parseNumber(s, false);
    if (n === n) {
      if (this.hasNumberMarkers && this.markers.numbers.has(n)) {
        this.missing.note(s, row);
        return true;
      }
      this.numbers[row] = n;
      if (this.decimal && s.includes('.')) this.decimal.noteNumber(s, row, this.numbers.length);
      this.grouping?.noteNumber(s, n, row);
      return true;
    }
    const c0 = s.charCodeAt(0);
    if (c0 < 48 || c0 > 57) return false;
    const t = parseDate(s);
    if (t !== t) return false;
    if (!this.dates) this.dates = new Float64Array(this.numbers.length).fill(NaN);
    this.dates[row] = t;
    return true;
  }

  private pushText(text: string, row: number): void {
    this.decimal?.noteText(text, row, this.numbers.length);
    this.grouping?.noteText(text, row, this.numbers.length);
    this.dayMonth.note(text, row, this.numbers.length);
    if (!this.codes) this.codes = new Int32Array(this.numbers.length).fill(NOT_TEXT);
    let code = this.dictionary.get(text);
    if (code === undefined) {
      if (this.vocabulary.length >= MAX_VOCABULARY) {
        this.overflow = true;
        code = TEXT_OVERFLOW;
      } else {
        code = this.vocabulary.length;
        this.vocabulary.push(text);
        this.dictionary.set(text, code);
      }
    }
    this.codes[row] = code;
  }

  /** Makes room for `size` cells (a row-count estimate avoids repeated growth). */
  reserve(size: number): void {
    if (size <= this.numbers.length) return;
    this.numbers = grow(this.numbers, size, null);
    if (this.codes) this.codes = grow(this.codes, size, NOT_TEXT);
    if (this.dates) this.dates = grow(this.dates, size, NaN);
    this.decimal?.reserve(size);
    this.grouping?.reserve(size);
    this.dayMonth.reserve(size);
    this.missing.reserve(size);
  }

  /** Number of cells pushed so far. */
  get rows(): number {
    return this.length;
  }

  /** What the column gathered for `readColumnFormat`; call after `finish`. */
  get evidence(): FormatEvidence {
    return { decimal: this.decimal, dates: this.dayMonth, grouping: this.grouping };
  }

  /** The finished arrays, copied to their exact length so the spare capacity is freed. */
  finish(): ColumnArrays {
    const n = this.length;
    const arrays: ColumnArrays = {
      numbers: trim(this.numbers, n),
      codes: this.codes ? trim(this.codes, n) : null,
      vocabulary: this.vocabulary,
      dates: this.dates ? trim(this.dates, n) : null,
      vocabularyOverflow: this.overflow,
      missing: this.missing.finish(n),
    };
    this.numbers = new Float64Array(0);
    this.codes = null;
    this.dates = null;
    this.dictionary.clear();
    this.decimal?.finish(n);
    this.grouping?.finish(n);
    this.dayMonth.finish(n);
    return arrays;
  }
}
