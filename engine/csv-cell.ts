/**
 * One cell of a CSV file we write (predictions, sweep trials), safe to open in a spreadsheet.
 *
 * Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula in Excel,
 * LibreOffice or Google Sheets (`=cmd|' /C calc'!A0`), so such text gets a leading single quote, as OWASP's
 * CSV-injection advice says; numbers (including `-3.5` and `+1e-3` written as text) stay numbers. Cells
 * holding the delimiter, a quote or a line break are quoted, with quotes doubled.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, which a spreadsheet reads as a number, not a formula. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `text` with a leading `'` when a spreadsheet would take it for a formula; numbers unchanged. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * A CSV cell: null, undefined and non-finite numbers are empty; finite numbers as JavaScript writes them;
 * text neutralized (see `neutralizeFormula`) and quoted when it holds `delimiter`, `"` or a line break.
 */
export function csvCell(value: string | number | boolean | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(String(value));
  return text.includes(delimiter) || /["\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line of `cells`. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[], delimiter = ','): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter);
}
