/** Guesses the delimiter and whether there is a header row from the first lines of a file. */
import { parseDate, parseNumber } from './cells.ts';
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

/**
 * The delimiter that splits the sample into the most consistent number of fields (more than one);
 * `,` when no candidate splits anything (a one-column file).
 */
export function detectDelimiter(sample: string, isComplete: boolean): string {
  let best = ',';
  let bestShare = 0;
  let bestFields = 1;
  for (const d of DELIMITERS) {
    const { share, fields } = consistency(sampleRows(sample, d, isComplete));
    if (fields < 2) continue;
    if (share > bestShare || (share === bestShare && fields > bestFields)) {
      best = d;
      bestShare = share;
      bestFields = fields;
    }
  }
  return best;
}

function isValue(cell: string, decimalComma: boolean): boolean {
  const t = cell.trim();
  return !Number.isNaN(parseNumber(t, decimalComma)) || !Number.isNaN(parseDate(t));
}

/**
 * Whether the first row names the columns: it does unless one of its cells is a number or a date
 * (column names rarely are), since a file without a header is the exception.
 */
export function detectHeader(rows: readonly string[][], decimalComma: boolean): boolean {
  const first = rows[0];
  if (!first) return true;
  return !first.some((cell) => isValue(cell, decimalComma));
}
