/**
 * `export --format pytorch`: the package folder, and what its train.py writes: a model file `evaluate`
 * scores, under `torchrun` with 2 processes within 0.02 of one process. Bad calls get one clear line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseModelFile,
  PYTORCH_MODEL_FILE,
  PYTORCH_SOURCE_FILES,
  stringifyModelFile,
  type ModelFile,
} from '../export/index.ts';
import { trainTestModel } from '../export/test-models.ts';
import { runPython, TORCH_MISSING } from './testing/pytorch.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-export-pytorch-'));
const sample = (name: string): string => join(root, 'resources', 'samples', name);
const layers = [
  { id: 'h1', type: 'dense', units: 10 },
  { id: 'bn', type: 'batchNorm' },
  { id: 'output', type: 'dense', units: 'auto' },
];

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A model trained on a sample, saved, and exported as a package with the CLI; returns the package folder. */
async function exported(
  name: string,
  target: string,
  learningRate?: number,
): Promise<{ model: ModelFile; pkg: string }> {
  const trained = await trainTestModel(readFileSync(sample(name), 'utf8'), { target }, layers, 4);
  // a spec edited before training on: a larger learning rate, so both runs converge in a few epochs
  const optimizer = { ...trained.spec.training!.optimizer!, ...(learningRate ? { learningRate } : {}) };
  const model = { ...trained, spec: { ...trained.spec, training: { ...trained.spec.training, optimizer } } };
  const path = join(dir, `${name}.model.json`);
  writeFileSync(path, stringifyModelFile(model));
  const pkg = join(dir, `${name}-pytorch`);
  const r = cli('export', path, '--format', 'pytorch', '--out', pkg);
  expect(r.stderr).toBe(
    `Wrote the PyTorch package (${[...PYTORCH_SOURCE_FILES, PYTORCH_MODEL_FILE].join(', ')}) to ${pkg}\n`,
  );
  expect(r.code).toBe(0);
  return { model, pkg };
}

/** `evaluate`'s JSON for a model file on a CSV. */
function evaluate(modelPath: string, csv: string): Record<string, unknown> {
  const r = cli('evaluate', modelPath, csv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('export --format pytorch', () => {
  it('writes the sources, the README about this model, and the model file as model.json', async () => {
    const { model, pkg } = await exported('iris.csv', 'species');
    expect(readdirSync(pkg).sort()).toEqual([...PYTORCH_SOURCE_FILES, PYTORCH_MODEL_FILE].sort());
    expect(readFileSync(join(pkg, 'README.md'), 'utf8')).toContain(
      "This model classifies 'species' into 3 classes (setosa, versicolor, virginica) from 4 inputs, with the layers dense 10 → batchNorm → dense 3.",
    );
    expect(readFileSync(join(pkg, 'preprocess.py'), 'utf8')).toBe(
      readFileSync(join(root, 'resources', 'reference-reader', 'backprop_studio.py'), 'utf8'),
    );
    expect(parseModelFile(JSON.parse(readFileSync(join(pkg, 'model.json'), 'utf8')))).toEqual(model);
  });

  it('refuses --inputs, which only ONNX takes', () => {
    const r = cli('export', 'm.json', '--format', 'pytorch', '--inputs', 'matrix', '--out', 'p');
    expect(r.stderr).toBe(
      'error: --inputs applies to --format onnx only: the PyTorch package always reads raw CSV columns (preprocess.py). Remove --inputs.\n',
    );
    expect(r.code).toBe(1);
  });

  it('refuses an --out that is a file', () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const r = cli('export', 'm.json', '--format', 'pytorch', '--out', 'a-file');
    expect(r.stderr).toBe(
      "error: Cannot write into 'a-file': it is a file, and this format is a folder of files. Name a folder, e.g. --out model-pytorch.\n",
    );
    expect(r.code).toBe(1);
  });
});

describe('train.py of the package', () => {
  it.skipIf(TORCH_MISSING !== '').each([
    ['penguins.csv', 'species', 'accuracy'],
    ['diabetes.csv', 'progression', 'r2'],
  ])(
    `%s: torchrun with 2 processes writes a model file evaluate scores within 0.02 of one process${TORCH_MISSING}`,
    async (name, target, metric) => {
      const { pkg } = await exported(name, target, 0.01);
      const single = runPython(pkg, ['train.py', sample(name), '--epochs', '15', '--out', 'single.json']);
      expect(single.stderr).toBe('');
      expect(single.stdout).toMatch(/^epoch 5\/19 loss [\d.e-]+ val_loss [\d.e-]+ /m);
      // --redirects 2 --tee 2: torchrun of PyTorch 1.13 fails on Python 3.11 without them (see the package README)
      const ddp = spawnSync(
        '/usr/bin/torchrun',
        [
          '--standalone',
          '--nproc_per_node',
          '2',
          '--redirects',
          '2',
          '--tee',
          '2',
          'train.py',
          sample(name),
          '--epochs',
          '15',
          '--out',
          'ddp.json',
        ],
        { cwd: pkg, encoding: 'utf8', timeout: 300_000 },
      );
      expect(ddp.status, ddp.stderr).toBe(0);
      expect(ddp.stdout).toContain(`Wrote ddp.json`);
      const written = parseModelFile(JSON.parse(readFileSync(join(pkg, 'ddp.json'), 'utf8')));
      expect(written.training).toEqual({
        backend: 'pytorch-cpu x2',
        stopReason: 'completed',
        bestEpoch: 19,
        epochsRun: 15,
      });
      expect(written.history.map((h) => h.epoch)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
      const a = evaluate(join(pkg, 'single.json'), sample(name));
      const b = evaluate(join(pkg, 'ddp.json'), sample(name));
      expect(Math.abs((a[metric] as number) - (b[metric] as number))).toBeLessThanOrEqual(0.02);
    },
  );
});
