/**
 * `explain MODEL.json DATA.csv`: which columns the model relies on (permutation importance, the default) or,
 * with --rows, why it predicted what it did for chosen rows (attributions by gradients to the inputs).
 */
import { createBackend } from '../../backend/index.ts';
import { BACKEND_NAMES, type BackendChoice } from '../../spec/index.ts';
import { helpText, MAX_SEED, numberFlag, parseFlags, type FlagSpec } from '../args.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { checkOutputs } from '../outputs.ts';
import { UsageError } from '../usage-error.ts';
import { explainImportance } from './explain-importance.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  repeats: { type: 'string', help: 'importance: shuffles per column (default 5); the ± is their standard deviation', placeholder: 'N' },
  seed: { type: 'string', help: "importance: seed of the shuffles (default: the model's seed)", placeholder: 'S' },
  out: { type: 'string', help: 'also write the result as JSON', placeholder: 'F.json' },
  backend: { type: 'string', help: `compute backend: ${BACKEND_NAMES.join(', ')} (default auto)`, placeholder: 'NAME' },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `explain`. */
export const explainHelp = helpText('backprop-studio explain MODEL.json DATA.csv [--repeats N] [--seed S] [--out F.json]',
  `Permutation importance: for each column the model uses, shuffle its values across the rows (all the inputs
it becomes move together: one-hot categories, date parts) and measure how much the main metric drops
(accuracy, or R² for regression) and the loss rises, as mean ± std over the repeats. Ranked, most important
first; a column whose drop is within one std of 0 is marked as not shown to matter. DATA.csv needs the
target column; rows whose target is missing or unknown are left out and counted.`, flags);

function choiceFlag<T extends string>(value: unknown, name: string, valid: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!valid.includes(value as T)) throw new UsageError('cli/bad-choice', `--${name} must be one of ${valid.join(', ')}, got '${String(value)}'.`);
  return value as T;
}

/** Run the command. */
export async function explainCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('explain', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(explainHelp);
  const [modelPath, dataPath] = positionals as [string, string];
  const repeats = numberFlag(values, 'repeats', { integer: true, min: 1, max: 1000 });
  const seed = numberFlag(values, 'seed', { integer: true, min: 0, max: MAX_SEED });
  const backendChoice = choiceFlag<BackendChoice>(values.backend, 'backend', BACKEND_NAMES) ?? 'auto';
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out !== undefined) {
    checkOutputs([{ flag: '--out', path: out, example: 'explain.json' }],
      [{ what: 'the model file', path: modelPath }, { what: 'the CSV file', path: dataPath }]);
  }
  const input = loadModelInput(modelPath, dataPath, csvOptionsOf(values));
  for (const w of input.warnings) process.stderr.write(`warning: ${w.message}\n`);
  const { backend } = await createBackend(backendChoice);
  try {
    await explainImportance(input, backend, { repeats, seed, out });
  } finally {
    backend.destroy();
  }
}
