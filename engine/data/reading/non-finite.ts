/**
 * Infinite values among numbers (`inf`, `-Infinity`, `1e309`, a 400-digit number): no network can use
 * them, and left as text they would turn a number column into an identifier. They read as missing.
 */
import type { Problem } from '../../errors.ts';
import type { ColumnArrays } from './column-types.ts';
import { withoutUnusedTexts } from './column-format.ts';
import { messages } from '../messages.ts';
import { NOT_TEXT } from './table.ts';

/** How many cells a warning names. */
const EXAMPLES = 3;
const INFINITY_WORD = /^[+-]?inf(?:inity)?$/i;
const DECIMAL_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Whether a text cell writes an infinite value: `inf`, `Infinity` (any case, signed), or a number too large for a double. */
export function isNonFiniteText(s: string): boolean {
  if (INFINITY_WORD.test(s)) return true;
  return DECIMAL_LITERAL.test(s) && !Number.isFinite(Number(s));
}

/** Where the column sits, for messages. */
export interface NonFiniteContext {
  name: string;
  rows: number;
  /** Per data row, its line in the file. */
  lineNumbers: Int32Array;
}

/**
 * In a column that has numbers, reads the infinite cells as missing and names them in a warning.
 * A column without numbers keeps such texts (`inf` may be a category there).
 */
export function readNonFinite(
  arrays: ColumnArrays,
  c: NonFiniteContext,
): { arrays: ColumnArrays; warnings: Problem[] } {
  const unchanged = { arrays, warnings: [] };
  const codes = arrays.codes;
  if (!codes) return unchanged;
  const hits = arrays.vocabulary.map(isNonFiniteText);
  if (!hits.includes(true)) return unchanged;
  let hasNumber = false;
  for (let i = 0; i < c.rows && !hasNumber; i++) hasNumber = arrays.numbers[i] === arrays.numbers[i];
  if (!hasNumber) return unchanged;
  const examples: { row: number; value: string }[] = [];
  let count = 0;
  for (let i = 0; i < c.rows; i++) {
    const code = codes[i]!;
    if (code < 0 || !hits[code]) continue;
    count++;
    if (examples.length < EXAMPLES) examples.push({ row: c.lineNumbers[i]!, value: arrays.vocabulary[code]! });
    codes[i] = NOT_TEXT;
  }
  return { arrays: withoutUnusedTexts(arrays, c.rows), warnings: [messages.nonFinite(c.name, count, examples)] };
}
