/**
 * How each missing cell of a column was written (`NA`, `n/a`, `-999`, …), so files written back (the
 * predictions CSV) keep it instead of an empty cell. One byte per row, allocated only when a column has a
 * non-empty missing marker; empty cells need nothing.
 */

/** Distinct marker texts kept per column; a cell written a 256th way reads back empty. */
const MAX_TEXTS = 255;

function resized(a: Uint8Array, size: number): Uint8Array {
  const next = new Uint8Array(size);
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}

/** Per row: 0 (empty, or not missing), or 1 + the index of the cell's text in `texts`. */
export interface MissingTexts {
  texts: readonly string[];
  codes: Uint8Array;
}

/** Collects one column's missing-marker texts while the file streams in. */
export class MissingTextBuilder {
  private codes: Uint8Array | null = null;
  private readonly texts: string[] = [];
  private readonly index = new Map<string, number>();
  private capacity = 0;

  /** Notes that the cell in `row` is missing and was written `text` (trimmed, non-empty). */
  note(text: string, row: number): void {
    let code = this.index.get(text);
    if (code === undefined) {
      if (this.texts.length >= MAX_TEXTS) return;
      this.texts.push(text);
      code = this.texts.length;
      this.index.set(text, code);
    }
    this.codes ??= new Uint8Array(this.capacity);
    if (row >= this.codes.length) this.codes = resized(this.codes, Math.max(row + 1, this.codes.length * 2));
    this.codes[row] = code;
  }

  /** Makes room for `size` rows. */
  reserve(size: number): void {
    this.capacity = Math.max(this.capacity, size);
    if (this.codes && size > this.codes.length) this.codes = resized(this.codes, size);
  }

  /** The texts and codes of the `rows` rows read; null when no missing cell had text. */
  finish(rows: number): MissingTexts | null {
    if (!this.codes) return null;
    return { texts: this.texts, codes: this.codes.length === rows ? this.codes : resized(this.codes, rows) };
  }
}

/** The text a missing cell was written as ('' when it was empty or not missing). */
export function missingTextAt(missing: MissingTexts | null | undefined, row: number): string {
  const code = missing ? (missing.codes[row] ?? 0) : 0;
  return code > 0 ? (missing!.texts[code - 1] ?? '') : '';
}
