/** The Data section: the file, its rows and columns, each column's profile, and every warning. */
import type { ColumnProfile } from '../../data/index.ts';
import { count, esc, facts, fmt, MAX_TABLE_ROWS, table, type Cell } from '../html.ts';
import type { ReportDataInfo } from '../types.ts';

function summaryOf(c: ColumnProfile): string {
  if (c.type === 'datetime') {
    const day = (t: number) =>
      Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString().slice(0, 10) : '—';
    return `${day(c.min)} to ${day(c.max)}`;
  }
  if (c.type === 'numeric' || c.type === 'integer')
    return `${fmt(c.min)} to ${fmt(c.max)}, mean ${fmt(c.mean)}, sd ${fmt(c.std)}`;
  const top = c.topValues.slice(0, 3).map((v) => `${v.value} (${count(v.count)})`);
  return top.length ? `most frequent: ${top.join(', ')}` : '';
}

/** The section's HTML. */
export function dataSection(d: ReportDataInfo, target: string, features: ReadonlySet<string>): string {
  const p = d.profile;
  // The target first when the columns are too many to list; then the file's order.
  const listed =
    p.columns.length > MAX_TABLE_ROWS
      ? [...p.columns.filter((c) => c.name === target), ...p.columns.filter((c) => c.name !== target)].slice(
          0,
          MAX_TABLE_ROWS,
        )
      : p.columns;
  const rows: Cell[][] = listed.map((c) => [
    c.name + (c.name === target ? ' (target)' : ''),
    c.type,
    { html: count(c.missing), num: true },
    { html: `${c.distinctIsLowerBound ? 'over ' : ''}${count(c.distinct)}`, num: true },
    summaryOf(c),
    c.name === target ? 'target' : features.has(c.name) ? 'input' : 'not used',
  ]);
  const warnings = [...p.readingWarnings, ...p.warnings, ...d.warnings];
  const seen = new Set<string>();
  const unique = warnings.filter((w) => !seen.has(w.message) && seen.add(w.message));
  const counts = (p.target?.classes ?? []).map((c) => `${esc(c.value)} ${count(c.count)}`).join(', ');
  const classes = p.target && counts ? `<p>Classes of '${esc(p.target.name)}': ${counts}.</p>` : '';
  const caption =
    listed.length < p.columns.length
      ? `The first ${listed.length} of ${count(p.columns.length)} columns (backprop-studio profile lists them all)`
      : 'Each column of the file';
  const list = unique.length
    ? `<ul class="warnings">${unique.map((w) => `<li>${esc(w.message)}</li>`).join('')}</ul>`
    : '';
  return `<section id="data" aria-labelledby="data-h"><h2 id="data-h">Data</h2>
${facts([
  ['File', d.file],
  ['Rows', count(d.rows)],
  ['Columns', count(d.columns)],
  ['Scored', d.scored],
  ['Duplicate rows', count(p.duplicateRows)],
])}
${classes}
${table(caption, ['Column', 'Type', 'Missing', 'Distinct', 'Values', 'Role'], rows)}
<h3>Warnings</h3>
${list || '<p>No data-quality warnings.</p>'}
</section>`;
}
