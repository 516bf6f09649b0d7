/** A profile as a plain-text report for the terminal (`backprop-studio profile`). */
import { dateLabel } from './column-values.ts';
import type { ColumnProfile, DatasetProfile, HistogramBin } from './profile-types.ts';

const BARS = ' ▁▂▃▄▅▆▇█';
/** Longest column name shown before it is cut with '…'. */
const MAX_NAME = 28;

/** A compact number: whole numbers as they are, others to 4 significant digits. */
function num(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

function stat(c: ColumnProfile, v: number, spread = false): string {
  if (c.type !== 'datetime' || !Number.isFinite(v)) return num(v);
  return spread ? `${num(v / 86_400_000)} d` : dateLabel(v).slice(0, 10);
}

/** Sparkline of a histogram, one character per bin. */
export function sparkline(bins: readonly HistogramBin[]): string {
  const most = Math.max(0, ...bins.map((b) => b.count));
  return bins.map((b) => (b.count === 0 ? BARS[0] : BARS[Math.max(1, Math.round((b.count / most) * 8))])).join('');
}

function cut(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s;
}

function values(c: ColumnProfile): string {
  const top = c.topValues.map((t) => `${cut(t.value, 20)} ${t.count}`).join(', ');
  const more = c.distinct > c.topValues.length && c.topValues.length > 0 ? ', …' : '';
  const spark = c.histogram.length ? sparkline(c.histogram) : '';
  const stray = c.strayText > 0 ? `  (${c.strayText} text)` : '';
  return (c.topValues.length ? top + more : spark) + stray;
}

function table(rows: readonly string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows.map((r) =>
    r
      .map((cell, j) => (rightAligned.has(j) ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The profile as text: a summary line, the target, one row per column, then the reading and data-quality warnings. */
export function formatProfile(profile: DatasetProfile): string {
  const lines: string[] = [];
  const dup =
    profile.duplicateRows === 1 ? '1 duplicate row' : `${profile.duplicateRows.toLocaleString('en-US')} duplicate rows`;
  lines.push(`${profile.rows.toLocaleString('en-US')} rows × ${profile.columns.length} columns, ${dup}`);
  const t = profile.target;
  if (t) {
    const classes = t.classes.length
      ? `, ${t.classes.length} classes (${t.classes
          .slice(0, 8)
          .map((c) => `${c.value} ${c.count}`)
          .join(', ')}${t.classes.length > 8 ? ', …' : ''})`
      : '';
    lines.push(`Target '${t.name}': ${t.task ?? 'cannot be predicted'}${classes}`);
  }
  lines.push('');
  const header = ['column', 'type', 'missing', 'distinct', 'min', 'max', 'mean', 'std', 'values'];
  const rows = profile.columns.map((c) => [
    cut(c.name, MAX_NAME) + (t?.name === c.name ? ' (target)' : c.exclusion ? ' (left out)' : ''),
    c.type,
    String(c.missing),
    `${c.distinctIsLowerBound ? '>' : ''}${c.distinct}`,
    stat(c, c.min),
    stat(c, c.max),
    stat(c, c.mean),
    stat(c, c.std, true),
    values(c),
  ]);
  lines.push(...table([header, ...rows], new Set([2, 3, 4, 5, 6, 7])));
  const warnings = [...profile.readingWarnings, ...profile.warnings];
  if (warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of warnings) lines.push(`- ${w.message}`);
  }
  return lines.join('\n');
}
