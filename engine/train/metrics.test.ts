/** Classification metrics beside accuracy: balanced accuracy and macro F1 weigh every class the same. */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from './metrics.ts';

describe('computeMetrics', () => {
  it('reports balanced accuracy as the mean recall per class, so a majority-only guess scores 1/classes', () => {
    const task = { kind: 'classification', classes: ['common', 'rare', 'never'] } as const;
    // Nine rows of 'common', one of 'rare', none of 'never'; the network always says 'common'.
    const rows = 10;
    const y = Float32Array.from({ length: rows }, (_, r) => (r === 9 ? 1 : 0));
    const out = Float32Array.from({ length: rows * 3 }, (_, i) => (i % 3 === 0 ? 0.8 : 0.1));
    const m = computeMetrics(task, 'categoricalCrossentropy', 1, out, y, rows, 3);
    if (m.kind !== 'classification') throw new Error('expected classification metrics');
    expect(m.accuracy).toBeCloseTo(0.9, 6);
    // recall(common) = 1, recall(rare) = 0; 'never' has no rows and does not count
    expect(m.balancedAccuracy).toBeCloseTo(0.5, 6);
    // f1(common) = 2·0.9·1/1.9, f1(rare) = f1(never) = 0
    expect(m.macroF1).toBeCloseTo((2 * 0.9) / 1.9 / 3, 6);
  });
});
