/** `transform`: the input matrix it writes is exactly what `predict` feeds the network. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { predictWithModel, stringifyModelFile, type ModelFile } from '../export/index.ts';
import { MIXED_CLASSIFICATION, MIXED_REGRESSION } from '../export/fixtures/settings.ts';
import { trainTestModel } from '../export/test-models.ts';
import { loadModelInput } from './commands/model-input.ts';

const root = join(import.meta.dirname, '..', '..');
const samples = join(root, 'resources', 'samples');
const fixtures = join(root, 'engine', 'export', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'bps-transform-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function saved(
  name: string,
  csvPath: string,
  settings: Parameters<typeof trainTestModel>[1],
): Promise<{ path: string; model: ModelFile }> {
  const model = await trainTestModel(readFileSync(csvPath, 'utf8'), settings, [
    { id: 'h', type: 'dense', units: 8 },
    { id: 'output', type: 'dense', units: 'auto' },
  ]);
  const path = join(dir, `${name}.model.json`);
  writeFileSync(path, stringifyModelFile(model));
  return { path, model };
}

function readMatrix(path: string): { header: string[]; x: Float32Array; rows: number } {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const x = Float32Array.from(lines.slice(1).flatMap((l) => l.split(',').map(Number)));
  return { header, x, rows: lines.length - 1 };
}

const cases: [string, string, string, Parameters<typeof trainTestModel>[1]][] = [
  ['penguins', join(samples, 'penguins.csv'), join(samples, 'penguins.csv'), { target: 'species' }],
  ['mixed classification', join(fixtures, 'mixed-train.csv'), join(fixtures, 'mixed-new.csv'), MIXED_CLASSIFICATION],
  ['mixed regression', join(fixtures, 'mixed-train.csv'), join(fixtures, 'mixed-new.csv'), MIXED_REGRESSION],
];

describe('transform writes the input matrix predict uses', () => {
  it.each(cases)(
    "%s: header is featureNames, numbers equal predict's inputs, and give predict's outputs",
    async (name, train, data, settings) => {
      const { path, model } = await saved(name.replace(' ', '-'), train, settings);
      const out = join(dir, `${name.replace(' ', '-')}.x.csv`);
      const r = cli('transform', path, data, '--out', out);
      expect(r.code).toBe(0);
      const m = readMatrix(out);
      expect(m.header).toEqual(model.featureNames);
      const input = loadModelInput(path, data);
      expect(m.rows).toBe(input.rows);
      expect(Array.from(m.x)).toEqual(Array.from(input.x));
      const backend = new CpuBackend();
      expect(Array.from(await predictWithModel(model, backend, m.x, m.rows))).toEqual(
        Array.from(await predictWithModel(model, backend, input.x, input.rows)),
      );
      backend.destroy();
    },
  );
});

describe('transform: user errors', () => {
  it('refuses bad output paths before reading anything', async () => {
    const { path } = await saved('iris', join(samples, 'iris.csv'), { target: 'species' });
    const csv = join(samples, 'iris.csv');
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect(cli('transform', path, csv).stderr).toBe("error: 'transform' needs --out X.csv: the file to write.\n");
    expect(cli('transform', path, csv, '--out', 'nope/x.csv').stderr).toBe(
      "error: --out 'nope/x.csv': the folder 'nope' does not exist. Create it first (mkdir -p 'nope') or choose another folder. Nothing was computed.\n",
    );
    expect(cli('transform', path, csv, '--out', 'folder').stderr).toBe(
      "error: --out 'folder' is a folder. Name a file inside it, e.g. 'folder/X.csv'. Nothing was computed.\n",
    );
    const r = cli('transform', path, csv, '--out', path);
    expect(r.stderr).toBe(
      `error: --out '${path}' is the model file '${path}', which this command reads; writing there would replace it. Choose another file name.\n`,
    );
    expect(r.code).toBe(1);
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    expect(cli('transform', path, csv, '--out', 'fifo').stderr).toBe(
      "error: --out 'fifo' is a device or pipe, not a file. Name a regular file. Nothing was computed.\n",
    );
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(cli('transform', path, csv, '--out', '/proc/x.csv').stderr).toBe(
      "error: --out '/proc/x.csv': cannot create a file in '/proc': the folder cannot hold new files. Nothing was computed.\n",
    );
    expect(cli('transform', 'missing.json', csv, '--out', 'x.csv').stderr).toBe(
      `error: Model file 'missing.json' does not exist. Check the path (it is relative to ${dir}).\n`,
    );
  });
});
