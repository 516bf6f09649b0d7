/** `train` names every column it leaves out of the features, and why. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

it('prints one line per left-out column, and reads inf and "69,748" as numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bps-left-out-'));
  const lines = ['id,note,price,x,y'];
  for (let i = 0; i < 40; i++) {
    const price = i === 3 ? 'inf' : `"${i + 1},${String((i * 7) % 1000).padStart(3, '0')}"`;
    lines.push(`u${i * 7},same,${price},${i % 5},${i % 2 ? 'a' : 'b'}`);
  }
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
  const r = spawnSync(
    process.execPath,
    [join(root, 'bin', 'backprop-studio.mjs'), 'train', 'data.csv', '--target', 'y', '--epochs', '1'],
    { encoding: 'utf8', cwd: dir },
  );
  expect(r.status).toBe(0);
  const stderr = r.stderr.split('\n');
  expect(stderr.filter((l) => l.startsWith('Left out'))).toEqual([
    "Left out column 'id': it looks like an identifier (40 different values in 40 rows).",
    "Left out column 'note': it has the same value ('same') in every row.",
  ]);
  expect(stderr).toContain(
    "warning: Column 'price' has 1 value that is not a finite number (row 5: 'inf'); it is read as missing. Replace it with a number in the file if it is a real value.",
  );
  expect(r.stderr).toMatch(/, 2 features; target 'y'/);
});
