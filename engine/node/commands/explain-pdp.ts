/** The partial-dependence part of `explain`: `--pdp COLUMN [--ice] [--grid N]`, printed as a table, JSON to --out. */
import type { Backend } from '../../backend/index.ts';
import type { Preprocessing } from '../../data/index.ts';
import { ExplainError, explainMessages, partialDependence, type PartialDependence } from '../../explain/index.ts';
import { writeFileAtomic } from '../outputs.ts';
import type { ModelInput } from './model-input.ts';

/** What `explain --pdp` was asked. */
export interface PdpRequest {
  column: string;
  ice: boolean;
  points?: number;
  out?: string;
}

/** The table: one line per grid value, one column per output (with --ice, the rows' range beside the mean). */
export function pdpText(r: PartialDependence): string {
  const head =
    r.output === 'probability'
      ? 'the average predicted probability of each class'
      : `the average predicted '${r.outputs[0]}'`;
  const lines = [
    `Partial dependence on '${r.column}' over ${r.rows} rows: ${head} as '${r.column}' takes each ${r.kind === 'number' ? 'value of the grid (quantiles of its values)' : 'category'}, the other columns as they are in each row.`,
  ];
  // Probabilities with 4 decimals line up; a value in the target's units gets 6 significant digits.
  const cell = r.output === 'probability' ? (v: number) => v.toFixed(4) : (v: number) => String(+v.toPrecision(6));
  if (r.ice) {
    const which = r.ice.length < r.rows ? `the first ${r.ice.length} rows'` : "the rows'";
    lines.push(
      `In brackets: the lowest and highest of ${which} own predictions (their individual curves are in --out).`,
    );
  }
  const cells = r.average.map((avg, g) =>
    avg.map((v, o) => {
      if (!r.ice) return cell(v);
      const each = r.ice.map((curve) => curve[g]![o]!);
      return `${cell(v)} [${cell(Math.min(...each))}–${cell(Math.max(...each))}]`;
    }),
  );
  const w0 = Math.max(r.column.length, ...r.grid.map((v) => v.length));
  const widths = r.outputs.map((o, i) => Math.max(o.length, ...cells.map((c) => c[i]!.length)));
  lines.push('', [r.column.padEnd(w0), ...r.outputs.map((o, i) => o.padEnd(widths[i]!))].join('  ').trimEnd());
  r.grid.forEach((v, g) =>
    lines.push([v.padEnd(w0), ...cells[g]!.map((c, i) => c.padEnd(widths[i]!))].join('  ').trimEnd()),
  );
  return `${lines.join('\n')}\n`;
}

/** Partial dependence of the requested column; prints it, writes JSON to `out`. */
export async function explainPdp(input: ModelInput, backend: Backend, req: PdpRequest): Promise<void> {
  const pre = input.model.preprocessing as Preprocessing;
  const feature = pre.features.find((f) => f.column === req.column);
  const byCategory = feature !== undefined && feature.kind !== 'number' && feature.kind !== 'datetime';
  if (req.points !== undefined && byCategory) throw new ExplainError(explainMessages.gridOnCategory(req.column));
  const r = await partialDependence(input.model, pre, backend, input.table, input.x, input.rows, req.column, {
    points: req.points,
    ice: req.ice,
  });
  process.stdout.write(pdpText(r));
  if (req.out !== undefined) {
    const byOutput = (values: readonly number[]) => Object.fromEntries(r.outputs.map((o, i) => [o, values[i]!]));
    const json = {
      format: 'backprop-studio/partial-dependence',
      version: 1,
      column: r.column,
      kind: r.kind,
      output: r.output,
      rows: r.rows,
      outputs: r.outputs,
      points: r.grid.map((value, g) => ({ value, average: byOutput(r.average[g]!) })),
      ...(r.ice ? { ice: r.ice.map((curve, row) => ({ row: row + 1, values: curve.map(byOutput) })) } : {}),
    };
    writeFileAtomic(req.out, `${JSON.stringify(json, null, 2)}\n`);
    process.stderr.write(`Wrote the partial dependence on '${r.column}' (${r.grid.length} values) to ${req.out}\n`);
  }
}
