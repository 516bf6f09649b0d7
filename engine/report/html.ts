/** Small HTML helpers of the report: escaping, numbers as text, and accessible tables. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values (also in inline SVG). */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A number with `digits` significant digits (no exponent for ordinary sizes); an em dash when not finite. */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x !== 0 && (Math.abs(x) >= 1e9 || Math.abs(x) < 1e-4)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

/** Most rows a table lists, so a report of a wide, long or many-class model stays a few hundred KB. */
export const MAX_TABLE_ROWS = 200;

/** A whole number with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A fraction as a percentage with one decimal. */
export function percent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—';
}

/** A cell of `table`: text (escaped) or trusted HTML, optionally a row header or numeric (right-aligned). */
export type Cell = string | number | { html: string; num?: boolean; header?: boolean };

function cellHtml(c: Cell, tag: 'td' | 'th', rowHeader: boolean): string {
  if (typeof c === 'number') return `<${tag} class="num">${esc(fmt(c))}</${tag}>`;
  if (typeof c === 'string') return rowHeader ? `<th scope="row">${esc(c)}</th>` : `<${tag}>${esc(c)}</${tag}>`;
  const t = c.header || rowHeader ? 'th' : tag;
  return `<${t}${t === 'th' && tag === 'td' ? ' scope="row"' : ''}${c.num ? ' class="num"' : ''}>${c.html}</${t}>`;
}

/** A table with a caption and column headers; the first cell of each row is its header when `rowHeaders`. */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  rowHeaders = true,
): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => cellHtml(c, 'td', rowHeaders && i === 0)).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * An SVG image: role img, named by its title and described by its description (ids `${id}-t`, `${id}-d`),
 * `body` its trusted drawing.
 */
export function svgImage(
  id: string,
  size: { w: number; h: number },
  title: string,
  description: string,
  body: string,
): string {
  const head = `<svg viewBox="0 0 ${size.w} ${size.h}" role="img" aria-labelledby="${id}-t ${id}-d">`;
  return `${head}<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(description)}</desc>${body}</svg>`;
}

/** A definition list of label → value (values escaped). */
export function facts(pairs: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

/** A table kept folded under a summary line: the text alternative of a chart. */
export function folded(summary: string, inner: string): string {
  return `<details><summary>${esc(summary)}</summary>${inner}</details>`;
}
