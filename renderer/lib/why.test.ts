import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../engine/protocol/index.ts';
import { featureColumns, mostMoved, waterfallSteps } from './why.ts';

const column = (name: string, exclusion: string | null = null): ColumnInfo => ({
  name,
  type: 'numeric',
  exclusion,
  missing: 0,
  distinct: 3,
  min: 0,
  max: 1,
  mean: 0.5,
  std: 0.2,
  histogram: [],
  topCategories: [],
});

describe('Why helpers', () => {
  it('offers the feature columns: not the target, not left out by inference unless chosen, not ignored', () => {
    const cols = [
      column('id', 'looks like a row number'),
      column('a'),
      column('b'),
      column('y'),
      column('notes', 'free text'),
    ];
    expect(featureColumns(cols, { target: 'y' })).toEqual(['a', 'b']);
    expect(
      featureColumns(cols, { target: 'y', columns: { b: { role: 'ignore' }, notes: { role: 'feature' } } }),
    ).toEqual(['a', 'notes']);
  });

  it('builds the waterfall largest first, each step from where the last ended, ending at the prediction', () => {
    const row = {
      row: 4,
      label: 'x',
      prediction: 0.9,
      baseline: 0.3,
      gap: 0,
      attributions: [0.1, -0.2, 0.7],
      values: ['1', 'red', ''],
    };
    const steps = waterfallSteps(['a', 'b', 'c'], row);
    expect(steps.map((s) => [s.column, s.value])).toEqual([
      ['c', ''],
      ['b', 'red'],
      ['a', '1'],
    ]);
    expect(steps[0]!.from).toBe(0.3);
    steps.slice(1).forEach((s, i) => expect(s.from).toBe(steps[i]!.to));
    expect(steps.at(-1)!.to).toBeCloseTo(0.9, 12);
  });

  it('sums the columns past the limit into one step that still ends at the prediction', () => {
    const attributions = [0.01, 0.5, -0.02, 0.03, 0.04];
    const row = {
      row: 0,
      label: null,
      prediction: 10.56,
      baseline: 10,
      gap: 0,
      attributions,
      values: ['1', '2', '3', '4', '5'],
    };
    const steps = waterfallSteps(['a', 'b', 'c', 'd', 'e'], row, 3);
    expect(steps.map((s) => s.column)).toEqual(['b', 'e', null]);
    expect(steps[2]!.value).toBe('3 columns');
    expect(steps[2]!.attribution).toBeCloseTo(0.02, 12);
    expect(steps.at(-1)!.to).toBeCloseTo(10.56, 12);
  });

  it('draws first the class whose average probability moves most along the column', () => {
    const average = [
      [0.5, 0.3, 0.2],
      [0.45, 0.1, 0.45],
      [0.5, 0.05, 0.45],
    ];
    expect(mostMoved({ outputs: ['a', 'b', 'c'], average })).toBe(1);
    expect(mostMoved({ outputs: ['value'], average: [[3], [3]] })).toBe(0);
  });
});
