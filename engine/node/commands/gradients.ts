/** `gradients MODEL.json DATA.csv`: dLoss/dW for every weight tensor, as JSON in the model file's layout. */
import { CpuBackend } from '../../backend/index.ts';
import { modelGradients } from '../../export/index.ts';
import { helpText, numberFlag, parseFlags, type FlagSpec } from '../args.ts';
import { UsageError } from '../usage-error.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  rows: { type: 'string', help: 'use only the first N rows of the CSV', placeholder: 'N' },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `gradients`. */
export const gradientsHelp = helpText(
  'backprop-studio gradients MODEL.json DATA.csv [--rows N]',
  "Backpropagate the mean loss over the CSV's rows (after the model's preprocessing) and print the gradient of every\nweight tensor as JSON, with the loss: `loss` (mean data loss), `penalty` (L1/L2) and `totalLoss` (their sum, what\nthe gradients are of). Rows whose target is missing or unknown are left out (`rowsLeftOut`). Dropout is off and\nbatch normalization uses its running statistics, so the result is deterministic. Computed and printed in float64\non the CPU reference backend.",
  flags,
);

/** Run the command. */
export async function gradientsCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('gradients', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(gradientsHelp);
  const limit = numberFlag(values, 'rows', { integer: true, min: 1 });
  const input = loadModelInput(positionals[0], positionals[1], csvOptionsOf(values));
  for (const w of input.warnings) process.stderr.write(`warning: ${w.message}\n`);
  if (!input.y)
    throw new UsageError(
      'cli/no-target-column',
      'The CSV has no target column, so there is no loss to differentiate. Use a CSV that includes the column the model predicts.',
    );
  const rows = Math.min(input.rows, limit ?? input.rows);
  const f = input.model.inputs;
  const pre = input.pre;
  const report = await modelGradients(
    input.model,
    new CpuBackend({ precision: 'float64' }),
    input.x.subarray(0, rows * f),
    input.y.subarray(0, rows),
    rows,
    pre.target.column,
  );
  process.stdout.write(`${JSON.stringify({ format: 'backprop-studio/gradients', version: 1, ...report }, null, 2)}\n`);
}
