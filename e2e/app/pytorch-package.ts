/**
 * The exported PyTorch package outside the app, for the specs that run it: is PyTorch here, unpack the zip,
 * train on under torchrun. One place for torchrun's flags, so that a fix to them reaches every spec.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The Python the package's scripts run under. */
export const PYTHON = '/usr/bin/python3';

/** Whether that Python has what the package needs (torch and pandas); without them the package cannot run here. */
export const hasTorch = spawnSync(PYTHON, ['-c', 'import torch, pandas'], { encoding: 'utf8' }).status === 0;

/** Write the zip's files into a new temporary folder; returns the package's folder (`pytorch-package/` in it). */
export function unpackPackage(files: Record<string, Uint8Array>, prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), bytes);
  }
  return join(root, 'pytorch-package');
}

/** Run the package's train.py under torchrun with 2 processes on `csv` for `epochs`, writing the model file `out`. */
export function trainWithTorchrun(pkg: string, csv: string, epochs: number, out: string): SpawnSyncReturns<string> {
  return spawnSync(
    '/usr/bin/torchrun',
    [
      // torchrun 1.13 needs --redirects/--tee given (its defaults crash); they change nothing else.
      '--standalone',
      '--nproc_per_node',
      '2',
      '--redirects',
      '2',
      '--tee',
      '2',
      'train.py',
      csv,
      '--epochs',
      String(epochs),
      '--out',
      out,
    ],
    { cwd: pkg, encoding: 'utf8' },
  );
}
