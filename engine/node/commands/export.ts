/** `export MODEL.json --format onnx|tfjs --out PATH`: the model for other runtimes (onnxruntime, TF.js). */
import { exportOnnx, ONNX_INPUTS, parseModelFile, type OnnxInputs } from '../../export/index.ts';
import { helpText, parseFlags, type FlagSpec } from '../args.ts';
import { readJson } from '../files.ts';
import { checkOutFile, writeBytesAtomic } from '../out-path.ts';
import { UsageError } from '../usage-error.ts';

/** Formats `export` writes. */
const FORMATS = ['onnx'] as const;
type Format = (typeof FORMATS)[number];

const flags: Record<string, FlagSpec> = {
  format: { type: 'string', help: `what to write: ${FORMATS.join(', ')}`, placeholder: 'FORMAT' },
  inputs: { type: 'string', help: "ONNX only: 'columns' (default: one input per raw CSV column, preprocessing inside) or 'matrix' (the input matrix of 'transform')", placeholder: 'columns|matrix' },
  out: { type: 'string', help: 'the file to write (required)', placeholder: 'model.onnx' },
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `export`. */
export const exportHelp = helpText('backprop-studio export MODEL.json --format onnx [--inputs columns|matrix] --out model.onnx',
  "Write a trained model for another runtime. ONNX: one graph from raw columns (or the input matrix) to\n'probabilities' and 'label' (classification) or 'value' (regression); run it with onnxruntime.", flags);

function choice<T extends string>(flag: string, value: string | boolean | undefined, options: readonly T[], fallback: T | undefined): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  const got = value === undefined ? 'nothing' : `'${String(value)}'`;
  throw new UsageError('cli/bad-choice', `--${flag} must be one of ${options.join(', ')}, got ${got}. Example: backprop-studio export MODEL.json --format onnx --out model.onnx`);
}

/** Run the command. */
export async function exportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('export', argv, flags, ['MODEL.json']);
  if (values.help) return void process.stdout.write(exportHelp);
  const format: Format = choice('format', values.format, FORMATS, undefined);
  const inputs: OnnxInputs = choice('inputs', values.inputs, ONNX_INPUTS, 'columns');
  const out = checkOutFile('export', values.out, positionals, 'model.onnx');
  const model = parseModelFile(readJson(positionals[0]!, 'Model file'));
  const bytes = exportOnnx(model, inputs);
  writeBytesAtomic(out, bytes);
  process.stderr.write(`Wrote ${format.toUpperCase()} (${inputs === 'matrix' ? 'input matrix' : 'raw columns'}) to ${out}\n`);
}
