/** Test helpers for the PyTorch package: whether torch is here, writing a package, running Python in it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelFile } from '../../export/index.ts';
import { pytorchPackageFiles } from '../pytorch-sources.ts';

/** The Python every test calls (Debian's, with python3-torch and python3-pandas). */
export const PYTHON = '/usr/bin/python3';

/** The last line of a text (Python's error line after its traceback). */
function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

const probe = spawnSync(PYTHON, ['-c', 'import torch, pandas, numpy'], { encoding: 'utf8' });
/** '' when torch, pandas and numpy import; else the reason the tests skip, for their names. */
export const TORCH_MISSING =
  probe.status === 0
    ? ''
    : ` — SKIPPED: ${PYTHON} cannot import torch, pandas and numpy (${lastLine(probe.stderr || String(probe.error))}); ` +
      'install python3-torch python3-pandas';

/** The package of `model` written into a fresh temporary folder; returns the folder. */
export function writePackage(model: ModelFile, name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bps-pytorch-')), name);
  mkdirSync(dir);
  for (const f of pytorchPackageFiles(model)) writeFileSync(join(dir, f.path), f.text);
  return dir;
}

/** Runs `python3 args…` in the package folder; stdout, stderr and the exit status. */
export function runPython(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(PYTHON, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
