import { describe, expect, test } from 'vitest';
import { DatasetError } from '../../errors.ts';
import { kFoldSplits, splitRows } from './split.ts';

const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('splitRows', () => {
  test('fractions of all rows, every row exactly once', () => {
    const s = splitRows(range(100), null, { validation: 0.1, test: 0.2 }, 1);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([70, 10, 20]);
    expect([...s.train, ...s.validation, ...s.test].sort((a, b) => a - b)).toEqual(Array.from(range(100)));
  });

  test('stratified: a rare class keeps a training row', () => {
    const labels = Int32Array.from({ length: 41 }, (_, i) => (i === 40 ? 1 : 0));
    const s = splitRows(range(41), labels, { validation: 0.2, test: 0.5 }, 2);
    expect(Array.from(s.train)).toContain(40);
  });

  test('zero validation and test leave everything to train', () => {
    const s = splitRows(range(5), null, { validation: 0, test: 0 }, 3);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([5, 0, 0]);
  });

  test('fractions adding up to 1 are refused with the fix', () => {
    expect(() => splitRows(range(5), null, { validation: 0.5, test: 0.5 }, 3)).toThrowError(
      'The validation (0.5) and test (0.5) fractions must each be at least 0 and add up to less than 1, leaving rows to train on. Lower them.',
    );
  });
});

describe('kFoldSplits', () => {
  test('each row is tested exactly once, folds are balanced and stratified', () => {
    const labels = Int32Array.from({ length: 30 }, (_, i) => i % 3);
    const folds = kFoldSplits(30, 5, 9, labels);
    expect(folds).toHaveLength(5);
    const tested = folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
    expect(tested).toEqual(Array.from(range(30)));
    for (const f of folds) {
      expect(f.test.length).toBe(6);
      expect(f.train.length).toBe(24);
      expect([0, 1, 2].map((c) => Array.from(f.test).filter((r) => labels[r] === c).length)).toEqual([2, 2, 2]);
    }
  });

  test('deterministic for a seed', () => {
    expect(kFoldSplits(20, 4, 5)).toEqual(kFoldSplits(20, 4, 5));
    expect(kFoldSplits(20, 4, 5)).not.toEqual(kFoldSplits(20, 4, 6));
  });

  test('a bad K is a DatasetError that names the range', () => {
    expect(() => kFoldSplits(10, 1, 0)).toThrowError(DatasetError);
    expect(() => kFoldSplits(10, 11, 0)).toThrowError(
      'Cross-validation needs between 2 and 10 folds (one per row at most), not 11. Choose a K in that range, such as 5.',
    );
  });
});
