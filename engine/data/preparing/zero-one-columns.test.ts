import { describe, expect, test } from 'vitest';
import { applyPreprocessing, parseCsv, prepareDataset } from '../index.ts';

/** 40 rows whose `kids` count happens to be only 0 or 1. */
function training(): string {
  const lines = ['kids,income,smoker,bought'];
  for (let i = 0; i < 40; i++) lines.push(`${i % 2},${20 + (i % 7)},${i % 3 ? 'yes' : 'no'},${i % 4 < 2 ? 'y' : 'n'}`);
  return lines.join('\n');
}

describe('a 0/1 integer column stays a number', () => {
  test('0/1 numbers are integer; only true/false words are boolean', () => {
    const t = parseCsv(training());
    expect(t.columns.map((c) => c.inferred.type)).toEqual(['integer', 'integer', 'boolean', 'boolean']);
  });

  test('the model file stores it as a number, and 2, 3, 5 at prediction are read as those numbers', () => {
    const d = prepareDataset(parseCsv(training()), { target: 'bought' }, 1);
    const kids = d.preprocessing.features.find((f) => f.column === 'kids')!;
    expect(kids.kind).toBe('number');
    if (kids.kind !== 'number') return;
    const applied = applyPreprocessing(d.preprocessing, parseCsv('kids,income,smoker\n2,21,yes\n3,22,no\n5,23,yes\n'));
    expect(applied.warnings).toEqual([]);
    const width = d.featureNames.length;
    const at = d.featureNames.indexOf('kids');
    const read = [0, 1, 2].map((r) => applied.x[r * width + at]! * kids.scale + kids.center);
    expect(read.map((v) => Math.round(v * 1000) / 1000)).toEqual([2, 3, 5]);
  });
});
