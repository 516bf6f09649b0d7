/** The Importance section: permutation importance with error bars, and the top columns' partial dependence. */
import type { ImportanceResult, PartialDependence } from '../../explain/index.ts';
import { barChart, MAX_BARS } from '../bars.ts';
import { xyChart, type Series } from '../chart.ts';
import { count, esc, fmt, folded, MAX_TABLE_ROWS, table, type Cell } from '../html.ts';

/** Most outputs (classes) drawn in one partial-dependence chart; its table lists them all. */
const MAX_PDP_SERIES = 8;
const PDP_ABOUT =
  'Each chart sets one column to each value in turn in every row, the other columns left as they are,' +
  ' and averages the predictions.';
const METRIC = { accuracy: 'accuracy', r2: 'R²' } as const;

/** A change with a sign and 4 decimals, as the CLI's `explain` prints it, so the rows compare at a glance. */
function change(x: number): string {
  const shown = x.toFixed(4);
  // A tiny negative mean rounds to "-0.0000"; it reads as the no change it is.
  return Number(shown) === 0 ? '+0.0000' : `${x > 0 ? '+' : ''}${shown}`;
}

/** mean ± std with the same 4 decimals on both sides. */
const spread = (mean: number, std: number): string => `${change(mean)} ± ${std.toFixed(4)}`;

function importance(r: ImportanceResult): string {
  const metric = METRIC[r.metric];
  const ranked = r.columns
    .map((c) => c.column)
    .slice(0, 5)
    .join(', ');
  const chart = barChart(
    'imp',
    `Drop of ${metric} when each column is shuffled (mean ± std)`,
    `Permutation importance of ${r.columns.length} columns over ${r.rows} rows and ${r.repeats} repeats;` +
      ` most important first: ${ranked}.` +
      (r.columns.length > MAX_BARS ? ` The chart draws the ${MAX_BARS} most important; the table lists more.` : ''),
    `drop of ${metric}`,
    r.columns.map((c) => ({ label: c.column, value: c.mean, error: c.std, strong: c.shownToMatter })),
  );
  const rows: Cell[][] = r.columns
    .slice(0, MAX_TABLE_ROWS)
    .map((c, i) => [
      { html: String(i + 1), header: true },
      c.column,
      { html: esc(spread(c.mean, c.std)), num: true },
      { html: esc(spread(c.loss.mean, c.loss.std)), num: true },
      c.shownToMatter ? 'yes' : 'not shown to matter',
    ]);
  const caption =
    r.columns.length > MAX_TABLE_ROWS
      ? `Permutation importance of the ${MAX_TABLE_ROWS} most important of ${count(r.columns.length)} columns`
      : 'Permutation importance, most important first';
  const unshuffled = `unshuffled: ${esc(fmt(r.baseline.metric))}, loss ${esc(fmt(r.baseline.loss))}`;
  return `<p>Each column's values were shuffled across the ${r.rows} scored rows ${r.repeats} times (seed ${r.seed});
the bars show how much ${metric} dropped (${unshuffled}). Columns whose mean ± std includes 0 are drawn pale:
shuffling them did not clearly change ${metric}.</p>
${chart}
${table(caption, ['Rank', 'Column', `${metric} drop`, 'Loss rise', 'Shown to matter'], rows, false)}`;
}

function dependence(p: PartialDependence, i: number): string {
  const shown = p.outputs.slice(0, MAX_PDP_SERIES);
  const numeric = p.kind === 'number' && p.grid.every((g) => Number.isFinite(Number(g)));
  const x = (g: number) => (numeric ? Number(p.grid[g]) : g);
  const series: Series[] = shown.map((name, o) => ({
    name: p.output === 'probability' ? `P(${name})` : name,
    points: p.grid.map((_, g) => ({ x: x(g), y: p.average[g]![o]! })),
    style: numeric ? 'line' : 'dots',
    size: 5,
  }));
  const what =
    p.output === 'probability'
      ? 'the average predicted probability of each class'
      : `the average predicted '${p.outputs[0]}'`;
  const chart = xyChart({
    id: `pdp${i}`,
    title: `Partial dependence on '${p.column}'`,
    xLabel: p.column,
    yLabel: p.output === 'probability' ? 'average probability' : `average ${p.outputs[0]}`,
    description:
      `How ${what} changes as '${p.column}' takes ${p.grid.length} values` +
      ` (${p.grid[0]} to ${p.grid[p.grid.length - 1]}) in every one of ${p.rows} rows.` +
      (p.outputs.length > shown.length
        ? ` The chart draws the first ${shown.length} of ${p.outputs.length} classes; the table lists all.`
        : ''),
    series,
    ...(p.output === 'probability' ? { yRange: [0, 1] as [number, number] } : {}),
    ...(numeric ? {} : { xCategories: p.grid }),
  });
  const rows: Cell[][] = p.grid.map((v, g) => [v, ...p.average[g]!]);
  return (
    chart +
    folded(
      `Partial dependence on '${p.column}' as a table`,
      table(
        `Partial dependence on '${p.column}'`,
        [p.column, ...p.outputs.map((o) => (p.output === 'probability' ? `P(${o})` : o))],
        rows,
      ),
    )
  );
}

/** The section's HTML. */
export function importanceSection(
  r: ImportanceResult,
  pdp: readonly PartialDependence[],
  notes: readonly string[],
  sample: string | null,
): string {
  return `<section id="importance" aria-labelledby="importance-h"><h2 id="importance-h">Importance</h2>
${sample ? `<p>${esc(sample)}</p>` : ''}
<h3>Permutation importance</h3>
${importance(r)}
<h3>Partial dependence of the top columns</h3>
${pdp.length ? `<p>${PDP_ABOUT}</p>\n${pdp.map(dependence).join('\n')}` : ''}
${notes.map((n) => `<p>${esc(n)}</p>`).join('\n')}
</section>`;
}
