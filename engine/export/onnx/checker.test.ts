/** The exported graphs pass onnx.checker.check_model (full check, with shape inference) when python3-onnx is installed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIXED_CLASSIFICATION, MIXED_REGRESSION } from '../fixtures/settings.ts';
import { everyActivationLayers, trainTestModel } from '../test-models.ts';
import { exportOnnx, type OnnxInputs } from './export.ts';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import onnx'], { encoding: 'utf8' });
const missing =
  probe.status === 0
    ? ''
    : ` — SKIPPED: ${PYTHON} cannot import onnx (${(probe.stderr || String(probe.error)).trim().split('\n').pop()}); install python3-onnx`;
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-onnx-check-'));

describe('ONNX checker', () => {
  it.skipIf(missing !== '').each([
    ['classification', 'matrix'],
    ['regression', 'matrix'],
    ['classification', 'columns'],
    ['regression', 'columns'],
  ] as const)(`%s, inputs %s, passes check_model${missing}`, async (name, inputs: OnnxInputs) => {
    const settings = name === 'classification' ? MIXED_CLASSIFICATION : MIXED_REGRESSION;
    const model = await trainTestModel(
      readFileSync(join(root, 'engine', 'export', 'fixtures', 'mixed-train.csv'), 'utf8'),
      settings,
      everyActivationLayers(),
      1,
    );
    const path = join(dir, `${name}-${inputs}.onnx`);
    writeFileSync(path, exportOnnx(model, inputs));
    const r = spawnSync(
      PYTHON,
      [
        '-c',
        'import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); print("ok")',
        path,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });
});
