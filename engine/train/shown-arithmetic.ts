/**
 * Arithmetic shown with its numbers ("(p − t) / rows = r", "−ln p = L") must add up as printed: rounded to
 * four digits, p = 0.99995732 prints as "1.000", and "(1 − 1) / 1 = −4.268e-5" reads as a mistake. This
 * picks the fewest significant digits (at least the usual ones) with which the operands, taken as shown,
 * give the result as shown; where even float32's precision does not (the engine computed in float32, the
 * check recomputes in float64), the caller writes "≈" instead of "=".
 */

/** Formats a value with `digits` significant digits, printing every one of them it keeps. */
export type DigitsFormat = (v: number, digits: number) => string;

/** Operands and result as printed, and whether "=" holds for the printed numbers. */
export interface ShownArithmetic {
  operands: string[];
  result: string;
  /** The shown operands, recomputed, give the shown result; otherwise write "≈". */
  isExact: boolean;
}

/** Enough significant digits to print any float32 exactly. */
export const MAX_SHOWN_DIGITS = 9;

/** `v` rounded to `digits` significant digits (integers stay as they are). */
function rounded(v: number, digits: number): number {
  return Number.isInteger(v) || !Number.isFinite(v) ? v : Number(v.toPrecision(digits));
}

/**
 * Print `operands` with the fewest digits from `digits` up to MAX_SHOWN_DIGITS such that `compute` of the
 * printed operands prints as `result` does (at `digits` digits). Whole numbers (targets, row counts) are
 * exact at any precision and keep the usual digits.
 */
export function shownArithmetic(
  operands: readonly number[],
  compute: (xs: readonly number[]) => number,
  result: number,
  format: DigitsFormat,
  digits = 4,
): ShownArithmetic {
  const shownResult = format(result, digits);
  for (let d = digits; d <= MAX_SHOWN_DIGITS; d++) {
    const xs = operands.map((v) => rounded(v, d));
    if (format(compute(xs), digits) === shownResult)
      return {
        operands: operands.map((v) => format(v, Number.isInteger(v) ? digits : d)),
        result: shownResult,
        isExact: true,
      };
  }
  return { operands: operands.map((v) => format(v, digits)), result: shownResult, isExact: false };
}
