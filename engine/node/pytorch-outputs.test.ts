/**
 * The PyTorch package's predict.py and train.py check `--out` before any work, as the CLI does: never the CSV they
 * read or the package's model.json (which they would overwrite), not a folder, not in a missing folder. Each bad
 * `--out` ends in one line, exit status 1, and the file it named is left as it was. Ctrl+C in train.py stops
 * after the epoch and still writes the model file, as the studio's `train` does.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainTestModel } from '../export/test-models.ts';
import { PYTHON, runPython, TORCH_MISSING, writePackage } from './testing/pytorch.ts';

const sample = join(import.meta.dirname, '..', '..', 'resources', 'samples', 'iris.csv');
const skip = TORCH_MISSING !== '';
let pkg = '';

describe(`the PyTorch package's --out${TORCH_MISSING}`, () => {
  beforeAll(async () => {
    if (skip) return;
    const model = await trainTestModel(readFileSync(sample, 'utf8'), { target: 'species' }, [
      { id: 'output', type: 'dense', units: 'auto' },
    ]);
    pkg = writePackage(model, 'iris-pytorch');
    copyFileSync(sample, join(pkg, 'iris.csv'));
    symlinkSync(join(pkg, 'iris.csv'), join(pkg, 'link.csv'));
    mkdirSync(join(pkg, 'out'));
  }, 60_000);

  /** Runs a script of the package and checks it failed with `message`, leaving iris.csv and model.json whole. */
  function refused(args: string[], message: string): void {
    const csv = readFileSync(join(pkg, 'iris.csv'), 'utf8');
    const model = readFileSync(join(pkg, 'model.json'), 'utf8');
    const r = runPython(pkg, args);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr: `error: ${message}\n`,
    });
    expect(readFileSync(join(pkg, 'iris.csv'), 'utf8')).toBe(csv);
    expect(readFileSync(join(pkg, 'model.json'), 'utf8')).toBe(model);
  }

  it.skipIf(skip)('predict.py refuses to write over the CSV it reads or the model file, and a folder to read', () => {
    const overwrite = 'which this command reads; writing there would overwrite it. Choose another file.';
    refused(['predict.py', 'iris.csv', '--out', 'iris.csv'], `--out iris.csv is the CSV to predict, ${overwrite}`);
    refused(['predict.py', 'iris.csv', '--out', 'link.csv'], `--out link.csv is the CSV to predict, ${overwrite}`);
    refused(['predict.py', 'iris.csv', '--out', './model.json'], `--out ./model.json is the model file, ${overwrite}`);
    refused(['predict.py', 'out'], 'out is a folder, not a CSV file. Name the CSV file inside it.');
  });

  it.skipIf(skip)("train.py on another dataset's CSV says its target values are none of the model's classes", () => {
    copyFileSync(join(sample, '..', 'penguins.csv'), join(pkg, 'penguins.csv'));
    refused(
      ['train.py', 'penguins.csv', '--epochs', '1', '--refit-preprocessing', '--out', 'out/p.json'],
      "None of the values of the target 'species' (Adelie, Gentoo, Chinstrap) is one of the model's classes" +
        ' (setosa, versicolor, virginica), so this CSV looks like another dataset. Train on a CSV whose' +
        " 'species' holds the model's classes, or export a model trained on this data.",
    );
  });

  it.skipIf(skip)('train.py refuses before training: the training CSV, the model file, a folder, a missing one', () => {
    const overwrite = 'which this command reads; writing there would overwrite it. Choose another file.';
    const train = (out: string): string[] => ['train.py', 'iris.csv', '--epochs', '1', '--out', out];
    refused(train(join(pkg, 'iris.csv')), `--out ${join(pkg, 'iris.csv')} is the training CSV, ${overwrite}`);
    refused(train('model.json'), `--out model.json is the model file, ${overwrite}`);
    refused(train('out'), '--out out is a folder. Name a file inside it, e.g. --out out/trained.model.json.');
    refused(
      train('missing/x.json'),
      `--out missing/x.json: the folder ${join(pkg, 'missing')} does not exist. Create it or choose another path.`,
    );
  });

  it.skipIf(skip)(
    'predict.py still writes a new file, and train.py a model file beside the package',
    () => {
      const p = runPython(pkg, ['predict.py', 'iris.csv', '--out', 'out/predictions.csv']);
      expect(p.stderr).toBe('');
      expect(readFileSync(join(pkg, 'out', 'predictions.csv'), 'utf8').split('\n')[0]).toBe(
        'prediction,probability_setosa,probability_versicolor,probability_virginica',
      );
      const t = runPython(pkg, ['train.py', 'iris.csv', '--epochs', '1', '--out', 'trained.model.json']);
      expect(t.status, t.stderr).toBe(0);
      expect(t.stdout).toContain('Wrote trained.model.json');
    },
    60_000,
  );

  it.skipIf(skip)(
    'Ctrl+C in train.py stops after the epoch and writes the model file, stopped',
    async () => {
      const child = spawn(PYTHON, ['train.py', 'iris.csv', '--epochs', '100000', '--out', 'ctrlc.json'], { cwd: pkg });
      let out = '';
      let err = '';
      let sent = false;
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // after two epochs have been printed
        if (!sent && (out.match(/^epoch \d+\//gm) ?? []).length >= 2) sent = child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(err).toBe(
        'Ctrl+C: stopping after this epoch and writing the model (press it again to quit without writing).\n',
      );
      expect(code).toBe(0);
      expect(out).toMatch(/\nWrote ctrlc\.json\n$/);
      const written = JSON.parse(readFileSync(join(pkg, 'ctrlc.json'), 'utf8')) as {
        training: { stopReason: string; epochsRun: number };
      };
      expect(written.training.stopReason).toBe('stopped');
      expect(written.training.epochsRun).toBeLessThan(100000);
    },
    120_000,
  );
});
