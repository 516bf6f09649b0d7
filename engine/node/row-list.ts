/** `--rows 1-8` / `--rows 3,7,10-12`: data rows counted from 1 below the header, as a list of 0-based indices. */
import { UsageError } from './usage-error.ts';

/** Most rows one `explain --rows` explains. */
export const MAX_EXPLAINED_ROWS = 1000;

const ITEM = /^(\d{1,15})(?:-(\d{1,15}))?$/;

/** Parse the flag's value (before the file is read; `checkRowsExist` checks them against it). */
export function parseRowList(text: string): Int32Array {
  const ranges: [number, number][] = [];
  let count = 0;
  for (const part of text.split(',')) {
    const m = ITEM.exec(part.trim());
    if (!m)
      throw new UsageError(
        'cli/bad-rows',
        `--rows must be row numbers or ranges like 1-8 or 3,7,10-12 (data rows, counted from 1 below the header), got '${text}'.`,
      );
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1)
      throw new UsageError(
        'cli/bad-rows',
        `--rows counts data rows from 1 (the first row below the header), got '${part.trim()}'.`,
      );
    if (to < from)
      throw new UsageError('cli/bad-rows', `--rows range '${part.trim()}' runs backwards. Write it as ${to}-${from}.`);
    count += to - from + 1;
    if (count > MAX_EXPLAINED_ROWS)
      throw new UsageError(
        'cli/too-many-rows',
        `--rows '${text}' names more than ${MAX_EXPLAINED_ROWS.toLocaleString('en-US')} rows; explain at most ${MAX_EXPLAINED_ROWS.toLocaleString('en-US')} at once.`,
      );
    ranges.push([from, to]);
  }
  const rows: number[] = [];
  for (const [from, to] of ranges) for (let r = from; r <= to; r++) rows.push(r - 1);
  return Int32Array.from(rows);
}

/** Every listed row must be in a file of `available` data rows. */
export function checkRowsExist(rows: Int32Array, available: number, file: string): void {
  const last = rows.reduce((m, r) => Math.max(m, r), -1);
  if (last >= available) {
    throw new UsageError(
      'cli/row-past-end',
      `--rows asks for row ${last + 1}, but '${file}' has ${available.toLocaleString('en-US')} data row${available === 1 ? '' : 's'}. Choose rows from 1 to ${available.toLocaleString('en-US')}.`,
    );
  }
}
