/** Reading one cell: is it missing, a number, a date, or text? */

/** A cell quoted in a message: its 0-based data row and its text. */
export interface CellExample {
  row: number;
  text: string;
}

/** Texts read as missing by default (compared without case). `#N/A` is what Excel writes. */
export const DEFAULT_MISSING_VALUES: readonly string[] = ['', 'na', 'n/a', 'nan', 'null', '?', '-', '#n/a'];

/** Missing-value markers, ready for fast lookup. */
export interface MissingMarkers {
  texts: ReadonlySet<string>;
  /** Markers that are numbers (`-999`): number cells equal to one of these are missing. */
  numbers: ReadonlySet<number>;
  longest: number;
  list: readonly string[];
}

/** Builds the marker set: the defaults plus the user's list. */
export function missingMarkers(extra: readonly string[] = []): MissingMarkers {
  const list = [...new Set([...DEFAULT_MISSING_VALUES, ...extra.map((m) => m.trim().toLowerCase())])];
  const numbers = new Set<number>();
  for (const m of list) {
    const n = parseNumber(m, false);
    if (!Number.isNaN(n)) numbers.add(n);
  }
  return { texts: new Set(list), numbers, longest: Math.max(...list.map((m) => m.length)), list };
}

/** True for a trimmed, non-numeric text that is a missing-value marker. */
export function isMissingText(text: string, markers: MissingMarkers): boolean {
  return text.length === 0 || (text.length <= markers.longest && markers.texts.has(text.toLowerCase()));
}

function isNumberStart(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46; // 0-9 - + .
}

/** Powers of ten that are exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Marks "not a plain decimal; use the general conversion". */
const SLOW = -1;

/**
 * Plain decimals (`-12.5`, up to 15 digits) without the general conversion: the digits form an exact
 * integer m < 2⁵³ and m / 10^k is one correctly rounded division, so the result equals Number(s).
 * Returns SLOW for anything else (exponents, long digit runs, letters), NaN for no digits.
 */
function plainDecimal(s: string): number {
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      return SLOW;
    }
  }
  if (digits === 0) return NaN;
  if (digits > 15) return SLOW;
  const v = fraction > 0 ? m / POW10[fraction]! : m;
  return c0 === 45 ? -v : v;
}

/**
 * The number written in `s`, or NaN. Accepts `12`, `-3.5`, `.5`, `1e-3`; refuses hex, `Infinity`,
 * and anything with letters. With `decimalComma`, `3,5` reads as 3.5.
 */
export function parseNumber(s: string, decimalComma: boolean): number {
  if (s.length === 0 || !isNumberStart(s.charCodeAt(0))) return NaN;
  const fast = plainDecimal(s);
  if (fast !== SLOW) return fast;
  if (s.length > 1 && s.charCodeAt(0) === 48) {
    const c1 = s.charCodeAt(1) | 0x20;
    if (c1 === 120 || c1 === 111 || c1 === 98) return NaN; // 0x 0o 0b
  }
  const n = decimalComma && s.includes(',') ? Number(s.replace(',', '.')) : Number(s);
  return Number.isFinite(n) ? n : NaN;
}

const DATE_PATTERN =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since 1970-01-01 UTC for `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by a time
 * (`T` or space, `HH:MM[:SS[.fff]]`, optional `Z` or `±HH:MM`); NaN for anything else.
 * Day-first and month-first dates (`31/12/2020`) are ambiguous and stay text.
 */
export function parseDate(s: string): number {
  if (s.length < 8) return NaN;
  const c4 = s.charCodeAt(4);
  if (c4 !== 45 && c4 !== 47) return NaN;
  const m = DATE_PATTERN.exec(s);
  if (!m) return NaN;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 60) return NaN;
  const ms = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(t).getUTCDate() !== day) return NaN; // 2021-02-30
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
  }
  return t;
}
