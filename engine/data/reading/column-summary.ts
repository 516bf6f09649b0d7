/** Counts and statistics of a finished column: one pass for counts and ranges, one for the spread. */
import { DISTINCT_LIMIT, type ColumnArrays } from './column-types.ts';
import type { ColumnSummary } from './table.ts';

/** A row-number column needs at least this many rows to be recognized as one. */
const MIN_ROWS_FOR_ROW_NUMBER = 20;

/** Summarizes a column's arrays (`rows` cells each). */
export function summarizeColumn(col: ColumnArrays, rows: number): ColumnSummary {
  const { numbers, codes, dates } = col;
  let nNumbers = 0;
  let nTexts = 0;
  let nDates = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let allIntegers = true;
  let isRowNumber = rows >= MIN_ROWS_FOR_ROW_NUMBER;
  const distinctNumbers = new Set<number>();
  const distinctDates = new Set<number>();
  const usedCodes = new Uint8Array(col.vocabulary.length);
  let distinctTexts = 0;
  for (let i = 0; i < rows; i++) {
    const v = numbers[i]!;
    if (v === v) {
      nNumbers++;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      if (allIntegers && !Number.isInteger(v)) allIntegers = false;
      if (distinctNumbers.size <= DISTINCT_LIMIT) distinctNumbers.add(v);
      if (isRowNumber && i > 0 && v !== numbers[i - 1]! + 1) isRowNumber = false;
      continue;
    }
    isRowNumber = false;
    const code = codes ? codes[i]! : -1;
    if (code >= 0) {
      nTexts++;
      if (usedCodes[code] === 0) {
        usedCodes[code] = 1;
        distinctTexts++;
      }
      continue;
    }
    if (code !== -1) {
      nTexts++; // a text past the vocabulary limit: counted, value not kept
      continue;
    }
    const t = dates ? dates[i]! : NaN;
    if (t === t) {
      nDates++;
      if (distinctDates.size <= DISTINCT_LIMIT) distinctDates.add(t);
    }
  }
  const mean = nNumbers > 0 ? sum / nNumbers : NaN;
  let squares = 0;
  if (nNumbers > 0) {
    for (let i = 0; i < rows; i++) {
      const v = numbers[i]!;
      if (v === v) squares += (v - mean) * (v - mean);
    }
  }
  const distinct =
    distinctNumbers.size + distinctDates.size + distinctTexts + (col.vocabularyOverflow ? DISTINCT_LIMIT : 0);
  return {
    missing: rows - nNumbers - nTexts - nDates,
    numbers: nNumbers,
    texts: nTexts,
    dates: nDates,
    distinct: Math.min(distinct, DISTINCT_LIMIT + 1),
    min: nNumbers > 0 ? min : NaN,
    max: nNumbers > 0 ? max : NaN,
    mean,
    std: nNumbers > 0 ? Math.sqrt(squares / nNumbers) : NaN,
    allIntegers: nNumbers > 0 && allIntegers,
    isRowNumber: isRowNumber && nNumbers === rows && allIntegers,
    vocabularyOverflow: col.vocabularyOverflow,
  };
}
