/** `train --dates`, `--class-weight` and `--no-refit` (issue 17). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-quality-'));
const day = (i: number): string => new Date(Date.UTC(2023, 0, 1 + i * 9)).toISOString().slice(0, 10);
const lines = [
  'when,x,y',
  ...Array.from({ length: 40 }, (_, i) => `${day(i)},${i % 7},${i % 15 === 0 ? 'rare' : 'common'}`),
];
writeFileSync(join(dir, 'dated.csv'), `${lines.join('\n')}\n`);
const train = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [
      join(root, 'bin', 'backprop-studio.mjs'),
      'train',
      'dated.csv',
      '--target',
      'y',
      '--epochs',
      '2',
      '--split',
      'time',
      ...args,
    ],
    { encoding: 'utf8', cwd: dir },
  );

it('--dates cyclical puts the sine and cosine of each varying cycle in place of the plain parts (2023 only: no year)', () => {
  const r = train('--dates', 'cyclical', '--out', 'cyclical.json');
  expect(r.status).toBe(0);
  const model = JSON.parse(readFileSync(join(dir, 'cyclical.json'), 'utf8')) as { featureNames: string[] };
  expect(model.featureNames).toEqual([
    'when:monthSin',
    'when:monthCos',
    'when:dayOfWeekSin',
    'when:dayOfWeekCos',
    'when:dayOfYearSin',
    'when:dayOfYearCos',
    'x',
  ]);
});

it('class weights: auto turns balanced on for 26 to 2 training rows and says so; --class-weight none keeps them off', () => {
  const auto = train('--out', 'auto.json');
  expect(auto.status).toBe(0);
  expect(auto.stderr).toMatch(/note: The classes are strongly imbalanced \('rare' has \d training rows/);
  const off = train('--class-weight', 'none', '--out', 'none.json');
  expect(off.stderr).not.toContain('strongly imbalanced');
  const model = JSON.parse(readFileSync(join(dir, 'none.json'), 'utf8')) as {
    spec: { training: { classWeight: string } };
  };
  expect(model.spec.training.classWeight).toBe('none');
});

it('refuses unknown --dates and --class-weight values with the valid choices', () => {
  expect(train('--dates', 'weekly').stderr.trim()).toBe(
    "error: --dates must be one of parts, cyclical, both, got 'weekly'.",
  );
  expect(train('--class-weight', 'heavy').stderr.trim()).toBe(
    "error: --class-weight must be one of auto, balanced, none, got 'heavy'. Per-class weights go in the spec's training.classWeight.",
  );
});

it('--auto searches within its budget, prints a leaderboard, weighs the winner against the defaults and a linear baseline, and saves the best', () => {
  const r = train('--auto', '--budget', '8', '--out', 'auto.json');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(
    /^Leaderboard \(\d+ trials in [\d.]+ s, scored on \d+ validation rows\):\nrank {2}trial +status {2}valLoss/m,
  );
  expect(r.stdout).toMatch(/^\d+ +1 \(default network\) +done /m);
  expect(r.stdout).toMatch(/^\d+ +2 \(linear baseline\) +done /m);
  expect(r.stdout).toMatch(
    /^Validation valLoss: best [\d.e+-]+; default network [\d.e+-]+; linear baseline [\d.e+-]+\.$/m,
  );
  expect(r.stdout).toMatch(/^Best: .*, refitted on train\+validation for \d+ epochs:$/m);
  expect(r.stdout).toMatch(
    /^On the test rows: best accuracy [\d.]+, balanced accuracy [\d.]+; linear baseline \(no hidden layer\) accuracy [\d.]+/m,
  );
  const model = JSON.parse(readFileSync(join(dir, 'auto.json'), 'utf8')) as { metrics: Record<string, unknown> };
  expect(Object.keys(model.metrics)).toContain('test');
});

it('refuses --auto with --spec, --budget without --auto, and a budget under 5 seconds', () => {
  writeFileSync(join(dir, 'spec.json'), JSON.stringify({ layers: [{ id: 'o', type: 'dense', units: 'auto' }] }));
  expect(train('--auto', '--spec', 'spec.json').stderr.trim()).toBe(
    'error: --auto searches for the network itself, so it takes no --spec. Leave out one of them.',
  );
  expect(train('--budget', '30').stderr.trim()).toBe(
    'error: --budget sets the time of --auto. Add --auto, or leave out --budget.',
  );
  expect(train('--auto', '--budget', '1').stderr.trim()).toBe(
    "error: --budget must be a decimal number ≥ 5 and ≤ 86,400, got '1'.",
  );
});
