/** Reads a column's cells as labels, categories or stray text, whatever mix of arrays holds them. */
import type { TableColumn } from './table.ts';

/** The text of one cell as the user wrote it (numbers and dates in a canonical form); null when missing. */
export function cellLabel(col: TableColumn, row: number): string | null {
  const n = col.numbers[row]!;
  if (n === n) return String(n);
  const code = col.codes ? col.codes[row]! : -1;
  if (code >= 0) return col.vocabulary[code]!;
  if (code !== -1) return null; // a text past the vocabulary limit: its value was not kept
  const t = col.dates ? col.dates[row]! : NaN;
  if (t === t) return dateLabel(t);
  return null;
}

/** A date as `YYYY-MM-DD`, with the time when it is not midnight. */
export function dateLabel(t: number): string {
  const iso = new Date(t).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** Whether the cell is missing (empty or a missing-value marker). */
export function isMissingCell(col: TableColumn, row: number): boolean {
  const n = col.numbers[row]!;
  if (n === n) return false;
  if (col.codes && col.codes[row] !== -1) return false;
  return !(col.dates && col.dates[row] === col.dates[row]);
}

/** Per-row category codes of a column over its distinct labels; −1 where missing. */
export interface CategoryView {
  codes: Int32Array;
  labels: string[];
}

/** Every cell as a category: distinct labels in order of first appearance. */
export function categoryView(col: TableColumn, rows: number): CategoryView {
  const codes = new Int32Array(rows);
  const labels: string[] = [];
  const index = new Map<string, number>();
  const fromVocabulary = new Int32Array(col.vocabulary.length).fill(-1);
  for (let i = 0; i < rows; i++) {
    const code = col.codes ? col.codes[i]! : -1;
    if (code >= 0 && fromVocabulary[code] !== -1) {
      codes[i] = fromVocabulary[code]!;
      continue;
    }
    const label = cellLabel(col, i);
    if (label === null) {
      codes[i] = -1;
      continue;
    }
    let k = index.get(label);
    if (k === undefined) {
      k = labels.length;
      labels.push(label);
      index.set(label, k);
    }
    if (code >= 0) fromVocabulary[code] = k;
    codes[i] = k;
  }
  return { codes, labels };
}

/** A cell that is text (not a number, date or missing), where a number was expected. */
export interface StrayText {
  count: number;
  examples: { row: number; value: string }[];
}

/** The text cells of a column read as numbers (or as dates, when `dates` is set), with the first examples. */
export function strayText(col: TableColumn, rows: number, lineNumbers: Int32Array, dates = false, max = 3): StrayText {
  const examples: { row: number; value: string }[] = [];
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const code = col.codes ? col.codes[i]! : -1;
    const isNumber = col.numbers[i] === col.numbers[i];
    const isStray =
      code !== -1 || (dates && isNumber) || (!dates && col.dates !== null && col.dates[i] === col.dates[i]);
    if (!isStray) continue;
    count++;
    if (examples.length < max) examples.push({ row: lineNumbers[i]!, value: cellLabel(col, i) ?? '…' });
  }
  return { count, examples };
}

/** Sorts labels numerically when all are numbers, else by code point (the same on every machine). */
export function sortLabels(labels: readonly string[]): string[] {
  const numeric = labels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return [...labels].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
