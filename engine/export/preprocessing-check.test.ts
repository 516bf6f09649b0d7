/** A damaged or newer preprocessing in a model file is one clear message from every exporter, never a crash. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportError } from './onnx/export-error.ts';
import { exportOnnx, exportTfjs, type ModelFile } from './index.ts';
import { checkedPreprocessing } from './preprocessing-check.ts';
import { trainTestModel } from './test-models.ts';

const csv = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'samples', 'penguins.csv'), 'utf8');
const model = await trainTestModel(csv, { target: 'species' }, [{ id: 'output', type: 'dense', units: 'auto' }], 1);
const tail = '. Train the model again, or update Backprop Studio if the model comes from a newer version.';

function damaged(change: (pre: Record<string, unknown>) => void): ModelFile {
  const copy = structuredClone(model);
  change(copy.preprocessing as unknown as Record<string, unknown>);
  return copy;
}
const feature0 = (pre: Record<string, unknown>): Record<string, unknown> =>
  (pre.features as Record<string, unknown>[])[0]!;

describe('checkedPreprocessing', () => {
  it('passes a trained model through', () => expect(checkedPreprocessing(model)).toBe(model.preprocessing));
  it.each([
    [
      'a newer version',
      (p: Record<string, unknown>) => {
        p.version = 3;
      },
      'it is version 3, newer than 2',
    ],
    [
      'features not a list',
      (p: Record<string, unknown>) => {
        p.features = 'x';
      },
      'features is not a list',
    ],
    [
      'an unknown kind',
      (p: Record<string, unknown>) => {
        feature0(p).kind = 'weird';
      },
      'features[0].kind is "weird" (valid: number, boolean, oneHot, ordinal, datetime)',
    ],
    [
      'a fill without a value',
      (p: Record<string, unknown>) => {
        feature0(p).fill = {};
      },
      'features[0].fill must be { value: number, indicator: boolean }',
    ],
    [
      'a scale of 0',
      (p: Record<string, unknown>) => {
        const f = (p.features as Record<string, unknown>[]).find((x) => x.kind === 'number')!;
        f.scale = 0;
      },
      'features[1].center and .scale must be numbers (scale not 0)',
    ],
    [
      'one category too few',
      (p: Record<string, unknown>) => {
        (feature0(p).categories as string[]).pop();
      },
      'its features make 9 inputs, but the network takes 10',
    ],
  ])('%s', (_name, change, why) => {
    const bad = damaged(change);
    const message = `The model's preprocessing is not readable: ${why}${tail}`;
    expect(() => checkedPreprocessing(bad)).toThrow(new ExportError('export/bad-preprocessing', message));
    expect(() => exportOnnx(bad, 'columns')).toThrow(message);
    expect(() => exportTfjs(bad)).toThrow(message);
  });
});
