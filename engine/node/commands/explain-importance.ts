/** The importance half of `explain`: run permutation importance, print the ranked table, write the JSON. */
import type { Backend } from '../../backend/index.ts';
import type { Preprocessing } from '../../data/index.ts';
import { permutationImportance, type ImportanceResult } from '../../explain/index.ts';
import { num } from '../format.ts';
import { writeFileAtomic } from '../outputs.ts';
import { UsageError } from '../usage-error.ts';
import type { ModelInput } from './model-input.ts';

const METRIC_NAMES = { accuracy: 'accuracy', r2: 'R²' } as const;

/** A change with 4 decimals: every column's is on the same scale, so the table lines up. */
const fixed = (x: number): string => {
  const shown = x.toFixed(4);
  // A tiny negative mean rounds to "-0.0000"; it reads as the no change it is.
  return Number(shown) === 0 ? '+0.0000' : `${x > 0 ? '+' : ''}${shown}`;
};

/** The ranked table as the terminal shows it. */
export function importanceTable(r: ImportanceResult): string {
  const metric = METRIC_NAMES[r.metric];
  const w = Math.max(6, ...r.columns.map((c) => c.column.length));
  const lines = [
    `Permutation importance on ${r.rows} rows (${r.repeats} repeat${r.repeats === 1 ? '' : 's'} per column, seed ${r.seed}): how much ${metric} drops and the loss rises when a column is shuffled.`,
    `Unshuffled: ${metric} ${num(r.baseline.metric)}, loss ${num(r.baseline.loss)}.`,
    '',
    `rank  ${'column'.padEnd(w)}  ${`${metric} drop`.padEnd(17)}  loss rise`,
  ];
  r.columns.forEach((c, i) => {
    const drop = `${fixed(c.mean)} ± ${c.std.toFixed(4)}`;
    const rise = `${fixed(c.loss.mean)} ± ${c.loss.std.toFixed(4)}`;
    lines.push(
      `${String(i + 1).padStart(4)}  ${c.column.padEnd(w)}  ${drop.padEnd(17)}  ${rise.padEnd(17)}${c.shownToMatter ? '' : '  (not shown to matter)'}`.trimEnd(),
    );
  });
  if (r.columns.some((c) => !c.shownToMatter)) {
    lines.push(
      '',
      `(not shown to matter): the drop's mean ± std includes 0, so shuffling the column did not clearly change ${metric}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON `--out` writes: the metric and the columns, most important first. */
export function importanceJson(r: ImportanceResult): string {
  const json = {
    format: 'backprop-studio/importance',
    version: 1,
    metric: r.metric,
    baseline: r.baseline,
    rows: r.rows,
    rowsLeftOut: r.rowsLeftOut,
    repeats: r.repeats,
    seed: r.seed,
    columns: r.columns.map((c) => ({
      column: c.column,
      mean: c.mean,
      std: c.std,
      loss: c.loss,
      shownToMatter: c.shownToMatter,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Permutation importance of the model on the input's rows; prints the table, writes JSON to `out`. */
export async function explainImportance(
  input: ModelInput,
  backend: Backend,
  o: { repeats?: number; seed?: number; out?: string },
): Promise<void> {
  const pre = input.model.preprocessing as Preprocessing;
  if (!input.y) {
    throw new UsageError(
      'cli/no-target-column',
      `The CSV has no column '${pre.target.column}', the model's target, so permutation importance has nothing to score the shuffled predictions against. Use a labelled CSV, or explain single predictions with --rows, which need no target.`,
    );
  }
  const r = await permutationImportance(input.model, pre, backend, input.x, input.y, input.rows, {
    repeats: o.repeats,
    seed: o.seed,
  });
  if (r.rowsLeftOut > 0)
    process.stderr.write(
      `Scored ${r.rows} of ${input.rows} rows; ${r.rowsLeftOut} left out (target missing or unknown).\n`,
    );
  process.stdout.write(importanceTable(r));
  if (o.out !== undefined) {
    writeFileAtomic(o.out, importanceJson(r));
    process.stderr.write(`Wrote the importance of ${r.columns.length} columns to ${o.out}\n`);
  }
}
