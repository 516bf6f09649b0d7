/**
 * The PyTorch package: plain Python (PyTorch + pandas) that predicts and trains the model outside the studio
 * (`resources/pytorch-package/`, with the reference reader as `preprocess.py`), plus the model file itself as
 * `model.json`. The sources are passed in, since the engine reads no files: the CLI reads them from disk
 * (engine/node/pytorch-sources.ts), the app's worker bundles them (engine/worker/pytorch-sources.ts).
 */
import { assert } from '../errors.ts';
import { stringifyModelFile, type ModelFile } from './model-file.ts';
import { ExportError } from './onnx/export-error.ts';
import { checkedPreprocessing } from './preprocessing-check.ts';

/** The package's source files, named as in resources/pytorch-package (preprocess.py: the reference reader). */
export const PYTORCH_SOURCE_FILES = [
  'README.md',
  'model.py',
  'preprocess.py',
  'data.py',
  'losses.py',
  'optim.py',
  'refit.py',
  'train.py',
  'predict.py',
] as const;

/** One source file's name. */
export type PytorchSourceFile = (typeof PYTORCH_SOURCE_FILES)[number];

/** The text of every source file. */
export type PytorchSources = Readonly<Record<PytorchSourceFile, string>>;

/** One file of the package: its path inside the package folder and its text. */
export interface PackageFile {
  path: string;
  text: string;
}

/** The model file's name inside the package; predict.py and train.py read it by default. */
export const PYTORCH_MODEL_FILE = 'model.json';

/** Up to 10 class labels, then '…'. */
function classList(classes: readonly string[]): string {
  return classes.slice(0, 10).join(', ') + (classes.length > 10 ? ', …' : '');
}

/** What the package's README says about this model (its `{{model}}` placeholder). */
function describe(model: ModelFile): string {
  const column = `'${model.preprocessing?.target.column ?? 'the target'}'`;
  const what =
    model.task.kind === 'classification'
      ? `classifies ${column} into ${model.task.classes.length} classes (${classList(model.task.classes)})`
      : `predicts the value of ${column} (regression)`;
  const layers = model.spec.layers.map((l) => (l.type === 'dense' ? `dense ${String(l.units)}` : l.type)).join(' → ');
  return `This model ${what} from ${model.inputs} inputs, with the layers ${layers}.`;
}

/**
 * The package's files for `model`: the sources (the README with its `{{model}}` line filled in) and
 * `model.json`, the model file as the studio writes it.
 */
export function pytorchPackage(model: ModelFile, sources: PytorchSources): PackageFile[] {
  if (!checkedPreprocessing(model)) {
    throw new ExportError(
      'export/no-preprocessing',
      'This model file has no preprocessing stored (it was trained by an old version), so the PyTorch package ' +
        'cannot turn raw CSV rows into its inputs. Train it again, then export.',
    );
  }
  const files = PYTORCH_SOURCE_FILES.map((path) => {
    const text = sources[path];
    assert(typeof text === 'string' && text.length > 0, `the PyTorch package source ${path} is missing`);
    return { path, text: path === 'README.md' ? text.replaceAll('{{model}}', describe(model)) : text };
  });
  return [...files, { path: PYTORCH_MODEL_FILE, text: stringifyModelFile(model) }];
}
