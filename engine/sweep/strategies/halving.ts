/**
 * Successive halving. Every trial (random values) trains `minEpochs`; when the whole rung has finished,
 * the best 1/eta of it (by the objective) continue from their weights to eta× the epochs, the rest are
 * pruned; the last rung trains to `maxEpochs`. Promotion waits for the whole rung, so it depends on
 * results only, never on which trial finished first. Hyperband (hyperband.ts) runs several of these.
 */
import { compareTrials } from '../objective.ts';
import type { HalvingSettings, Objective, Parameter, TrialRecord } from '../types.ts';
import { randomParams } from './random.ts';
import { FINISHED, type Strategy, type StrategyStep } from './strategy.ts';

/** Epochs at the end of each rung: minEpochs, ×eta, ×eta², … up to maxEpochs (the last rung). */
export function rungEpochs(h: HalvingSettings): number[] {
  const out = [h.minEpochs];
  for (let k = 1; out[out.length - 1] < h.maxEpochs; k++) {
    const next = Math.min(h.maxEpochs, Math.round(h.minEpochs * h.eta ** k));
    if (next > out[out.length - 1]) out.push(next);
  }
  return out;
}

/** Trials in each rung: all of them, then ⌊n/eta⌋ (at least 1) at each promotion. */
export function rungSizes(trials: number, rungs: number, eta: number): number[] {
  const out = [trials];
  while (out.length < rungs) out.push(Math.max(1, Math.floor(out[out.length - 1] / eta)));
  return out;
}

/** One successive-halving run, decided in advance: which trials, how many per rung, and each rung's epochs. */
export interface HalvingRun {
  /** Number of its first trial; its trials are first … first + sizes[0] − 1. */
  first: number;
  /** Epochs at the end of each rung (increasing; the last is the full training). */
  epochs: readonly number[];
  /** Trials in each rung, as many as `epochs`. */
  sizes: readonly number[];
  /** The Hyperband bracket it is, recorded with its steps; null for plain successive halving. */
  bracket: number | null;
}

/** Epochs a run trains in all when no trial fails or stops early: Σ_k sizes[k]·(epochs[k] − epochs[k−1]). */
export function halvingBudget(run: HalvingRun): number {
  return run.sizes.reduce((sum, n, k) => sum + n * (run.epochs[k] - (run.epochs[k - 1] ?? 0)), 0);
}

/** The strategy that carries out one successive-halving run, each trial's values drawn from (seed, trial number). */
export function successiveHalving(
  parameters: readonly Parameter[],
  seed: number,
  run: HalvingRun,
  objective: Objective,
): Strategy {
  const { epochs, sizes, bracket } = run;
  const last = epochs.length - 1;
  let rung = -1;
  let members: number[] = [];
  const step = (trial: number, params: TrialRecord['params']) => ({
    trial,
    params,
    epochs: epochs[rung],
    rung,
    bracket,
    final: rung === last,
  });
  // A member has settled its rung when it waits after it, or will not train again (a promoted trial
  // cancelled before its step started keeps its earlier rung).
  const isSettled = (r: TrialRecord | undefined) =>
    !!r && (FINISHED.includes(r.status) || (r.status === 'waiting' && r.rung === rung));
  return {
    trials: sizes[0],
    epochBudget: () => halvingBudget(run),
    next(records): StrategyStep | null {
      if (rung === -1) {
        rung = 0;
        members = Array.from({ length: sizes[0] }, (_, i) => run.first + i);
        return { run: members.map((t) => step(t, randomParams(parameters, seed, t))), prune: [] };
      }
      if (rung === last) return null;
      const rows = members.map((t) => records.get(t));
      if (!rows.every(isSettled)) return { run: [], prune: [] };
      const ranked = (rows as TrialRecord[])
        .filter((r) => r.status === 'waiting')
        .sort((a, b) => compareTrials(a, b, objective));
      if (ranked.length === 0) return null;
      rung++;
      const promoted = ranked.slice(0, sizes[rung]);
      members = promoted.map((r) => r.trial);
      return {
        run: promoted.map((r) => step(r.trial, r.params)),
        prune: ranked.slice(sizes[rung]).map((r) => r.trial),
      };
    },
  };
}

/** The successive-halving strategy: trials 1 … `trials`, rungs from the settings. */
export function halvingStrategy(
  parameters: readonly Parameter[],
  trials: number,
  seed: number,
  h: HalvingSettings,
  objective: Objective,
): Strategy {
  const epochs = rungEpochs(h);
  return successiveHalving(
    parameters,
    seed,
    { first: 1, epochs, sizes: rungSizes(trials, epochs.length, h.eta), bracket: null },
    objective,
  );
}
