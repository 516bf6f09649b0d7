/** `export MODEL.json --format onnx|tfjs|pytorch --out PATH`: the model for other runtimes (onnxruntime, TF.js, PyTorch). */
import { join } from 'node:path';
import {
  exportOnnx,
  exportTfjs,
  ONNX_INPUTS,
  parseModelFile,
  PYTORCH_MODEL_FILE,
  PYTORCH_SOURCE_FILES,
  TFJS_WEIGHTS_FILE,
  type OnnxInputs,
} from '../../export/index.ts';
import { pytorchPackageFiles } from '../pytorch-sources.ts';
import { helpText, parseFlags, type FlagSpec } from '../args.ts';
import { readJson } from '../files.ts';
import { checkNoOverwrite, checkOutFile, checkOutFolder, makeFolder, replacedLine } from '../out-path.ts';
import { writeFileAtomic } from '../outputs.ts';
import { UsageError } from '../usage-error.ts';

/** Formats `export` writes. */
const FORMATS = ['onnx', 'tfjs', 'pytorch'] as const;
type Format = (typeof FORMATS)[number];

const flags: Record<string, FlagSpec> = {
  format: { type: 'string', help: `what to write: ${FORMATS.join(', ')}`, placeholder: 'FORMAT' },
  inputs: {
    type: 'string',
    help: "ONNX only: 'columns' (default: one input per raw CSV column, preprocessing inside) or 'matrix' (the input matrix of 'transform')",
    placeholder: 'columns|matrix',
  },
  out: {
    type: 'string',
    help: 'ONNX: the file to write; TF.js: the folder for model.json and weights.bin; PyTorch: the package folder (required)',
    placeholder: 'PATH',
  },
  force: { type: 'boolean', help: 'TF.js, PyTorch: replace the files of the same names already in the --out folder' },
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `export`. */
export const exportHelp = helpText(
  'backprop-studio export MODEL.json --format onnx|tfjs|pytorch [--inputs columns|matrix] --out PATH [--force]',
  "Write a trained model for another runtime. ONNX: one graph from raw columns (or the input matrix) to\n'probabilities' and 'label' (classification) or 'value' (regression); run it with onnxruntime.\nTF.js: a layers model (model.json + weights.bin) on the input matrix of 'transform'; load it with\ntf.loadLayersModel. PyTorch: a folder of plain Python (predict.py, train.py for torchrun, model.py,\npreprocess.py, README.md) with the model file as model.json. A folder that already holds a file the\nexport writes is refused (no edited model.json is lost) unless --force is given. Examples:\n  backprop-studio export iris.model.json --format onnx --out iris.onnx\n  backprop-studio export iris.model.json --format tfjs --out iris-tfjs\n  backprop-studio export iris.model.json --format pytorch --out iris-pytorch",
  flags,
);

function choice<T extends string>(
  flag: string,
  value: string | boolean | undefined,
  options: readonly T[],
  fallback: T | undefined,
): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  const got = value === undefined ? 'nothing' : `'${String(value)}'`;
  throw new UsageError(
    'cli/bad-choice',
    `--${flag} must be one of ${options.join(', ')}, got ${got}. Example: backprop-studio export MODEL.json --format onnx --out model.onnx`,
  );
}

/** Run the command. */
export async function exportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('export', argv, flags, ['MODEL.json']);
  if (values.help) return void process.stdout.write(exportHelp);
  const format: Format = choice('format', values.format, FORMATS, undefined);
  const inputs: OnnxInputs = choice('inputs', values.inputs, ONNX_INPUTS, 'columns');
  if (format === 'tfjs' && values.inputs !== undefined) {
    throw new UsageError(
      'cli/inputs-not-onnx',
      "--inputs applies to --format onnx only: a TF.js model always takes the input matrix (see 'backprop-studio transform'). Remove --inputs.",
    );
  }
  if (format === 'pytorch' && values.inputs !== undefined) {
    throw new UsageError(
      'cli/inputs-not-onnx',
      '--inputs applies to --format onnx only: the PyTorch package always reads raw CSV columns (preprocess.py). Remove --inputs.',
    );
  }
  const force = values.force === true;
  if (format === 'onnx' && force) {
    throw new UsageError(
      'cli/force-not-folder',
      '--force applies to --format tfjs and pytorch, which write a folder of files; ' +
        '--format onnx writes the one --out file. Remove --force.',
    );
  }
  if (format === 'pytorch') {
    const names = [...PYTORCH_SOURCE_FILES, PYTORCH_MODEL_FILE];
    const folder = checkOutFolder('export', values.out, 'model-pytorch', names);
    const replaced = checkNoOverwrite(folder, names, '--out', force);
    const files = pytorchPackageFiles(parseModelFile(readJson(positionals[0]!, 'Model file')));
    makeFolder(folder);
    for (const f of files) writeFileAtomic(join(folder, f.path), f.text);
    const wrote = files.map((f) => f.path).join(', ');
    process.stderr.write(`Wrote the PyTorch package (${wrote}) to ${folder}\n${replacedLine(replaced)}`);
    return;
  }
  if (format === 'tfjs') {
    const names = ['model.json', TFJS_WEIGHTS_FILE];
    const folder = checkOutFolder('export', values.out, 'model-tfjs', names);
    const replaced = checkNoOverwrite(folder, names, '--out', force);
    const files = exportTfjs(parseModelFile(readJson(positionals[0]!, 'Model file')));
    makeFolder(folder);
    writeFileAtomic(join(folder, TFJS_WEIGHTS_FILE), files.weights);
    writeFileAtomic(join(folder, 'model.json'), files.modelJson);
    const [json, bin] = [join(folder, 'model.json'), join(folder, TFJS_WEIGHTS_FILE)];
    process.stderr.write(`Wrote TF.js layers model to ${json} and ${bin}\n${replacedLine(replaced)}`);
    return;
  }
  const out = checkOutFile('export', values.out, [{ what: 'the model file', path: positionals[0]! }], 'model.onnx');
  const bytes = exportOnnx(parseModelFile(readJson(positionals[0]!, 'Model file')), inputs);
  writeFileAtomic(out, bytes);
  process.stderr.write(`Wrote ONNX (${inputs === 'matrix' ? 'input matrix' : 'raw columns'}) to ${out}\n`);
}
