/** `export`: the files it writes run in their runtime and agree with predict; bad calls get one clear line. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringifyModelFile } from '../export/index.ts';
import { MIXED_CLASSIFICATION } from '../export/fixtures/settings.ts';
import { expectSameAsPredict, predictReference } from './testing/predict-reference.ts';
import { rawFeeds } from './testing/raw-feeds.ts';
import { runOnnx } from './testing/run-onnx.ts';
import type { Preprocessing } from '../data/index.ts';
import { trainTestModel } from '../export/test-models.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-export-'));
const trainCsv = readFileSync(join(root, 'engine', 'export', 'fixtures', 'mixed-train.csv'), 'utf8');
const model = await trainTestModel(trainCsv, MIXED_CLASSIFICATION, [
  { id: 'h', type: 'dense', units: 8 },
  { id: 'output', type: 'dense', units: 'auto' },
]);
const modelPath = join(dir, 'mixed.model.json');
writeFileSync(modelPath, stringifyModelFile(model));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('export --format onnx', () => {
  it('--inputs matrix writes a file onnxruntime runs, equal to predict', async () => {
    const r = cli('export', modelPath, '--format', 'onnx', '--inputs', 'matrix', '--out', 'm.onnx');
    expect(r.stderr).toBe('Wrote ONNX (input matrix) to m.onnx\n');
    expect(r.code).toBe(0);
    const ref = await predictReference(model, trainCsv);
    const out = await runOnnx(new Uint8Array(readFileSync(join(dir, 'm.onnx'))), {
      input: { type: 'float32', data: ref.x, dims: [ref.rows, model.inputs] },
    });
    expectSameAsPredict(out, ref);
  });
  it('raw columns (the default) writes a file onnxruntime runs on raw CSV columns, equal to predict', async () => {
    const r = cli('export', modelPath, '--format', 'onnx', '--out', 'c.onnx');
    expect(r.stderr).toBe('Wrote ONNX (raw columns) to c.onnx\n');
    const newCsv = readFileSync(join(root, 'engine', 'export', 'fixtures', 'mixed-new.csv'), 'utf8');
    const ref = await predictReference(model, newCsv);
    const out = await runOnnx(
      new Uint8Array(readFileSync(join(dir, 'c.onnx'))),
      rawFeeds(model.preprocessing as Preprocessing, newCsv).feeds,
    );
    expectSameAsPredict(out, ref);
  });
  it('refuses raw columns when a column is named like an output', async () => {
    const csv = readFileSync(join(root, 'resources', 'samples', 'iris.csv'), 'utf8').replace('petal_width_cm', 'label');
    const clash = await trainTestModel(csv, { target: 'species' }, [{ id: 'output', type: 'dense', units: 'auto' }], 1);
    writeFileSync(join(dir, 'clash.model.json'), stringifyModelFile(clash));
    const r = cli('export', 'clash.model.json', '--format', 'onnx', '--out', 'clash.onnx');
    expect(r.stderr).toBe(
      "error: Column 'label' has the same name as an output of the ONNX graph (probabilities, label, value), and ONNX names must be unique. Export with --inputs matrix, or rename the column and train again.\n",
    );
    expect(existsSync(join(dir, 'clash.onnx'))).toBe(false);
    expect(
      cli('export', 'clash.model.json', '--format', 'onnx', '--inputs', 'matrix', '--out', 'clash.onnx').code,
    ).toBe(0);
  });
});

describe('export --format tfjs', () => {
  it('writes model.json and weights.bin into the folder (created when missing)', () => {
    const r = cli('export', modelPath, '--format', 'tfjs', '--out', 'tfjs-out');
    expect(r.stderr).toBe('Wrote TF.js layers model to tfjs-out/model.json and tfjs-out/weights.bin\n');
    const json = JSON.parse(readFileSync(join(dir, 'tfjs-out', 'model.json'), 'utf8')) as {
      format: string;
      weightsManifest: { paths: string[]; weights: { shape: number[] }[] }[];
    };
    expect(json.format).toBe('layers-model');
    const floats = json.weightsManifest[0]!.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    expect(readFileSync(join(dir, 'tfjs-out', 'weights.bin')).length).toBe(floats * 4);
  });
  it.each([
    [
      ['export', 'mixed.model.json', '--format', 'tfjs', '--inputs', 'matrix', '--out', 't'],
      "error: --inputs applies to --format onnx only: a TF.js model always takes the input matrix (see 'backprop-studio transform'). Remove --inputs.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'tfjs', '--out', 'mixed.model.json'],
      "error: Cannot write into 'mixed.model.json': it is a file, and this format is a folder of files. Name a folder, e.g. --out model-tfjs.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'tfjs'],
      "error: 'export' needs --out model-tfjs: the folder to write.\n",
    ],
  ])('%j', (args, message) => {
    const r = cli(...args);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
  });
});

describe('export: user errors', () => {
  mkdirSync(join(dir, 'folder'), { recursive: true });
  mkdirSync(join(dir, 'tfjs-fifo'), { recursive: true });
  // FIFOs stand in for /dev/null: a device must never be replaced by the atomic rename
  spawnSync('mkfifo', [join(dir, 'fifo'), join(dir, 'tfjs-fifo', 'model.json')]);
  it.each([
    [
      ['export', 'mixed.model.json', '--out', 'x.onnx'],
      'error: --format must be one of onnx, tfjs, pytorch, got nothing. Example: backprop-studio export MODEL.json --format onnx --out model.onnx\n',
    ],
    [
      ['export', 'mixed.model.json', '--format', 'pmml', '--out', 'x.onnx'],
      "error: --format must be one of onnx, tfjs, pytorch, got 'pmml'. Example: backprop-studio export MODEL.json --format onnx --out model.onnx\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx', '--inputs', 'rows', '--out', 'x.onnx'],
      "error: --inputs must be one of columns, matrix, got 'rows'. Example: backprop-studio export MODEL.json --format onnx --out model.onnx\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx'],
      "error: 'export' needs --out model.onnx: the file to write.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx', '--out', 'folder'],
      "error: --out 'folder' is a folder. Name a file inside it, e.g. 'folder/model.onnx'. Nothing was computed.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx', '--out', 'no/m.onnx'],
      "error: --out 'no/m.onnx': the folder 'no' does not exist. Create it first (mkdir -p 'no') or choose another folder. Nothing was computed.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx', '--out', 'mixed.model.json'],
      "error: --out 'mixed.model.json' is the model file 'mixed.model.json', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['export', 'nope.json', '--format', 'onnx', '--out', 'x.onnx'],
      `error: Model file 'nope.json' does not exist. Check the path (it is relative to ${dir}).\n`,
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx', '--out', 'fifo'],
      "error: --out 'fifo' is a device or pipe, not a file. Name a regular file. Nothing was computed.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'tfjs', '--out', 'tfjs-fifo'],
      "error: Cannot write 'tfjs-fifo/model.json': it is a device, pipe or socket, not a regular file. Name a file, e.g. --out model-tfjs.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx', '--out', 'mixed.model.json/x.onnx'],
      "error: --out 'mixed.model.json/x.onnx': 'mixed.model.json' is a file, not a folder. Choose another folder. Nothing was computed.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'onnx', '--out', '/proc/x.onnx'],
      "error: --out '/proc/x.onnx': cannot create a file in '/proc': the folder cannot hold new files. Nothing was computed.\n",
    ],
    [
      ['export', 'mixed.model.json', '--format', 'tfjs', '--out', '/proc/bps-tfjs'],
      "error: Cannot create the folder '/proc/bps-tfjs': the folder cannot hold new files. Choose another place with --out.\n",
    ],
  ])('%j', (args, message) => {
    const r = cli(...args);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'x.onnx'))).toBe(false);
    // the FIFOs stay FIFOs: nothing was renamed over them
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
  });
});
