/** `train --split-out DIR`: the rows of each split as CSV files, and `report` on the held-out test.csv. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-split-out-'));
copyFileSync(join(root, 'resources', 'samples', 'penguins.csv'), join(dir, 'penguins.csv'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const bin = join(root, 'bin', 'backprop-studio.mjs');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const lines = (file: string): string[] => readFileSync(join(dir, file), 'utf8').trim().split('\n');
const trained = cli(
  'train',
  'penguins.csv',
  '--target',
  'species',
  '--epochs',
  '3',
  '--out',
  'p.json',
  '--split-out',
  'sp',
);

describe('train --split-out', () => {
  it('writes train.csv, validation.csv and test.csv holding exactly the rows of each split, with the header', () => {
    expect(trained.stderr).not.toMatch(/error/);
    expect(trained.code).toBe(0);
    const counts = /(\d+) train \/ (\d+) validation \/ (\d+) test rows/.exec(trained.stderr)!.slice(1).map(Number);
    const [header, ...all] = lines('penguins.csv');
    const splits = ['train', 'validation', 'test'].map((s) => lines(`sp/${s}.csv`));
    splits.forEach((rows, i) => {
      expect(rows[0]).toBe(header);
      expect(rows.length - 1).toBe(counts[i]);
    });
    expect(trained.stderr).toContain(`Wrote the ${counts[2]} test rows to ${join('sp', 'test.csv')}`);
    // Together they are the CSV's rows (every row here has its target), each once.
    const written = splits.flatMap((rows) => rows.slice(1)).sort();
    expect(written).toEqual([...all].sort());
  });

  it("gives report the model's own test rows: the same accuracy as the model file stores for its test split", () => {
    const r = cli('report', 'p.json', '--data', 'sp/test.csv', '--out', 'r.html', '--repeats', '1', '--top', '0');
    expect(r.stderr).not.toMatch(/error|warning/);
    type Stored = { metrics: { test: { accuracy: number } } };
    const model = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as Stored;
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const tested = lines('sp/test.csv').length - 1;
    expect(html).toContain(`Scored on ${tested} of ${tested} rows.`);
    expect(html).toContain(`<dt>Accuracy</dt><dd>${(model.metrics.test.accuracy * 100).toFixed(1)}%</dd>`);
  });

  it("warns on stderr and in the report's Evaluation section when the rows are the model's training file", () => {
    const r = cli('report', 'p.json', '--data', 'penguins.csv', '--out', 'whole.html', '--repeats', '1', '--top', '0');
    expect(r.code).toBe(0);
    const rows = lines('penguins.csv').length - 1;
    const test = lines('sp/test.csv').length - 1;
    const message =
      `'penguins.csv' has as many scored rows (${rows}) as the model's training file, so it is probably that file:` +
      ` ${rows - test} of its rows were used in training, so the report's scores are inflated. For scores on unseen` +
      ` rows, train with --split-out DIR and report on DIR/test.csv (the ${test} held-out rows).`;
    expect(r.stderr).toContain(`warning: ${message}\n`);
    const html = readFileSync(join(dir, 'whole.html'), 'utf8');
    const evaluation = html.slice(html.indexOf('<section id="evaluation"'), html.indexOf('<section id="importance"'));
    expect(evaluation).toContain(`<strong>Warning:</strong> ${message.replaceAll("'", '&#39;')}</p>`);
  });

  it('refuses a file as the folder, and a folder where a split file would replace the training CSV', () => {
    writeFileSync(join(dir, 'afile'), 'x\n');
    const file = cli('train', 'penguins.csv', '--target', 'species', '--split-out', 'afile');
    expect(file.code).toBe(1);
    expect(file.stderr.trim()).toBe(
      "error: --split-out 'afile' is a file; it takes a folder for train.csv, validation.csv and test.csv. " +
        'Name a new or existing folder. Nothing was computed.',
    );
    copyFileSync(join(dir, 'penguins.csv'), join(dir, 'train.csv'));
    const input = cli('train', 'train.csv', '--target', 'species', '--split-out', '.');
    expect(input.code).toBe(1);
    expect(input.stderr.trim()).toBe(
      "error: --split-out 'train.csv' is the CSV file 'train.csv', which this command reads; writing there would" +
        ' replace it. Choose another file name.',
    );
  });
});
