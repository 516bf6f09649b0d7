/**
 * `explain MODEL.json DATA.csv`: which columns the model relies on (permutation importance, the default),
 * with --rows why it predicted what it did for chosen rows (attributions by gradients to the inputs), and
 * with --pdp how its prediction follows one column (partial dependence).
 */
import { createBackend } from '../../backend/index.ts';
import { BACKEND_NAMES, type BackendChoice } from '../../spec/index.ts';
import { helpText, MAX_SEED, numberFlag, parseFlags, type FlagSpec } from '../args.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { checkOutputs } from '../outputs.ts';
import { UsageError } from '../usage-error.ts';
import {
  ATTRIBUTION_METHODS,
  DEFAULT_GRID,
  DEFAULT_STEPS,
  MAX_GRID,
  MAX_STEPS,
  type AttributionMethod,
} from '../../explain/index.ts';
import { parseRowList } from '../row-list.ts';
import { explainImportance } from './explain-importance.ts';
import { explainPdp } from './explain-pdp.ts';
import { explainRows } from './explain-rows.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  repeats: {
    type: 'string',
    help: 'importance: shuffles per column (default 5); the ± is their standard deviation',
    placeholder: 'N',
  },
  seed: { type: 'string', help: "importance: seed of the shuffles (default: the model's seed)", placeholder: 'S' },
  rows: {
    type: 'string',
    help: 'explain these rows instead (data rows from 1): their attributions, e.g. 1-8 or 3,7,10-12',
    placeholder: 'LIST',
  },
  method: {
    type: 'string',
    help: `rows: ${ATTRIBUTION_METHODS.join(' or ')} (default integrated-gradients)`,
    placeholder: 'NAME',
  },
  baseline: {
    type: 'string',
    help: "rows: what a prediction is compared with: mean (of DATA.csv's rows, the default), zeros, or a CSV whose rows' mean it is",
    placeholder: 'B',
  },
  steps: {
    type: 'string',
    help: `rows: Integrated Gradients' steps along the path from the baseline (default ${DEFAULT_STEPS})`,
    placeholder: 'N',
  },
  pdp: {
    type: 'string',
    help: 'partial dependence instead: the average prediction as this column sweeps its values',
    placeholder: 'COLUMN',
  },
  ice: { type: 'boolean', help: "pdp: also each row's own curve (range in the table, curves in --out)" },
  grid: {
    type: 'string',
    help: `pdp: values of a number or date column to sweep (default ${DEFAULT_GRID}, at most ${MAX_GRID})`,
    placeholder: 'N',
  },
  out: { type: 'string', help: 'also write the result as JSON', placeholder: 'F.json' },
  backend: { type: 'string', help: `compute backend: ${BACKEND_NAMES.join(', ')} (default auto)`, placeholder: 'NAME' },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `explain`. */
export const explainHelp = helpText(
  'backprop-studio explain MODEL.json DATA.csv [--repeats N] [--seed S] [--out F.json]\n       backprop-studio explain MODEL.json DATA.csv --rows 1-8 [--method M] [--baseline B] [--steps N] [--out F.json]\n       backprop-studio explain MODEL.json DATA.csv --pdp COLUMN [--ice] [--grid N] [--out F.json]',
  `Permutation importance: for each column the model uses, shuffle its values across the rows (all the inputs
it becomes move together: one-hot categories, date parts) and measure how much the main metric drops
(accuracy, or R² for regression) and the loss rises, as mean ± std over the repeats. Ranked, most important
first; a column whose drop is within one std of 0 is marked as not shown to matter. DATA.csv needs the
target column; rows whose target is missing or unknown are left out and counted.

With --rows: why the model predicted what it did for each listed row. Each column gets an attribution, its
share of the move from the baseline's prediction to the row's (the predicted class's probability, or the
predicted value), from the gradient of the prediction with respect to the inputs, by backpropagation.
Integrated Gradients average that gradient along the straight path from the baseline to the row, and the
attributions add up to the change (within 1e-3; the path's grid is refined where ReLUs switch);
gradient × input takes the gradient at the row alone, quicker but without that guarantee.

With --pdp COLUMN: partial dependence, the average prediction (each class's probability, or the value) as
COLUMN takes each of its values (a number or date column: quantiles of its values; a category column: each
category) in every row, the other columns left as they are; --ice adds each row's own curve.`,
  flags,
);

function choiceFlag<T extends string>(value: unknown, name: string, valid: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!valid.includes(value as T))
    throw new UsageError('cli/bad-choice', `--${name} must be one of ${valid.join(', ')}, got '${String(value)}'.`);
  return value as T;
}

type Mode = 'importance' | 'rows' | 'pdp';
const MODE_FLAGS: Record<Mode, readonly string[]> = {
  importance: ['repeats', 'seed'],
  rows: ['method', 'baseline', 'steps'],
  pdp: ['ice', 'grid'],
};
const MODE_NAMES: Record<Mode, string> = {
  importance: 'permutation importance',
  rows: 'explaining rows',
  pdp: 'partial dependence',
};
const MODE_FLAG: Record<Exclude<Mode, 'importance'>, string> = {
  rows: '--rows (e.g. --rows 1-8)',
  pdp: '--pdp COLUMN',
};

/** A flag of another kind of explanation than the one asked for is a mistake worth saying. */
function checkModeFlags(values: Record<string, unknown>, mode: Mode): void {
  for (const other of ['importance', 'rows', 'pdp'] as const) {
    if (other === mode) continue;
    const given = MODE_FLAGS[other].find((k) => values[k] !== undefined);
    if (given === undefined) continue;
    if (mode === 'importance' && other !== 'importance') {
      throw new UsageError(
        'cli/needs-mode',
        `--${given} is for ${MODE_NAMES[other]}: add ${MODE_FLAG[other]}, or leave it out for permutation importance.`,
      );
    }
    throw new UsageError(
      'cli/not-with-mode',
      `--${given} is for ${MODE_NAMES[other]}, not --${mode}. Leave one of them out.`,
    );
  }
}

/** Run the command. */
export async function explainCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('explain', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(explainHelp);
  const [modelPath, dataPath] = positionals as [string, string];
  const repeats = numberFlag(values, 'repeats', { integer: true, min: 1, max: 1000 });
  const seed = numberFlag(values, 'seed', { integer: true, min: 0, max: MAX_SEED });
  const backendChoice = choiceFlag<BackendChoice>(values.backend, 'backend', BACKEND_NAMES) ?? 'auto';
  const rows = typeof values.rows === 'string' ? parseRowList(values.rows) : undefined;
  const pdp = typeof values.pdp === 'string' ? values.pdp : undefined;
  if (rows !== undefined && pdp !== undefined)
    throw new UsageError('cli/two-modes', '--rows and --pdp ask for different explanations. Give one of them.');
  const mode = rows !== undefined ? 'rows' : pdp !== undefined ? 'pdp' : 'importance';
  checkModeFlags(values, mode);
  const method = choiceFlag<AttributionMethod>(values.method, 'method', ATTRIBUTION_METHODS) ?? 'integrated-gradients';
  const steps = numberFlag(values, 'steps', { integer: true, min: 1, max: MAX_STEPS }) ?? DEFAULT_STEPS;
  if (method === 'gradient-x-input' && values.steps !== undefined)
    throw new UsageError(
      'cli/steps-unused',
      '--steps sets the path of integrated-gradients; gradient-x-input takes one gradient. Leave --steps out.',
    );
  const baseline = typeof values.baseline === 'string' ? values.baseline : 'mean';
  if (baseline.trim() === '')
    throw new UsageError('cli/bad-baseline', "--baseline must be mean, zeros, or a CSV file, got ''.");
  const grid = numberFlag(values, 'grid', { integer: true, min: 2, max: MAX_GRID });
  const out = typeof values.out === 'string' ? values.out : undefined;
  const inputs = [
    { what: 'the model file', path: modelPath },
    { what: 'the CSV file', path: dataPath },
  ];
  if (baseline !== 'mean' && baseline !== 'zeros') inputs.push({ what: 'the baseline CSV', path: baseline });
  if (out !== undefined) checkOutputs([{ flag: '--out', path: out, example: 'explain.json' }], inputs);
  const csvOptions = csvOptionsOf(values);
  const input = loadModelInput(modelPath, dataPath, csvOptions);
  // Rows and partial dependence use no target, so a missing one is no news there.
  const warnings =
    mode === 'importance' ? input.warnings : input.warnings.filter((w) => w.code !== 'data/unknown-target-values');
  for (const w of warnings) process.stderr.write(`warning: ${w.message}\n`);
  const { backend } = await createBackend(backendChoice);
  try {
    if (rows) await explainRows(input, backend, { rows, method, baseline, steps, dataPath, csvOptions, out });
    else if (pdp !== undefined)
      await explainPdp(input, backend, { column: pdp, ice: values.ice === true, points: grid, out });
    else await explainImportance(input, backend, { repeats, seed, out });
  } finally {
    backend.destroy();
  }
}
