/** Infers a column's type from its summary and says why a column is left out by default. */
import { DISTINCT_LIMIT, STRAY_TEXT_FRACTION, type ColumnArrays } from './column-types.ts';
import type { ColumnInference, ColumnSummary, ColumnType } from './table.ts';

/** Texts that read as true / false in a boolean column (compared without case). */
export const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', 't']);
/** See `TRUE_WORDS`. */
export const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', 'f']);

/** A text column with at most this many distinct values is categorical whatever its size. */
const SMALL_CATEGORY_COUNT = 20;
/** Above this many distinct values a text column is never categorical. */
const MAX_CATEGORY_COUNT = 1000;
/** Free text has long values or words. */
const FREE_TEXT_LENGTH = 30;

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function distinctLabel(s: ColumnSummary): string {
  return s.distinct > DISTINCT_LIMIT
    ? `more than ${DISTINCT_LIMIT.toLocaleString('en-US')} different values`
    : plural(s.distinct, 'different value');
}

/** The used vocabulary entries of a column (those some row still points at). */
export function usedTexts(col: ColumnArrays): string[] {
  if (!col.codes) return [];
  const used = new Uint8Array(col.vocabulary.length);
  for (const c of col.codes) if (c >= 0) used[c] = 1;
  return col.vocabulary.filter((_, i) => used[i] === 1);
}

/** Every text is a true or false word (any case), and both kinds occur. */
function isBooleanWords(texts: readonly string[]): boolean {
  const lower = texts.map((t) => t.toLowerCase());
  return (
    lower.every((t) => TRUE_WORDS.has(t) || FALSE_WORDS.has(t)) &&
    lower.some((t) => TRUE_WORDS.has(t)) &&
    lower.some((t) => FALSE_WORDS.has(t))
  );
}

/** Whether the number cells are a stray minority among text cells, i.e. the column is really numeric. */
export function isMostlyNumeric(s: ColumnSummary): boolean {
  return s.numbers > 0 && s.texts <= STRAY_TEXT_FRACTION * (s.numbers + s.texts);
}

function textFamilyType(col: ColumnArrays, s: ColumnSummary, nonMissing: number): ColumnType {
  const texts = usedTexts(col);
  if (s.numbers === 0 && isBooleanWords(texts)) return 'boolean';
  if (s.distinct <= SMALL_CATEGORY_COUNT) return 'categorical';
  if (s.distinct <= MAX_CATEGORY_COUNT && s.distinct <= 0.5 * nonMissing) return 'categorical';
  let long = 0;
  for (const t of texts) if (t.length > FREE_TEXT_LENGTH || t.includes(' ')) long++;
  return long > texts.length / 2 ? 'text' : 'identifier';
}

/** The type of a column whose values were read into `col` and summarized into `s`. */
export function inferType(col: ColumnArrays, s: ColumnSummary): ColumnType {
  const nonMissing = s.numbers + s.texts + s.dates;
  if (nonMissing === 0) return 'numeric';
  if (s.dates >= (1 - STRAY_TEXT_FRACTION) * nonMissing) return 'datetime';
  if (isMostlyNumeric(s)) {
    // A 0/1 column stays a number: a count that happens to be 0 or 1 in training may be 2 or 5 later.
    if (s.allIntegers) return s.isRowNumber ? 'identifier' : 'integer';
    return 'numeric';
  }
  return textFamilyType(col, s, nonMissing);
}

/** The one value of a constant column, for messages. */
function onlyValue(col: ColumnArrays, s: ColumnSummary): string {
  if (s.numbers > 0) return String(s.min);
  const texts = usedTexts(col);
  if (texts.length > 0) return texts[0]!;
  if (col.dates) for (const t of col.dates) if (t === t) return new Date(t).toISOString();
  return '';
}

/** Why a column of this type is not used as a feature by default, or null when it is. */
export function exclusionReason(col: ColumnArrays, s: ColumnSummary, type: ColumnType): string | null {
  const nonMissing = s.numbers + s.texts + s.dates;
  if (nonMissing === 0) return 'every value is missing';
  if (s.distinct <= 1) {
    const missing = s.missing > 0 ? ` (or is missing)` : '';
    return `it has the same value ('${onlyValue(col, s)}') in every row${missing}`;
  }
  if (type === 'identifier') {
    return s.isRowNumber
      ? 'it looks like a row number (1, 2, 3, …)'
      : `it looks like an identifier (${distinctLabel(s)} in ${plural(nonMissing, 'row')})`;
  }
  if (type === 'text') return `it looks like free text (${distinctLabel(s)} in ${plural(nonMissing, 'row')})`;
  return null;
}

/** Infers type, constancy and default exclusion of a column. */
export function inferColumn(col: ColumnArrays, s: ColumnSummary): ColumnInference {
  const type = inferType(col, s);
  return { type, isConstant: s.distinct <= 1, exclusion: exclusionReason(col, s, type) };
}
