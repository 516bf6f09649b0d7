/** The app's evaluation: rows whose target is unknown are left out, the rest scored, the row indices kept right. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset, targetScale, type PreparedDataset } from '../data/index.ts';
import { parseSpec } from '../spec/index.ts';
import { trainNetwork } from '../train/index.ts';
import { evaluateTestSplit } from './evaluate.ts';
import { buildModelFile } from './model-file.ts';

const csv = `x,z,label,value\n${Array.from({ length: 20 }, (_, i) => `${i},${(i * 7) % 5},${i % 2 ? 'a' : 'b'},${i * 2 + 1}`).join('\n')}\n`;

async function run(target: string) {
  const prepared: PreparedDataset = prepareDataset(parseCsv(csv), { target, split: { validation: 0, test: 0.4 } }, 3);
  const spec = parseSpec({
    layers: [{ id: 'output', type: 'dense', units: 'auto' }],
    training: { epochs: 2, batchSize: 4 },
  });
  const data = {
    task: prepared.task,
    featureNames: prepared.featureNames,
    train: prepared.train,
    validation: null,
    targetScale: targetScale(prepared.preprocessing),
  };
  const backend = new CpuBackend();
  const result = await trainNetwork({ spec, data, backend });
  backend.destroy();
  return { prepared, model: await buildModelFile({ result, prepared }) };
}

describe("evaluateTestSplit (the app's evaluation)", () => {
  for (const target of ['label', 'value']) {
    it(`${target}: a test row with an unknown target (NaN) is left out and the others keep their row indices`, async () => {
      const { prepared, model } = await run(target);
      const test = prepared.test;
      const gap = { ...test, y: Float32Array.from(test.y, (y, i) => (i === 1 ? NaN : y)) };
      const kept = [0, ...Array.from({ length: test.rows - 2 }, (_, i) => i + 2)];
      const pick = (a: Float32Array, w: number) =>
        Float32Array.from(kept.flatMap((r) => Array.from(a.subarray(r * w, (r + 1) * w))));
      const alone = {
        ...test,
        x: pick(test.x, test.features),
        y: pick(test.y, 1),
        rows: kept.length,
        rowIndices: Int32Array.from(kept, (r) => test.rowIndices[r]),
      };
      const a = await evaluateTestSplit(model, gap);
      const b = await evaluateTestSplit(model, alone);
      expect(a).toEqual(b);
      expect(Array.from(a.rowIndices)).toEqual(kept.map((r) => test.rowIndices[r]));
      expect(Number.isFinite(a.loss)).toBe(true);
    });
  }
  it('an empty test split says so instead of scoring nothing', async () => {
    const { prepared, model } = await run('label');
    const empty = {
      ...prepared.test,
      x: new Float32Array(0),
      y: new Float32Array(0),
      rows: 0,
      rowIndices: new Int32Array(0),
    };
    await expect(evaluateTestSplit(model, empty)).rejects.toThrow(
      'The test split has no rows, so there is nothing to evaluate. Set a test fraction above 0 and train again.',
    );
  });
});
