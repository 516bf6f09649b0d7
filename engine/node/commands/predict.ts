/** `predict MODEL.json DATA.csv [--out PRED.csv] [--inputs]`: the predicted label or value for each row. */
import { createBackend } from '../../backend/index.ts';
import { predictions, predictionsCsv } from '../../run/index.ts';
import { helpText, parseFlags, type FlagSpec } from '../args.ts';
import { checkOutputs, writeFileAtomic } from '../outputs.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  out: { type: 'string', help: 'write predictions to this CSV (default: standard output)', placeholder: 'PRED.csv' },
  inputs: {
    type: 'boolean',
    help: "write each row's input columns before its prediction (in the file's own delimiter)",
  },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `predict`. */
export const predictHelp = helpText(
  'backprop-studio predict MODEL.json DATA.csv [--out PRED.csv] [--inputs]',
  'Predict each row of a CSV with a trained model. Classification adds one probability column per class.',
  flags,
);

/** Run the command. */
export async function predictCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('predict', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(predictHelp);
  if (typeof values.out === 'string') {
    checkOutputs(
      [{ flag: '--out', path: values.out, example: 'predictions.csv' }],
      [
        { what: 'the model file', path: positionals[0] },
        { what: 'the CSV file', path: positionals[1] },
      ],
    );
  }
  const input = loadModelInput(positionals[0], positionals[1], csvOptionsOf(values));
  for (const w of input.warnings) process.stderr.write(`warning: ${w.message}\n`);
  const { backend } = await createBackend('auto');
  const decoded = await predictions(input.model, backend, input.x, input.rows).finally(() => backend.destroy());
  const text = predictionsCsv(decoded, { inputs: values.inputs ? input.table : null });
  if (typeof values.out === 'string') {
    writeFileAtomic(values.out, text);
    process.stderr.write(`Wrote ${input.rows} predictions to ${values.out}\n`);
  } else {
    process.stdout.write(text);
  }
}
