/** `predict MODEL.json DATA.csv [--out PRED.csv]`: the predicted label or value for each row. */
import { csvCell } from '../../csv-cell.ts';
import { decodeOutputs, type Preprocessing } from '../../data/index.ts';
import { createBackend } from '../../backend/index.ts';
import { predictWithModel } from '../../export/index.ts';
import { helpText, parseFlags, type FlagSpec } from '../args.ts';
import { checkOutputs, writeFileAtomic } from '../outputs.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  out: { type: 'string', help: 'write predictions to this CSV (default: standard output)', placeholder: 'PRED.csv' },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `predict`. */
export const predictHelp = helpText('backprop-studio predict MODEL.json DATA.csv [--out PRED.csv]',
  'Predict each row of a CSV with a trained model. Classification adds one probability column per class.', flags);

/** Run the command. */
export async function predictCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('predict', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(predictHelp);
  if (typeof values.out === 'string') {
    checkOutputs([{ flag: '--out', path: values.out, example: 'predictions.csv' }],
      [{ what: 'the model file', path: positionals[0] }, { what: 'the CSV file', path: positionals[1] }]);
  }
  const input = loadModelInput(positionals[0], positionals[1], csvOptionsOf(values));
  for (const w of input.warnings) process.stderr.write(`warning: ${w.message}\n`);
  const { backend } = await createBackend('auto');
  const out = await predictWithModel(input.model, backend, input.x, input.rows);
  const decoded = decodeOutputs(input.model.preprocessing as Preprocessing, out, input.rows, input.model.outputs);
  const lines: string[] = [];
  if (decoded.kind === 'classification') {
    lines.push(['prediction', ...decoded.classes.map((c) => `probability_${c}`)].map((c) => csvCell(c)).join(','));
    const k = decoded.classes.length;
    for (let r = 0; r < input.rows; r++) {
      const probs = Array.from(decoded.probabilities.subarray(r * k, (r + 1) * k), (p) => p.toPrecision(6));
      lines.push([csvCell(decoded.labels[r]), ...probs].join(','));
    }
  } else {
    lines.push('prediction');
    for (const v of decoded.values) lines.push(String(+v.toPrecision(7)));
  }
  const text = `${lines.join('\n')}\n`;
  if (typeof values.out === 'string') {
    writeFileAtomic(values.out, text);
    process.stderr.write(`Wrote ${input.rows} predictions to ${values.out}\n`);
  } else {
    process.stdout.write(text);
  }
  backend.destroy();
}
