/**
 * Which trial of the auto search to keep. The search's best cross-validated score is the largest of many
 * noisy estimates, so it flatters its trial (the winner's curse); the default network was chosen by evidence
 * across datasets. The best trial is kept only when it beats the default network by more than one standard
 * error of their paired fold differences (both were scored on the same folds); otherwise the default network is.
 */
import { AUTO_LABELS } from './auto.ts';
import type { Objective, SweepResult, TrialRecord } from './types.ts';

/** The kept trial, and why. */
export interface AutoPick {
  trial: TrialRecord;
  /** The best trial by the objective (the kept one unless the default network was preferred). */
  best: TrialRecord;
  /** Mean paired fold difference of best − default (in the better direction) and its standard error; null without folds. */
  margin: { mean: number; se: number } | null;
}

/** Mean and standard error of the paired per-fold gains of `a` over `b`; null when a fold lacks a score. */
export function pairedGain(a: TrialRecord, b: TrialRecord, objective: Objective): { mean: number; se: number } | null {
  const fa = a.foldObjectives;
  const fb = b.foldObjectives;
  if (!fa || !fb || fa.length !== fb.length || fa.length < 2) return null;
  const sign = objective.direction === 'maximize' ? 1 : -1;
  const d: number[] = [];
  for (let i = 0; i < fa.length; i++) {
    const x = fa[i];
    const y = fb[i];
    if (x === null || y === null) return null;
    d.push(sign * (x - y));
  }
  const mean = d.reduce((s, v) => s + v, 0) / d.length;
  const variance = d.reduce((s, v) => s + (v - mean) ** 2, 0) / (d.length - 1);
  return { mean, se: Math.sqrt(variance / d.length) };
}

/** The trial the auto search keeps: its best, unless the default network is within one standard error of it. */
export function autoPick(result: SweepResult): AutoPick | null {
  const best = result.best;
  if (!best) return null;
  const defaults = result.trials.find((t) => t.label === AUTO_LABELS.defaults && t.status === 'done');
  if (!defaults || defaults === best) return { trial: best, best, margin: null };
  const margin = pairedGain(best, defaults, result.plan.objective);
  return { trial: margin && margin.mean <= margin.se ? defaults : best, best, margin };
}
