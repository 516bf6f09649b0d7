/** Guesses the delimiter and whether there is a header row from the first lines of a file. */
import { parseDate, parseNumber } from './cells.ts';
import { parseDayMonth } from './day-month-dates.ts';
import { parseCommaNumber } from './decimal-comma.ts';
import { createPapaParser } from './papa.ts';

/** The delimiters the reader detects, in order of preference on a tie. */
export const DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

/** Rows read to guess the format. */
const SAMPLE_ROWS = 50;

/** The first rows of `sample` (newlines already `\n`), split by `delimiter`, blank lines left out. */
export function sampleRows(sample: string, delimiter: string, isComplete: boolean): string[][] {
  const parser = createPapaParser(delimiter, SAMPLE_ROWS + 1);
  const rows = parser.parse(sample, 0, !isComplete).data;
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === '')).slice(0, SAMPLE_ROWS);
}

/** Share of rows with the most common field count, and that count. */
function consistency(rows: readonly string[][]): { share: number; fields: number } {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let fields = 0;
  let best = 0;
  for (const [n, c] of counts) {
    if (c > best || (c === best && n > fields)) {
      best = c;
      fields = n;
    }
  }
  return { share: rows.length ? best / rows.length : 0, fields };
}

/** Whether every row has a field that is a number with a decimal comma (`5,1`). */
function allHaveDecimalComma(rows: readonly string[][]): boolean {
  return rows.length > 0 && rows.every((r) => r.some((f) => parseCommaNumber(f.trim())?.hasComma === true));
}

/**
 * The delimiter that splits the sample into the most consistent number of fields (more than one);
 * `,` when no candidate splits anything (a one-column file). `;` wins over `,` when it splits every row
 * alike and each row has a decimal comma: without a header row, `5,1;3,5` splits evenly both ways,
 * and into more fields by the comma.
 */
export function detectDelimiter(sample: string, isComplete: boolean): string {
  let best = ',';
  let bestShare = 0;
  let bestFields = 1;
  for (const d of DELIMITERS) {
    const rows = sampleRows(sample, d, isComplete);
    const { share, fields } = consistency(rows);
    if (fields < 2) continue;
    const isEuropean = best === ',' && d === ';' && share === 1 && allHaveDecimalComma(rows);
    if (share > bestShare || (share === bestShare && fields > bestFields) || isEuropean) {
      best = d;
      bestShare = share;
      bestFields = fields;
    }
  }
  return best;
}

function isValue(cell: string, decimalComma: boolean): boolean {
  const t = cell.trim();
  if (!Number.isNaN(parseNumber(t, decimalComma)) || !Number.isNaN(parseDate(t)) || !Number.isNaN(parseDayMonth(t)))
    return true;
  return decimalComma && parseCommaNumber(t) !== null;
}

/**
 * Whether the first row names the columns: it does unless one of its cells is a number or a date
 * (column names rarely are), since a file without a header is the exception. `decimalComma`: numbers
 * may be written with one (`5,1`, `1.234,5`).
 */
export function detectHeader(rows: readonly string[][], decimalComma: boolean): boolean {
  const first = rows[0];
  if (!first) return true;
  return !first.some((cell) => isValue(cell, decimalComma));
}
