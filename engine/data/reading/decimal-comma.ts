/**
 * Numbers written with a decimal comma (`5,1`, `1.234,5`, `1 234,5`): reading one, gathering a column's
 * evidence while the file streams in, and deciding whether the whole column can be read that way.
 */
import { parseNumber, type CellExample } from './cells.ts';
import { grow, trim } from './growable.ts';
import { STRAY_TEXT_FRACTION } from './column-types.ts';

/** A text read as a number with a decimal comma. */
export interface CommaNumber {
  value: number;
  /** Whether it has a decimal comma (`1.234.567` only has thousands separators). */
  hasComma: boolean;
  /** The thousands separator it uses (any kind of space reads as ' '); null for none. */
  thousands: '.' | ' ' | null;
  /** Its comma cannot separate thousands (`5,1`, `0,250`, `1234,5`, `1.234,5`), unlike the comma of `1,500`. */
  isSurelyDecimal: boolean;
}

/** Sign, then plain digits or groups of three (the first not starting with 0), then `,` and the decimals. */
const COMMA_NUMBER = /^([+-]?)(?:(\d+)|([1-9]\d{0,2}(?:([. \u00a0\u202f])\d{3})(?:\4\d{3})*))?(?:,(\d+))?$/;
/** A number like `1.234`: 1.234 with a decimal point, but 1234 where '.' separates thousands. */
const DOT_GROUPED = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

/** The number `s` writes with a decimal comma or thousands separators, or null (plain integers too: they need neither). */
export function parseCommaNumber(s: string): CommaNumber | null {
  const m = COMMA_NUMBER.exec(s);
  if (!m) return null;
  const [, sign, plain, grouped, separator, decimals] = m;
  if (decimals === undefined && separator === undefined) return null;
  const whole = plain ?? (grouped ? grouped.replace(/\D/g, '') : '');
  const value = Number(`${sign}${whole || '0'}.${decimals ?? '0'}`);
  if (!Number.isFinite(value)) return null;
  const thousands = separator === undefined ? null : separator === '.' ? '.' : ' ';
  const isSurelyDecimal =
    decimals !== undefined &&
    (thousands !== null || decimals.length !== 3 || whole.length === 0 || whole.length > 3 || whole[0] === '0');
  return { value, hasComma: decimals !== undefined, thousands, isSurelyDecimal };
}

/**
 * A cell of a file whose decimal separator the user set to ',': `5,1`, `1.234,5`, `1 234,5`, and `2.500`
 * as 2500 ('.' separates thousands); anything else as `parseNumber` reads it (`3.5` stays 3.5). NaN: not a number.
 */
export function parseDecimalCommaCell(s: string): number {
  return parseCommaNumber(s)?.value ?? parseNumber(s, true);
}

/** What a number cell like `1.234` reads as when '.' separates thousands; NaN for any other text. */
export function dotGroupedValue(s: string): number {
  return DOT_GROUPED.test(s) ? Number(s.replace('.', '')) : NaN;
}

/** One column's signs of a decimal comma, gathered cell by cell. Rows are 0-based data rows. */
export class DecimalEvidence {
  /** Per row: the value read with a decimal comma where it differs from the plain reading; NaN elsewhere. */
  values: Float64Array | null = null;
  /** Text cells that are numbers with a decimal comma or thousands separators. */
  commaCells = 0;
  /** First cell whose comma can only be a decimal comma. */
  surelyDecimal: CellExample | null = null;
  /** First cell like `1,500`, whose comma may separate thousands. */
  maybeThousands: CellExample | null = null;
  /** First text with '.' between thousands (`1.234,5`, `1.234.567`). */
  dotThousands: CellExample | null = null;
  /** First text with a space between thousands (`1 234,5`). */
  spaceThousands: CellExample | null = null;
  /** First number like `1.234`, which reads differently by convention. */
  dotGrouped: CellExample | null = null;
  /** First number with a decimal point (`3.5`), which a decimal-comma column cannot have. */
  decimalPoint: CellExample | null = null;

  /** Notes a cell read as a number (with a decimal point) whose text `s` contains '.'. */
  noteNumber(s: string, row: number, capacity: number): void {
    const grouped = dotGroupedValue(s);
    if (grouped !== grouped) {
      this.decimalPoint ??= { row, text: s };
      return;
    }
    this.dotGrouped ??= { row, text: s };
    this.store(row, grouped, capacity);
  }

  /** Notes a cell that was not read as a number. */
  noteText(s: string, row: number, capacity: number): void {
    const c = s.charCodeAt(0);
    if (!((c >= 48 && c <= 57) || c === 44 || c === 43 || c === 45)) return; // 0-9 , + -
    const n = parseCommaNumber(s);
    if (!n) return;
    this.commaCells++;
    const example = { row, text: s };
    if (n.isSurelyDecimal) this.surelyDecimal ??= example;
    else if (n.hasComma) this.maybeThousands ??= example;
    if (n.thousands === '.') this.dotThousands ??= example;
    if (n.thousands === ' ') this.spaceThousands ??= example;
    this.store(row, n.value, capacity);
  }

  private store(row: number, value: number, capacity: number): void {
    this.values ??= new Float64Array(capacity).fill(NaN);
    this.values[row] = value;
  }

  /** Makes room for `size` rows. */
  reserve(size: number): void {
    if (this.values && size > this.values.length) this.values = grow(this.values, size, NaN);
  }

  /** Cuts the per-row values to the column's `rows`. */
  finish(rows: number): void {
    if (this.values) this.values = trim(this.values, rows);
  }
}

/** What a column's evidence says about a decimal comma. */
export type DecimalVerdict =
  | { kind: 'none' }
  | { kind: 'decimalComma'; thousands: '.' | ' ' | null; example: CellExample }
  /** Decimal commas and decimal points in one column. */
  | { kind: 'mixedSeparators'; comma: CellExample; point: CellExample }
  /** '.' and a space both separate thousands. */
  | { kind: 'mixedThousands'; dot: CellExample; space: CellExample }
  /** Decimal commas, and a number like `1.234` that no text shows to use '.' between thousands. */
  | { kind: 'pointOrThousands'; comma: CellExample; grouped: CellExample }
  /** Every comma could separate thousands (`1,500`). */
  | { kind: 'commaOrThousands'; example: CellExample };

/** Cell counts of a column as read without a decimal comma. */
export interface CellCounts {
  numbers: number;
  texts: number;
  dates: number;
}

/**
 * Whether a column is read with a decimal comma: it must be a number column once its comma texts are
 * numbers (stray text allowed as in any number column), one comma must surely be a decimal comma, and
 * no cell may follow the other convention (a decimal point, a second thousands separator, an unconfirmed `1.234`).
 */
export function decideDecimalComma(e: DecimalEvidence, counts: CellCounts): DecimalVerdict {
  if (!e.surelyDecimal && !e.maybeThousands) return { kind: 'none' };
  const numbers = counts.numbers + e.commaCells;
  const stray = counts.texts - e.commaCells + counts.dates;
  if (stray > STRAY_TEXT_FRACTION * (numbers + stray)) return { kind: 'none' };
  if (!e.surelyDecimal) {
    // `1,500` next to `2.5` is most likely a thousands comma with a decimal point: not ours to report.
    return e.decimalPoint ? { kind: 'none' } : { kind: 'commaOrThousands', example: e.maybeThousands! };
  }
  if (e.decimalPoint) return { kind: 'mixedSeparators', comma: e.surelyDecimal, point: e.decimalPoint };
  const dot = e.dotThousands ?? e.dotGrouped;
  if (dot && e.spaceThousands) return { kind: 'mixedThousands', dot, space: e.spaceThousands };
  if (e.dotGrouped && !e.dotThousands)
    return { kind: 'pointOrThousands', comma: e.surelyDecimal, grouped: e.dotGrouped };
  const grouped = e.dotThousands ?? e.spaceThousands;
  const example = grouped && parseCommaNumber(grouped.text)?.hasComma ? grouped : e.surelyDecimal;
  return { kind: 'decimalComma', thousands: e.dotThousands ? '.' : e.spaceThousands ? ' ' : null, example };
}
