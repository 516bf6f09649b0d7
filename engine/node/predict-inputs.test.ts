/** `predict --inputs`: the app's "with input columns" predictions from the CLI, through the one predictions writer. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-predict-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('predict --inputs', () => {
  it("writes each row's cells (missing ones as written) in the file's delimiter, then the prediction and probabilities", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 7};${i % 2 ? 'yes' : 'no'}`);
    writeFileSync(join(dir, 'train.csv'), `x;label\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'new.csv'), 'x;label\n3;yes\nNA;\n');
    const t = cli('train', 'train.csv', '--target', 'label', '--epochs', '2', '--out', 'm.json', '--quiet');
    expect(t.code).toBe(0);
    const plain = cli('predict', 'm.json', 'new.csv');
    expect(plain.stdout.split('\n')[0]).toBe('prediction,probability_no,probability_yes');
    const p = cli('predict', 'm.json', 'new.csv', '--inputs');
    expect(p.code).toBe(0);
    const lines = p.stdout.trim().split('\n');
    expect(lines[0]).toBe('x;label;prediction;probability_no;probability_yes');
    expect(lines[1]).toMatch(/^3;yes;(yes|no);[\d.e-]+;[\d.e-]+$/);
    expect(lines[2]).toMatch(/^NA;;(yes|no);[\d.e-]+;[\d.e-]+$/);
    expect(lines.slice(1).map((l) => l.split(';').slice(2).join(','))).toEqual(
      plain.stdout.trim().split('\n').slice(1),
    );
  });
});
