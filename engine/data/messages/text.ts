/** The wording helpers the dataset catalogs share: numbers, plurals, name lists and the `Problem` shape. */
import type { Problem } from '../../errors.ts';

/** A count written for people: `1,234`. */
export const fmt = (n: number): string => n.toLocaleString('en-US');
/** A byte size in whole mebibytes, rounded up: `3 MiB`. */
export const mebibytes = (bytes: number): string => `${fmt(Math.ceil(bytes / 1024 ** 2))} MiB`;
/** `1 row`, `3 rows` (or the given plural). */
export const plural = (n: number, word: string, many = `${word}s`): string => `${fmt(n)} ${n === 1 ? word : many}`;

/** `'a', 'b', 'c' and 4 more`. */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names
    .slice(0, max)
    .map((n) => `'${n}'`)
    .join(', ');
  return names.length > max ? `${shown} and ${fmt(names.length - max)} more` : shown;
}

/** `'a', 'b' and 'c'`, every name. */
export function quoteAnd(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** `rows 4, 9 and 12` for up to a few row numbers. */
export function listRows(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

/** A dataset problem: code `data/<code>`, where it is, and what to do. */
export const p = (code: string, path: string, message: string): Problem => ({ code: `data/${code}`, path, message });
/** `column 'name'`, inside a sentence. */
export const col = (name: string): string => `column '${name}'`;
/** `Column 'name'`, at the start of a sentence. */
export const Col = (name: string): string => `Column '${name}'`;
/** A date order in words. */
export const order = (o: 'dayFirst' | 'monthFirst'): string => (o === 'dayFirst' ? 'day-first' : 'month-first');
/** The thousands separator that goes with a decimal comma, in words (empty for none). */
export const thousandsWord = (t: '.' | ' ' | null): string =>
  t === '.' ? " and '.' between thousands" : t === ' ' ? ' and a space between thousands' : '';
