/** `train --split time|random`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-split-'));
const lines = [
  'when,x,y',
  ...Array.from({ length: 20 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i % 7},${i % 2 ? 'a' : 'b'}`),
];
writeFileSync(join(dir, 'dated.csv'), `${lines.join('\n')}\n`);
const train = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [join(root, 'bin', 'backprop-studio.mjs'), 'train', 'dated.csv', '--target', 'y', '--epochs', '1', ...args],
    { encoding: 'utf8', cwd: dir },
  );

it('warns that a dated file is split at random, and --split time does not', () => {
  const random = train();
  expect(random.status).toBe(0);
  expect(random.stderr).toContain("warning: The rows are split at random, but column 'when' holds dates.");
  const timed = train('--split', 'time');
  expect(timed.status).toBe(0);
  expect(timed.stderr).not.toContain('split at random');
  expect(timed.stderr).toContain('14 train / 2 validation / 4 test rows');
});

it('refuses an unknown --split with the valid choices', () => {
  const r = train('--split', 'sideways');
  expect(r.status).not.toBe(0);
  expect(r.stderr.trim()).toBe("error: --split must be one of random, time, got 'sideways'.");
});
