/** `transform MODEL.json DATA.csv --out X.csv`: the model's input matrix for a raw CSV, as the network sees it. */
import { checkedPreprocessing, inputMatrixCsv, parseModelFile } from '../../export/index.ts';
import { readJson } from '../files.ts';
import { helpText, parseFlags, type FlagSpec } from '../args.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { checkOutFile } from '../out-path.ts';
import { writeFileAtomic } from '../outputs.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  out: { type: 'string', help: 'write the input matrix to this CSV (required)', placeholder: 'X.csv' },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `transform`. */
export const transformHelp = helpText(
  'backprop-studio transform MODEL.json DATA.csv --out X.csv',
  "Write the model's input matrix for a raw CSV: a header of the model's feature names, then one row per data\nrow with exactly the numbers the network sees (fills, scaling, one-hot, date parts applied). Feed it to\nan exported ONNX '--inputs matrix' model or a TF.js model.",
  flags,
);

/** Run the command. */
export async function transformCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('transform', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(transformHelp);
  const out = checkOutFile(
    'transform',
    values.out,
    [
      { what: 'the model file', path: positionals[0]! },
      { what: 'the CSV file', path: positionals[1]! },
    ],
    'X.csv',
  );
  checkedPreprocessing(parseModelFile(readJson(positionals[0]!, 'Model file')));
  const input = loadModelInput(positionals[0], positionals[1], csvOptionsOf(values));
  for (const w of input.warnings) process.stderr.write(`warning: ${w.message}\n`);
  writeFileAtomic(out, inputMatrixCsv(input.model.featureNames, input.x, input.rows));
  process.stderr.write(`Wrote ${input.rows} rows × ${input.model.featureNames.length} inputs to ${out}\n`);
}
