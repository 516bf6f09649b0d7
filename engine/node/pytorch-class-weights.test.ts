/**
 * train.py's training.classWeight, as the studio's: 'auto' weighs strongly imbalanced classes (and says so),
 * the model file's spec records what ran, and a bad setting is one clear line. (Parity of the weighted steps:
 * engine/export/pytorch-train.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelFile } from '../export/index.ts';
import { trainTestModel } from '../export/test-models.ts';
import { resolveClassWeights } from '../train/index.ts';
import { runPython, TORCH_MISSING, writePackage } from './testing/pytorch.ts';

const root = join(import.meta.dirname, '..', '..');
const csv = readFileSync(join(root, 'resources', 'samples', 'penguins.csv'), 'utf8');
const layers = [{ id: 'output', type: 'dense', units: 'auto' }];
const base = await trainTestModel(csv, { target: 'species' }, layers, 1);
const skip = TORCH_MISSING !== '';

/** The base model with training.classWeight set to `weight`. */
function weighted(model: ModelFile, weight: unknown): ModelFile {
  return { ...model, spec: { ...model.spec, training: { ...model.spec.training, classWeight: weight } } } as ModelFile;
}

/** train.py on `data` for one epoch in a package of `model`: stderr, status and the written spec's classWeight. */
function train(model: ModelFile, data: string): { stderr: string; status: number | null; ran: unknown } {
  const dir = writePackage(model, 'weights');
  const path = join(dir, 'data.csv');
  writeFileSync(path, data);
  const r = runPython(dir, ['train.py', path, '--epochs', '1', '--out', 'o.json']);
  const ran =
    r.status === 0
      ? (JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')) as ModelFile).spec.training?.classWeight
      : null;
  return { stderr: r.stderr, status: r.status, ran };
}

/** Penguins with only the first 5 Chinstrap rows: the commonest class has more than 10 times its rows. */
const imbalanced = (() => {
  let chinstrap = 0;
  return csv
    .split('\n')
    .filter((l) => !l.startsWith('Chinstrap') || ++chinstrap <= 5)
    .join('\n');
})();

describe(`train.py: training.classWeight${TORCH_MISSING}`, () => {
  it.skipIf(skip)(
    "'auto' on strongly imbalanced rows weighs the classes, says so as the engine does, records 'balanced'",
    () => {
      // every row trains (no validation split): 152 Adelie, 5 Chinstrap, 124 Gentoo
      const model = weighted(base, 'auto');
      const r = train(
        { ...model, spec: { ...model.spec, training: { ...model.spec.training, validationSplit: 0 } } },
        imbalanced,
      );
      const y = Float32Array.from([...Array(152).fill(0), ...Array(5).fill(1), ...Array(124).fill(2)]);
      const engine = resolveClassWeights(
        'auto',
        { kind: 'classification', classes: ['Adelie', 'Chinstrap', 'Gentoo'] },
        y,
        y.length,
      );
      expect(engine?.note).toContain("'Chinstrap' weighs 18.7)");
      expect(r.stderr).toBe(`note: ${engine?.note}\n`);
      expect(r.ran).toBe('balanced');
    },
  );
  it.skipIf(skip)("'auto' on rows that are not strongly imbalanced, and 'none', record 'none' without a note", () => {
    expect(train(weighted(base, 'auto'), csv)).toEqual({ stderr: '', status: 0, ran: 'none' });
    expect(train(weighted(base, 'none'), imbalanced)).toEqual({ stderr: '', status: 0, ran: 'none' });
  });
  it.skipIf(skip)('a class the target does not have is refused in one line', () => {
    const r = train(weighted(base, { Emperor: 2 }), csv);
    expect(r.stderr).toBe(
      "error: training.classWeight.Emperor names the class 'Emperor', which the target does not have. " +
        "Its classes are 'Adelie', 'Chinstrap', 'Gentoo'.\n",
    );
    expect(r.status).toBe(1);
  });
  it.skipIf(skip)('class weights on a regression target are refused in one line', async () => {
    const diabetes = readFileSync(join(root, 'resources', 'samples', 'diabetes.csv'), 'utf8');
    const regression = await trainTestModel(diabetes, { target: 'progression' }, layers, 1);
    const r = train(weighted(regression, 'balanced'), diabetes);
    expect(r.stderr).toBe(
      'error: training.classWeight weighs classes, but the target is a number (regression). ' +
        "Remove training.classWeight or set it to 'none'.\n",
    );
    expect(r.status).toBe(1);
  });
});
