/** Seeded train / validation / test splits and k-fold cross-validation, stratified by class when asked. */
import { DatasetError } from '../../errors.ts';
import { Random } from '../../random.ts';
import { messages } from '../messages.ts';

/** Row indices of each split. */
export interface RowSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** Groups positions 0..n−1 by label (one group when there are no labels), each group shuffled. */
function shuffledGroups(n: number, labels: ArrayLike<number> | null, random: Random): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = labels ? labels[i]! : 0;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((k) => random.shuffle(groups.get(k)!));
}

/**
 * Splits `rows` (table row indices) into train / validation / test by the given fractions of all rows.
 * With `labels` (one class index per entry of `rows`) each class is split in the same proportions, and
 * every class keeps at least one training row. Rows within each split are in seeded random order.
 */
export function splitRows(
  rows: Int32Array,
  labels: ArrayLike<number> | null,
  fractions: { validation: number; test: number },
  seed: number,
): RowSplit {
  const { validation, test } = fractions;
  if (!(validation >= 0 && test >= 0 && validation + test < 1))
    throw new DatasetError(messages.badSplit(validation, test));
  const random = new Random(seed);
  const parts: [number[], number[], number[]] = [[], [], []];
  for (const group of shuffledGroups(rows.length, labels, random)) {
    const n = group.length;
    let nTest = Math.round(n * test);
    let nVal = Math.round(n * validation);
    while (nTest + nVal > n - 1 && nTest + nVal > 0) {
      if (nVal >= nTest && nVal > 0) nVal--;
      else nTest--;
    }
    group.forEach((pos, i) => parts[i < nTest ? 2 : i < nTest + nVal ? 1 : 0].push(rows[pos]!));
  }
  const [train, val, tst] = parts.map((p) => Int32Array.from(random.shuffle(p)));
  return { train: train!, validation: val!, test: tst! };
}

/**
 * Splits `rows` by time: sorted by `times` (ms, one per table row; NaN sorts first), the earliest rows
 * train, the next `validation` fraction validates and the latest `test` fraction tests. At least one row trains.
 */
export function timeSplit(
  rows: Int32Array,
  times: ArrayLike<number>,
  fractions: { validation: number; test: number },
): RowSplit {
  const { validation, test } = fractions;
  if (!(validation >= 0 && test >= 0 && validation + test < 1))
    throw new DatasetError(messages.badSplit(validation, test));
  const key = (r: number): number => {
    const t = times[r]!;
    return t === t ? t : -Infinity;
  };
  const sorted = Int32Array.from(rows).sort((a, b) => key(a) - key(b) || a - b);
  const n = sorted.length;
  let nTest = Math.round(n * test);
  let nVal = Math.round(n * validation);
  while (nTest + nVal > n - 1 && nTest + nVal > 0) {
    if (nVal >= nTest && nVal > 0) nVal--;
    else nTest--;
  }
  const trainEnd = n - nTest - nVal;
  return {
    train: sorted.slice(0, trainEnd),
    validation: sorted.slice(trainEnd, n - nTest),
    test: sorted.slice(n - nTest),
  };
}

/** One fold of cross-validation: positions 0..rows−1 to train on and to test on. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/**
 * K folds over `rows` positions for `evaluate --cv K`: each position is tested exactly once. With
 * `stratifyLabels`, each class is dealt round-robin across the folds so every fold has the same mix.
 */
export function kFoldSplits(rows: number, k: number, seed: number, stratifyLabels?: ArrayLike<number>): Fold[] {
  if (!Number.isInteger(k) || k < 2 || k > rows) throw new DatasetError(messages.badFolds(k, rows));
  const random = new Random(seed);
  const foldOf = new Int32Array(rows);
  let next = 0;
  for (const group of shuffledGroups(rows, stratifyLabels ?? null, random)) {
    for (const pos of group) foldOf[pos] = next++ % k;
  }
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < rows; i++) (foldOf[i] === f ? test : train).push(i);
    folds.push({ train: Int32Array.from(train), test: Int32Array.from(test) });
  }
  return folds;
}
