/** Permutation importance puts the columns the target depends on first, is seeded, and checks its inputs. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { applyPreprocessing, parseCsv } from '../data/index.ts';
import { DatasetError } from '../errors.ts';
import { ExplainError } from './explain-error.ts';
import { permutationImportance } from './importance.ts';
import { syntheticCsv, trainedModel } from './fixtures/synthetic.ts';

const classifier = await trainedModel(syntheticCsv(400, 'classification'));
const regressor = await trainedModel(syntheticCsv(400, 'regression'));

async function importance(m: typeof classifier, csv: string, options = {}) {
  const a = applyPreprocessing(m.pre, parseCsv(csv));
  return permutationImportance(m.model, m.pre, new CpuBackend(), a.x, a.y!, a.rows, options);
}

describe('permutation importance', () => {
  it('classification: a and cat (the only columns the label depends on) rank first, shown to matter; the rest do not', async () => {
    const r = await importance(classifier, syntheticCsv(300, 'classification', 11));
    expect(r.metric).toBe('accuracy');
    expect(r.baseline.metric).toBeGreaterThan(0.9);
    expect(
      r.columns
        .map((c) => c.column)
        .slice(0, 2)
        .sort(),
    ).toEqual(['a', 'cat']);
    expect(r.columns.map((c) => c.column).sort()).toEqual(['a', 'b', 'cat', 'day', 'noise', 'tag']);
    for (const c of r.columns.slice(0, 2)) {
      expect(c.shownToMatter).toBe(true);
      expect(c.loss.mean).toBeGreaterThan(0);
    }
    for (const c of r.columns.slice(2)) expect(c.mean).toBeLessThan(r.columns[1]!.mean / 3);
    expect([r.rows, r.rowsLeftOut, r.repeats]).toEqual([300, 0, 5]);
  });

  it('regression: measured in R², a first, then cat; the unrelated columns barely move it', async () => {
    const r = await importance(regressor, syntheticCsv(300, 'regression', 12));
    expect(r.metric).toBe('r2');
    expect(r.columns.map((c) => c.column).slice(0, 2)).toEqual(['a', 'cat']);
    expect(r.columns[0]!.mean).toBeGreaterThan(0.5);
    for (const c of r.columns.slice(2)) expect(Math.abs(c.mean)).toBeLessThan(0.1);
  });

  it('is seeded: the same seed gives the same numbers, another seed other numbers', async () => {
    const csv = syntheticCsv(120, 'classification', 13);
    const a = await importance(classifier, csv, { seed: 5, repeats: 3 });
    const b = await importance(classifier, csv, { seed: 5, repeats: 3 });
    const c = await importance(classifier, csv, { seed: 6, repeats: 3 });
    expect(b).toEqual(a);
    expect(c.columns).not.toEqual(a.columns);
    expect(a.seed).toBe(5);
  });

  it('one repeat has no spread: std is 0', async () => {
    const r = await importance(classifier, syntheticCsv(60, 'classification', 14), { repeats: 1 });
    expect(r.columns.every((c) => c.std === 0 && c.loss.std === 0)).toBe(true);
  });

  it('rows with a missing or unknown target are left out and counted', async () => {
    const csv = syntheticCsv(50, 'classification', 15)
      .replace(/,(yes|no)\n/, ',\n')
      .replace(/,(yes|no)\n/, ',maybe\n');
    const r = await importance(classifier, csv, { repeats: 1 });
    expect([r.rows, r.rowsLeftOut]).toEqual([48, 2]);
  });

  it('no row with a known target is an error saying so', async () => {
    const csv = syntheticCsv(3, 'classification', 16).replace(/,(yes|no)\n/g, ',\n');
    const e = await importance(classifier, csv).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DatasetError);
    expect((e as DatasetError).message).toBe(
      "There is nothing to measure importance on: all 3 rows have a target in column 'target' that is missing or not one of the model's classes. Fill in the target, or use a labelled file.",
    );
  });

  it('repeats outside 1–1000 are refused with the valid range', async () => {
    for (const repeats of [0, 1.5, 1001]) {
      const e = await importance(classifier, syntheticCsv(5, 'classification'), { repeats }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ExplainError);
      expect((e as ExplainError).message).toBe(
        `repeats must be a whole number from 1 to 1000, got ${repeats}. 5 is usual; more narrows the ± interval.`,
      );
    }
  });
});
