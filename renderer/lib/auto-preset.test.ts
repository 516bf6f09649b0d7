import { describe, expect, it } from 'vitest';
import type { ColumnInfo, DatasetSummary } from '../../engine/protocol/index.ts';
import { autoPreset, classCountsOf } from './auto-preset.ts';

const summary = (classes: string[]): Pick<DatasetSummary, 'task' | 'featureNames' | 'rows'> => ({
  task: { kind: 'classification', classes },
  featureNames: ['a', 'b'],
  rows: { train: 70, validation: 10, test: 20 },
});
const column = (name: string, counts: Record<string, number>): ColumnInfo =>
  ({ name, topCategories: Object.entries(counts).map(([value, count]) => ({ value, count })) }) as ColumnInfo;

describe('the auto preset for the loaded data', () => {
  it('counts each class among the training + validation rows from the target profile', () => {
    const table = { columns: [column('y', { yes: 90, no: 10 })] };
    expect(classCountsOf({ summary: summary(['no', 'yes']), table, target: 'y' })).toEqual([8, 72]);
    // A class the profile does not list (or a numeric target) leaves the counts to the engine's row count.
    expect(classCountsOf({ summary: summary(['no', 'yes', 'maybe']), table, target: 'y' })).toBeUndefined();
    expect(classCountsOf({ summary: summary(['no', 'yes']), table: { columns: [] }, target: 'y' })).toBeUndefined();
  });

  it('deals no more folds than the rarest class fills, and keeps the project seed and backend', () => {
    const rare = { columns: [column('y', { yes: 95, no: 5 })] };
    const base = { summary: summary(['no', 'yes']), target: 'y', seed: 9, budgetSeconds: 10 };
    // 4 rows of 'no' among the 80: 2 folds of 2.
    const two = autoPreset({ ...base, table: rare, backend: 'wasm' });
    expect(two.space).toMatchObject({ folds: 2, seed: 9 });
    // The whole budget: the engine ends the search in time to refit the kept network within it (refitReserve).
    expect(two.space.budgetSeconds).toBe(10);
    expect(two.spec.training).toMatchObject({ seed: 9, backend: 'wasm' });
    const none = autoPreset({ ...base, table: { columns: [column('y', { yes: 99, no: 1 })] }, backend: undefined });
    expect(none.space.folds).toBeUndefined();
    expect(none.spec.training?.backend).toBeUndefined();
  });
});
