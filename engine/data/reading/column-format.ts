/**
 * A column's local convention, settled once the whole file is read: a decimal comma or day-first /
 * month-first dates are used only when every cell agrees, and each choice (or refusal) is reported.
 */
import type { Problem } from '../../errors.ts';
import type { CellExample, MissingMarkers } from './cells.ts';
import type { FormatEvidence } from './column-builder.ts';
import type { ColumnArrays } from './column-types.ts';
import { dateLabel } from './column-values.ts';
import { DayMonthEvidence, dayMonthDate, decideDateOrder, parseDayMonth } from './day-month-dates.ts';
import {
  DecimalEvidence,
  decideDecimalComma,
  dotGroupedValue,
  parseCommaNumber,
  type CellCounts,
} from './decimal-comma.ts';
import { decideGrouping, type GroupingEvidence } from './grouped-thousands.ts';
import { messages } from '../messages.ts';
import { NOT_TEXT, TEXT_OVERFLOW, type ColumnFormat, type DateOrder } from './table.ts';

/** Where a column sits and how the user asked to read it. */
export interface FormatContext {
  name: string;
  rows: number;
  /** Per data row, its line in the file (for messages). */
  lineNumbers: Int32Array;
  markers: MissingMarkers;
  /** The user's date order; detected when omitted. */
  dateOrder: DateOrder | undefined;
}

/** A column's arrays after its convention is applied, with what was found. */
export interface ReadFormat {
  arrays: ColumnArrays;
  format: ColumnFormat | null;
  warnings: Problem[];
}

function countCells(arrays: ColumnArrays, rows: number): CellCounts {
  let numbers = 0,
    texts = 0,
    dates = 0;
  for (let i = 0; i < rows; i++) {
    if (arrays.numbers[i] === arrays.numbers[i]) numbers++;
    else if (arrays.codes && arrays.codes[i] !== NOT_TEXT) texts++;
    else if (arrays.dates && arrays.dates[i] === arrays.dates[i]) dates++;
  }
  return { numbers, texts, dates };
}

/** The arrays with texts no row uses any more left out of the vocabulary (codes renumbered in place). */
export function withoutUnusedTexts(arrays: ColumnArrays, rows: number): ColumnArrays {
  const codes = arrays.codes;
  if (!codes) return arrays;
  const renumbered = new Int32Array(arrays.vocabulary.length).fill(-1);
  const vocabulary: string[] = [];
  let hasText = false;
  let overflow = false;
  for (let i = 0; i < rows; i++) {
    const c = codes[i]!;
    if (c === TEXT_OVERFLOW) overflow = hasText = true;
    if (c < 0) continue;
    hasText = true;
    if (renumbered[c] === -1) {
      renumbered[c] = vocabulary.length;
      vocabulary.push(arrays.vocabulary[c]!);
    }
    codes[i] = renumbered[c]!;
  }
  return { ...arrays, codes: hasText ? codes : null, vocabulary, vocabularyOverflow: overflow };
}

/** Reads the cells that have a value in `values` (a decimal comma, or ',' between thousands) as that number. */
function useDecimalComma(
  arrays: ColumnArrays,
  values: Float64Array,
  rows: number,
  markers: MissingMarkers,
): ColumnArrays {
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    arrays.numbers[i] = markers.numbers.has(v) ? NaN : v;
    if (arrays.codes) arrays.codes[i] = NOT_TEXT;
  }
  return withoutUnusedTexts(arrays, rows);
}

/** Reads the day-first or month-first cells as dates, `times` per row (NaN: no date in the order, stays text). */
function useDateOrder(arrays: ColumnArrays, times: Float64Array, rows: number): ColumnArrays {
  const dates = arrays.dates ?? new Float64Array(rows).fill(NaN);
  for (let i = 0; i < rows; i++) {
    const t = times[i]!;
    if (t !== t) continue;
    dates[i] = t;
    if (arrays.codes) arrays.codes[i] = NOT_TEXT;
  }
  return withoutUnusedTexts({ ...arrays, dates }, rows);
}

function groupingFormat(
  arrays: ColumnArrays,
  evidence: GroupingEvidence,
  counts: CellCounts,
  c: FormatContext,
  at: (e: CellExample) => number,
): ReadFormat | null {
  const verdict = decideGrouping(evidence, counts);
  if (verdict.kind === 'none') return null;
  if (verdict.kind === 'mixed') {
    const { grouped, ungrouped } = verdict;
    return {
      arrays,
      format: null,
      warnings: [messages.mixedGrouping(c.name, grouped.text, at(grouped), ungrouped.text, at(ungrouped))],
    };
  }
  const { example } = verdict;
  return {
    arrays: useDecimalComma(arrays, evidence.values!, c.rows, c.markers),
    format: { decimalComma: false, thousands: ',', dateOrder: null, dateOrderAssumed: false },
    warnings: [messages.groupedThousands(c.name, example.text, at(example), evidence.values![example.row]!)],
  };
}

function decimalReading(text: string): number {
  return parseCommaNumber(text)?.value ?? dotGroupedValue(text);
}

function decimalFormat(
  arrays: ColumnArrays,
  evidence: DecimalEvidence,
  counts: CellCounts,
  c: FormatContext,
  at: (e: CellExample) => number,
): ReadFormat | null {
  const verdict = decideDecimalComma(evidence, counts);
  switch (verdict.kind) {
    case 'none':
      return null;
    case 'decimalComma': {
      const { example, thousands } = verdict;
      return {
        arrays: useDecimalComma(arrays, evidence.values!, c.rows, c.markers),
        format: { decimalComma: true, thousands, dateOrder: null, dateOrderAssumed: false },
        warnings: [messages.decimalComma(c.name, thousands, example.text, at(example), decimalReading(example.text))],
      };
    }
    case 'mixedSeparators':
      return {
        arrays,
        format: null,
        warnings: [
          messages.mixedDecimalSeparators(
            c.name,
            verdict.comma.text,
            at(verdict.comma),
            verdict.point.text,
            at(verdict.point),
          ),
        ],
      };
    case 'mixedThousands':
      return {
        arrays,
        format: null,
        warnings: [
          messages.mixedThousands(c.name, verdict.dot.text, at(verdict.dot), verdict.space.text, at(verdict.space)),
        ],
      };
    case 'pointOrThousands':
      return {
        arrays,
        format: null,
        warnings: [
          messages.pointOrThousands(
            c.name,
            verdict.comma.text,
            at(verdict.comma),
            verdict.grouped.text,
            at(verdict.grouped),
          ),
        ],
      };
    case 'commaOrThousands': {
      const { text } = verdict.example;
      return {
        arrays,
        format: null,
        warnings: [
          messages.commaOrThousands(
            c.name,
            text,
            at(verdict.example),
            decimalReading(text),
            Number(text.replace(',', '')),
          ),
        ],
      };
    }
  }
}

function dateFormat(
  arrays: ColumnArrays,
  evidence: DayMonthEvidence,
  counts: CellCounts,
  c: FormatContext,
  at: (e: CellExample) => number,
): ReadFormat | null {
  const verdict = decideDateOrder(evidence, counts, c.dateOrder);
  if (verdict.kind === 'none') return null;
  if (verdict.kind === 'mixed') {
    const { dayFirst, monthFirst } = verdict;
    return {
      arrays,
      format: null,
      warnings: [messages.mixedDateOrders(c.name, dayFirst.text, at(dayFirst), monthFirst.text, at(monthFirst))],
    };
  }
  const { order, assumed, example, times } = verdict;
  const warnings: Problem[] = [];
  if (example) {
    const label = dateLabel(dayMonthDate(parseDayMonth(example.text), order));
    warnings.push(
      assumed
        ? messages.dateOrderAssumed(c.name, order, example.text, at(example), label)
        : messages.dateOrderDetected(c.name, order, example.text, at(example), label),
    );
  }
  return {
    arrays: useDateOrder(arrays, times, c.rows),
    format: { decimalComma: false, thousands: null, dateOrder: order, dateOrderAssumed: assumed },
    warnings,
  };
}

/**
 * Settles a column's convention from what it gathered while being read: a decimal comma or ',' between
 * thousands first (a number column), else the order of day and month (a date column). Unchanged arrays when neither applies.
 */
export function readColumnFormat(arrays: ColumnArrays, evidence: FormatEvidence, context: FormatContext): ReadFormat {
  const hasDecimalSigns =
    evidence.decimal !== null && (evidence.decimal.surelyDecimal !== null || evidence.decimal.maybeThousands !== null);
  const hasGrouping = evidence.grouping !== null && evidence.grouping.grouped !== null;
  if (!hasDecimalSigns && !hasGrouping && !evidence.dates.packed) return { arrays, format: null, warnings: [] };
  const counts = countCells(arrays, context.rows);
  const at = (e: CellExample): number => context.lineNumbers[e.row]!;
  const decimal = hasDecimalSigns
    ? decimalFormat(arrays, evidence.decimal!, counts, context, at)
    : hasGrouping
      ? groupingFormat(arrays, evidence.grouping!, counts, context, at)
      : null;
  return decimal ?? dateFormat(arrays, evidence.dates, counts, context, at) ?? { arrays, format: null, warnings: [] };
}
