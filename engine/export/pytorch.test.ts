/** pytorchPackage: the package's files from the sources passed in, and the models it refuses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportError, pytorchPackage, PYTORCH_SOURCE_FILES, stringifyModelFile, type PytorchSources } from './index.ts';
import { trainTestModel } from './test-models.ts';

const csv = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'samples', 'diabetes.csv'), 'utf8');
const layers = [
  { id: 'h', type: 'dense', units: 4 },
  { id: 'bn', type: 'batchNorm' },
  { id: 'out', type: 'dense', units: 'auto' },
];
const model = await trainTestModel(csv, { target: 'progression' }, layers, 1);
const sources = Object.fromEntries(PYTORCH_SOURCE_FILES.map((f) => [f, `# ${f}\n{{model}}\n`])) as PytorchSources;

describe('pytorchPackage', () => {
  it('gives every source as passed in, the README about the model, and the model file as model.json', () => {
    const files = pytorchPackage(model, sources);
    expect(files.map((f) => f.path)).toEqual([...PYTORCH_SOURCE_FILES, 'model.json']);
    expect(files[0]!.text).toBe(
      "# README.md\nThis model predicts the value of 'progression' (regression) from 10 inputs, " +
        'with the layers dense 4 → batchNorm → dense 1.\n',
    );
    expect(files.find((f) => f.path === 'train.py')!.text).toBe('# train.py\n{{model}}\n');
    expect(files.at(-1)!.text).toBe(stringifyModelFile(model));
  });

  it('refuses a model file without preprocessing, which raw CSV rows cannot reach', () => {
    expect(() => pytorchPackage({ ...model, preprocessing: null }, sources)).toThrow(
      new ExportError(
        'export/no-preprocessing',
        'This model file has no preprocessing stored (it was trained by an old version), so the PyTorch package ' +
          'cannot turn raw CSV rows into its inputs. Train it again, then export.',
      ),
    );
  });
});
