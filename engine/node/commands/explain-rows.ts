/** The per-row half of `explain`: attributions of chosen rows, printed per row, and the JSON `--out` writes. */
import type { Backend } from '../../backend/index.ts';
import {
  applyPreprocessing,
  cellLabel,
  readingOptions,
  type CsvOptions,
  type Preprocessing,
} from '../../data/index.ts';
import { DatasetError } from '../../errors.ts';
import {
  attributeRows,
  completenessBound,
  meanInputs,
  type AttributionMethod,
  type AttributionResult,
} from '../../explain/index.ts';
import { loadCsv } from '../dataset.ts';
import { num } from '../format.ts';
import { writeFileAtomic } from '../outputs.ts';
import { checkRowsExist } from '../row-list.ts';
import type { ModelInput } from './model-input.ts';

/** What `explain --rows` was asked. */
export interface RowsRequest {
  rows: Int32Array;
  method: AttributionMethod;
  /** 'mean', 'zeros', or a CSV file whose rows' mean is the baseline. */
  baseline: string;
  steps: number;
  dataPath: string;
  csvOptions: CsvOptions;
  out?: string;
}

const signed = (x: number): string => (x >= 0 ? `+${num(x)}` : num(x));
/** A prediction with 6 significant digits, so 0.99996 does not read as 1. */
const precise = (x: number): string => String(+x.toPrecision(6));

function baselineInputs(input: ModelInput, req: RowsRequest): { inputs: Float32Array; description: string } {
  const f = input.model.inputs;
  if (req.baseline === 'zeros')
    return {
      inputs: new Float32Array(f),
      description: 'all inputs 0 after preprocessing (a standardized number at its training mean, no category set)',
    };
  if (req.baseline === 'mean')
    return {
      inputs: meanInputs(input.x, input.rows, f),
      description: `the mean of the ${input.rows} rows of ${req.dataPath} (after preprocessing)`,
    };
  let table, applied;
  try {
    table = loadCsv(req.baseline, { ...readingOptions(input.model.reading), ...req.csvOptions });
    applied = applyPreprocessing(input.model.preprocessing as Preprocessing, table);
  } catch (e) {
    // "The file has no data rows" must say which of the two CSVs it means.
    if (e instanceof DatasetError)
      throw new DatasetError(e.problems.map((p) => ({ ...p, message: `Baseline '${req.baseline}': ${p.message}` })));
    throw e;
  }
  for (const w of [...table.warnings, ...applied.warnings])
    process.stderr.write(`warning: baseline ${req.baseline}: ${w.message}\n`);
  const n = applied.rows;
  return {
    inputs: meanInputs(applied.x, n, f),
    description:
      n === 1 ? `the row of ${req.baseline}` : `the mean of the ${n} rows of ${req.baseline} (after preprocessing)`,
  };
}

/** The text for the terminal: a header, then each row's attributions, largest first, beside its values. */
export function attributionText(
  r: AttributionResult,
  rowNumbers: Int32Array,
  values: Record<string, string>[],
  baseline: string,
): string {
  const method = r.method === 'integrated-gradients' ? `Integrated Gradients (${r.steps} steps)` : 'Gradient × input';
  const what = r.output === 'probability' ? "the predicted class's probability" : 'the predicted value';
  const lines = [`${method} of ${what}, from a baseline of ${baseline}.`];
  r.rows.forEach((row, i) => {
    const head =
      row.label === null
        ? `predicted ${precise(row.prediction)}`
        : `${row.label} with probability ${precise(row.prediction)}`;
    lines.push(
      '',
      `Row ${rowNumbers[i]! + 1}: ${head} (baseline ${precise(row.baseline)}, change ${signed(row.prediction - row.baseline)})`,
    );
    const entries = Object.entries(row.attributions).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    const w = Math.max(6, ...entries.map(([c]) => c.length));
    const vw = Math.min(24, Math.max(5, ...entries.map(([c]) => values[i]![c]!.length)));
    lines.push(`  ${'column'.padEnd(w)}  ${'value'.padEnd(vw)}  attribution`);
    for (const [c, v] of entries) {
      const shown = values[i]![c]!;
      lines.push(
        `  ${c.padEnd(w)}  ${(shown.length > vw ? `${shown.slice(0, vw - 1)}…` : shown).padEnd(vw)}  ${signed(v)}`,
      );
    }
    const sum = Object.values(row.attributions).reduce((a, b) => a + b, 0);
    lines.push(
      r.method === 'integrated-gradients'
        ? `  sum ${signed(sum)} (the change, within ${num(Math.abs(row.gap))})`
        : `  sum ${signed(sum)} (gradient × input need not add up to the change)`,
    );
  });
  return `${lines.join('\n')}\n`;
}

/** Attributions of the requested rows; prints them, writes JSON to `out`. */
export async function explainRows(input: ModelInput, backend: Backend, req: RowsRequest): Promise<void> {
  checkRowsExist(req.rows, input.rows, req.dataPath);
  const f = input.model.inputs;
  const pre = input.model.preprocessing as Preprocessing;
  const base = baselineInputs(input, req);
  const x = new Float32Array(req.rows.length * f);
  req.rows.forEach((r, i) => x.set(input.x.subarray(r * f, (r + 1) * f), i * f));
  const result = await attributeRows(input.model, pre, backend, x, req.rows.length, base.inputs, {
    method: req.method,
    steps: req.steps,
  });
  const byName = new Map(input.table.columns.map((c) => [c.name, c]));
  const values = Array.from(req.rows, (r) =>
    Object.fromEntries(pre.features.map((t) => [t.column, cellLabel(byName.get(t.column)!, r) ?? '(missing)'])),
  );
  process.stdout.write(attributionText(result, req.rows, values, base.description));
  if (req.method === 'integrated-gradients') {
    result.rows.forEach((row, i) => {
      if (Math.abs(row.gap) > completenessBound(row.prediction, row.baseline))
        process.stderr.write(
          `warning: row ${req.rows[i]! + 1}: the attributions miss the change in prediction by ${num(Math.abs(row.gap))}. Raise --steps for a closer sum.\n`,
        );
    });
  }
  if (req.out !== undefined) {
    const json = {
      format: 'backprop-studio/attributions',
      version: 1,
      method: result.method,
      output: result.output,
      steps: result.steps,
      baseline: req.baseline,
      rows: result.rows.map((row, i) => ({
        row: req.rows[i]! + 1,
        ...(row.label === null ? {} : { label: row.label }),
        prediction: row.prediction,
        baseline: row.baseline,
        attributions: row.attributions,
        values: values[i],
        gap: row.gap,
      })),
    };
    writeFileAtomic(req.out, `${JSON.stringify(json, null, 2)}\n`);
    process.stderr.write(
      `Wrote the attributions of ${result.rows.length} row${result.rows.length === 1 ? '' : 's'} to ${req.out}\n`,
    );
  }
}
