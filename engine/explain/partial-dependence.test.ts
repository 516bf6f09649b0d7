/** Partial dependence follows the known dependence of the target, equals re-preprocessing the CSV, and checks its inputs. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { applyPreprocessing, parseCsv } from '../data/index.ts';
import { predictWithModel } from '../export/index.ts';
import { ExplainError } from './explain-error.ts';
import { syntheticCsv, trainedModel } from './fixtures/synthetic.ts';
import { partialDependence } from './partial-dependence.ts';

const regressor = await trainedModel(syntheticCsv(400, 'regression'));
const classifier = await trainedModel(syntheticCsv(300, 'classification'));
const csv = syntheticCsv(120, 'regression', 41);
const table = parseCsv(csv);
const applied = applyPreprocessing(regressor.pre, table);
const pdp = (column: string, options = {}) =>
  partialDependence(regressor.model, regressor.pre, new CpuBackend(), table, applied.x, applied.rows, column, options);

describe('partial dependence', () => {
  it('of a (value = 3a + …): rises across the range with a slope near 3; the grid is quantiles of a', async () => {
    const r = await pdp('a');
    expect([r.kind, r.outputs, r.rows]).toEqual(['number', ['target'], 120]);
    expect(r.grid).toHaveLength(20);
    const a = r.grid.map(Number);
    expect(a).toEqual([...a].sort((p, q) => p - q));
    const v = r.average.map((p) => p[0]!);
    for (let g = 1; g < v.length; g++) expect(v[g]!).toBeGreaterThan(v[g - 1]!);
    const slope = (v[v.length - 1]! - v[0]!) / (a[a.length - 1]! - a[0]!);
    expect(slope).toBeGreaterThan(2);
    expect(slope).toBeLessThan(4);
  });

  it('of cat: one point per category; u < v < w about 3 apart (2 × the 1.5 shift); noise stays flat', async () => {
    const r = await pdp('cat');
    expect(r.kind).toBe('category');
    expect([...r.grid].sort()).toEqual(['u', 'v', 'w']);
    const at = (c: string) => r.average[r.grid.indexOf(c)]![0]!;
    expect(at('v') - at('u')).toBeGreaterThan(2);
    expect(at('w') - at('v')).toBeGreaterThan(2);
    const noise = (await pdp('noise')).average.map((p) => p[0]!);
    expect(Math.max(...noise) - Math.min(...noise)).toBeLessThan(0.5);
  });

  it('is the mean prediction of the CSV with the column set to the grid value, preprocessed again', async () => {
    const r = await pdp('cat');
    const lines = csv.trim().split('\n');
    const setTo = [
      lines[0],
      ...lines.slice(1).map((l) =>
        l
          .split(',')
          .map((c, i) => (i === 2 ? 'w' : c))
          .join(','),
      ),
    ].join('\n');
    const a = applyPreprocessing(regressor.pre, parseCsv(setTo));
    const out = await predictWithModel(regressor.model, new CpuBackend(), a.x, a.rows);
    const t = regressor.pre.target;
    const mean = Array.from(out).reduce((s, o) => s + (t.kind === 'regression' ? o * t.std + t.mean : o), 0) / a.rows;
    expect(r.average[r.grid.indexOf('w')]![0]).toBeCloseTo(mean, 4);
  });

  it('with individual curves: one per row along the grid, averaging to the partial dependence', async () => {
    const r = await pdp('day', { ice: true, points: 5 });
    expect(r.grid).toHaveLength(5);
    expect(r.ice).toHaveLength(120);
    r.average.forEach((p, g) => expect(p[0]).toBeCloseTo(r.ice!.reduce((s, curve) => s + curve[g]![0]!, 0) / 120, 6));
  });

  it("classification averages each class's probability; they sum to 1 at every grid point", async () => {
    const c = syntheticCsv(50, 'classification', 42);
    const t = parseCsv(c);
    const x = applyPreprocessing(classifier.pre, t);
    const r = await partialDependence(classifier.model, classifier.pre, new CpuBackend(), t, x.x, x.rows, 'a', {
      points: 4,
    });
    expect(r.outputs).toEqual(['no', 'yes']);
    for (const p of r.average) expect(p[0]! + p[1]!).toBeCloseTo(1, 6);
    expect(r.average[3]![1]).toBeGreaterThan(r.average[0]![1]!);
  });

  it('refuses a column the model does not use, a bad grid, and a column with no values', async () => {
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as ExplainError,
      );
    expect((await fail(pdp('target')))?.message).toBe(
      "'target' is the model's target, what it predicts; partial dependence follows the prediction over one of its" +
        " input columns: 'a', 'b', 'cat', 'noise', 'tag', 'day'. Give one of those.",
    );
    expect((await fail(pdp('nope')))?.message).toBe(
      "'nope' is not a column the model uses. Its columns: 'a', 'b', 'cat', 'noise', 'tag', 'day'.",
    );
    expect((await fail(pdp('a', { points: 1 })))?.message).toBe(
      'The grid must have a whole number of points from 2 to 100, got 1. 20 is usual.',
    );
    const empty = parseCsv(csv.replace(/^(-?[\d.]+),/gm, ','));
    const e = await fail(
      partialDependence(
        regressor.model,
        regressor.pre,
        new CpuBackend(),
        empty,
        applyPreprocessing(regressor.pre, empty).x,
        120,
        'a',
      ),
    );
    expect(e).toBeInstanceOf(ExplainError);
    expect(e?.message).toBe(
      "Column 'a' has no values in this file (every cell is missing), so there is nothing to sweep. Use a file where it has values.",
    );
  });
});
