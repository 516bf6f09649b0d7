/** `train --dates`, `--class-weight` and `--no-refit` (issue 17). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-quality-'));
const day = (i: number): string => new Date(Date.UTC(2023, 0, 1 + i * 9)).toISOString().slice(0, 10);
const lines = ['when,x,y', ...Array.from({ length: 40 }, (_, i) => `${day(i)},${i % 7},${i % 15 === 0 ? 'rare' : 'common'}`)];
writeFileSync(join(dir, 'dated.csv'), `${lines.join('\n')}\n`);
const train = (...args: string[]) => spawnSync(process.execPath, [
  join(root, 'bin', 'backprop-studio.mjs'), 'train', 'dated.csv', '--target', 'y', '--epochs', '2', '--split', 'time', ...args,
], { encoding: 'utf8', cwd: dir });

it('--dates cyclical puts the sine and cosine of each varying cycle in place of the plain parts (2023 only: no year)', () => {
  const r = train('--dates', 'cyclical', '--out', 'cyclical.json');
  expect(r.status).toBe(0);
  const model = JSON.parse(readFileSync(join(dir, 'cyclical.json'), 'utf8')) as { featureNames: string[] };
  expect(model.featureNames).toEqual([
    'when:monthSin', 'when:monthCos', 'when:dayOfWeekSin', 'when:dayOfWeekCos', 'when:dayOfYearSin', 'when:dayOfYearCos', 'x',
  ]);
});

it('class weights: auto turns balanced on for 26 to 2 training rows and says so; --class-weight none keeps them off', () => {
  const auto = train('--out', 'auto.json');
  expect(auto.status).toBe(0);
  expect(auto.stderr).toMatch(/note: The classes are strongly imbalanced \('rare' has \d training rows/);
  const off = train('--class-weight', 'none', '--out', 'none.json');
  expect(off.stderr).not.toContain('strongly imbalanced');
  const model = JSON.parse(readFileSync(join(dir, 'none.json'), 'utf8')) as { spec: { training: { classWeight: string } } };
  expect(model.spec.training.classWeight).toBe('none');
});

it('refuses unknown --dates and --class-weight values with the valid choices', () => {
  expect(train('--dates', 'weekly').stderr.trim()).toBe("error: --dates must be one of parts, cyclical, both, got 'weekly'.");
  expect(train('--class-weight', 'heavy').stderr.trim()).toBe(
    "error: --class-weight must be one of auto, balanced, none, got 'heavy'. Per-class weights go in the spec's training.classWeight.",
  );
});
