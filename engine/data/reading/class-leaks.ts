/**
 * Number columns that give a class target away by their ranges rather than their meaning: a counter that
 * restarts in each class (penguins_raw's "Sample Number": Adelie 1–152, Gentoo 1–124, Chinstrap 1–68, so
 * every value above 124 is Adelie), or values that fall in a separate range for each class.
 */
import type { TableColumn } from './table.ts';

/** Fewer rows than this are too few to call a pattern a leak. */
const MIN_ROWS = 20;
/** At most this many rows are sorted to look for separate ranges. */
const RANGE_SAMPLE = 20_000;
/** Rows out of place (and class changes beyond the unavoidable ones) allowed, as a share of the rows. */
const STRAY_CHANGES = 0.01;

/** Pairs of (value, class code) where both are present, from every `stride`-th row. */
function pairs(col: TableColumn, classes: Int32Array, stride = 1): { values: number[]; labels: number[] } {
  const values: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < classes.length; i += stride) {
    const v = col.numbers[i]!;
    if (v === v && classes[i]! >= 0) {
      values.push(v);
      labels.push(classes[i]!);
    }
  }
  return { values, labels };
}

/** Whether each class's values are whole numbers that count up without gaps or repeats from the same start. */
function isPerClassCounter(values: readonly number[], labels: readonly number[]): boolean {
  const byClass = new Map<number, Set<number>>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) return false;
    let seen = byClass.get(labels[i]!);
    if (!seen) byClass.set(labels[i]!, (seen = new Set()));
    if (seen.has(v)) return false;
    seen.add(v);
  }
  if (byClass.size < 2) return false;
  const starts = new Set<number>();
  for (const seen of byClass.values()) {
    let min = Infinity,
      max = -Infinity;
    for (const v of seen) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (max - min + 1 !== seen.size || seen.size < 2) return false;
    starts.add(min);
  }
  return starts.size === 1;
}

/**
 * How far sorting by value is from putting each class in one range: rows outside their value's majority
 * class (a value shared by several classes), and changes of majority class between neighbouring values.
 */
function rangeMixing(values: readonly number[], labels: readonly number[]): { impure: number; changes: number } {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || labels[a]! - labels[b]!);
  let impure = 0,
    changes = 0,
    previous = -1;
  for (let k = 0; k < order.length;) {
    const value = values[order[k]!]!;
    const counts = new Map<number, number>();
    let size = 0;
    for (; k < order.length && values[order[k]!] === value; k++, size++) {
      const label = labels[order[k]!]!;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    let majority = -1,
      most = 0;
    for (const [label, n] of counts)
      if (n > most) {
        most = n;
        majority = label;
      }
    impure += size - most;
    if (previous !== -1 && majority !== previous) changes++;
    previous = majority;
  }
  return { impure, changes };
}

/**
 * How a number column gives the class away by its ranges, or null. `classes` holds each row's class code
 * (−1 where the target is missing), `classCount` how many classes there are.
 */
export function rangeLeak(col: TableColumn, classes: Int32Array, classCount: number): string | null {
  if (classCount < 2 || col.summary.numbers < MIN_ROWS) return null;
  const { values, labels } = pairs(col, classes);
  if (values.length < MIN_ROWS) return null;
  if (isPerClassCounter(values, labels))
    return 'it counts 1, 2, 3, … afresh within each class, so its largest values tell the classes apart';
  // sorting is the costly part: an even sample of rows shows separate ranges as well as all of them do
  const sample =
    values.length > RANGE_SAMPLE ? pairs(col, classes, Math.ceil(classes.length / RANGE_SAMPLE)) : { values, labels };
  const stray = Math.floor(STRAY_CHANGES * sample.values.length);
  const { impure, changes } = rangeMixing(sample.values, sample.labels);
  if (impure <= stray && changes <= classCount - 1 + stray) return 'its values fall in a separate range for each class';
  return null;
}
