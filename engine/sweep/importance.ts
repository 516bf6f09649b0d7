/**
 * Hyperparameter importance: how much of the spread of the objective over finished trials each searched
 * parameter accounts for. Per parameter, the trials are grouped by its value (each choice is a group;
 * numeric ranges are cut into equal-count groups on the distribution's scale) and the share of the
 * objective's variance lying between the groups is the correlation ratio η² = SS_between / SS_total.
 * With few trials η² is biased upwards (k groups explain some variance by chance), so the adjusted
 * ε² = (SS_between − (k − 1)·MS_within) / (SS_total + MS_within), clipped to [0, 1], is reported.
 * Numeric parameters also get Spearman's rank correlation with the objective, for the direction.
 */
import type { Direction, Parameter, ParamValue, TrialRecord } from './types.ts';

/** Fewest finished trials the importance is computed from. */
export const MIN_IMPORTANCE_TRIALS = 4;
/** A rank correlation at least this strong says which end of a range scores better. */
const DIRECTION_THRESHOLD = 0.3;

/** The importance of one parameter. */
export interface ParameterImportance {
  path: string;
  /** Adjusted share of the objective's variance explained by the parameter (ε², 0–1); null when the trials cannot tell (too few per value). */
  importance: number | null;
  /** Spearman rank correlation of the value (numeric ranges only) with the objective, −1…1; null otherwise. */
  correlation: number | null;
  /** Which end of a numeric range scored better (by the objective's direction); null when unclear or not a range. */
  better: 'higher' | 'lower' | null;
  /** Groups the trials were split into. */
  groups: number;
}

/** The importance of every parameter, most important first. */
export interface ImportanceResult {
  /** Finished trials it was computed from. */
  trials: number;
  parameters: ParameterImportance[];
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Ranks from 1, ties sharing their mean rank. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const out = new Array<number>(xs.length);
  for (let s = 0; s < order.length;) {
    let e = s;
    while (e + 1 < order.length && order[e + 1].x === order[s].x) e++;
    for (let j = s; j <= e; j++) out[order[j].i] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return out;
}

/** Pearson correlation; null when either side is constant. */
function pearson(a: readonly number[], b: readonly number[]): number | null {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : null;
}

/** Group index per trial: each distinct value of a choice, or equal-count bins of a numeric range (equal values share a bin). */
function groupsOf(p: Parameter, values: readonly ParamValue[]): number[] {
  const d = p.distribution;
  if (d.type === 'choice' || values.some((v) => typeof v !== 'number')) {
    const seen = new Map<string, number>();
    return values.map((v) => {
      const key = JSON.stringify(v);
      if (!seen.has(key)) seen.set(key, seen.size);
      return seen.get(key) as number;
    });
  }
  const isLog = d.type === 'logUniform' || (d.type === 'int' && d.log);
  const xs = (values as number[]).map((v) => (isLog && v > 0 ? Math.log(v) : v));
  const distinct = [...new Set(xs)].sort((a, b) => a - b);
  const bins = Math.max(2, Math.min(6, Math.round(Math.sqrt(xs.length)), Math.floor(xs.length / 2)));
  if (distinct.length <= bins) return xs.map((x) => distinct.indexOf(x));
  const sorted = [...xs].sort((a, b) => a - b);
  // Bin edges at equal-count quantiles; a value's bin is the number of edges below or at it.
  const edges = Array.from({ length: bins - 1 }, (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / bins)]);
  return xs.map((x) => edges.filter((e) => x >= e).length);
}

/** ε² of the objective `y` grouped by `g`; null when no group has room for within-group spread. */
function explained(y: readonly number[], g: readonly number[]): { value: number | null; groups: number } {
  const k = new Set(g).size;
  const n = y.length;
  const m = mean(y);
  const total = y.reduce((s, v) => s + (v - m) ** 2, 0);
  if (k < 2) return { value: 0, groups: k };
  if (n - k < 1) return { value: null, groups: k };
  // Equal objectives (accuracy ties are common) differ only by rounding: nothing to explain.
  if (Math.sqrt(total / n) <= 1e-9 * Math.max(1, Math.abs(m))) return { value: 0, groups: k };
  const sums = new Map<number, { s: number; c: number }>();
  g.forEach((gi, i) => {
    const e = sums.get(gi) ?? { s: 0, c: 0 };
    e.s += y[i];
    e.c += 1;
    sums.set(gi, e);
  });
  let between = 0;
  for (const { s, c } of sums.values()) between += c * (s / c - m) ** 2;
  const within = (total - between) / (n - k);
  const eps = (between - (k - 1) * within) / (total + within);
  return { value: Math.min(1, Math.max(0, eps)), groups: k };
}

/**
 * Importance of each parameter over the `done` trials with an objective; empty when fewer than
 * MIN_IMPORTANCE_TRIALS finished. `direction` turns the rank correlation into which end scored better.
 */
export function parameterImportance(
  trials: readonly TrialRecord[],
  parameters: readonly Parameter[],
  direction: Direction,
): ImportanceResult {
  const done = trials.filter((t) => t.status === 'done' && t.objective !== null && Number.isFinite(t.objective));
  if (done.length < MIN_IMPORTANCE_TRIALS) return { trials: done.length, parameters: [] };
  const y = done.map((t) => t.objective as number);
  const out = parameters.map((p): ParameterImportance => {
    const values = done.map((t) => t.params[p.path]);
    const { value, groups } = explained(y, groupsOf(p, values));
    const isRange = p.distribution.type !== 'choice' && values.every((v) => typeof v === 'number');
    const correlation = isRange ? pearson(ranks(values as number[]), ranks(y)) : null;
    const signed = correlation === null ? 0 : direction === 'maximize' ? correlation : -correlation;
    const better = Math.abs(signed) >= DIRECTION_THRESHOLD ? (signed > 0 ? 'higher' : 'lower') : null;
    return { path: p.path, importance: value, correlation, better, groups };
  });
  out.sort((a, b) => (b.importance ?? -1) - (a.importance ?? -1));
  return { trials: done.length, parameters: out };
}
