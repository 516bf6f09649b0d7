/**
 * Successive halving. Every trial (random values) trains `minEpochs`; when the whole rung has finished,
 * the best 1/eta of it (by the objective) continue from their weights to eta× the epochs, the rest are
 * pruned; the last rung trains to `maxEpochs`. Promotion waits for the whole rung, so it depends on
 * results only, never on which trial finished first.
 */
import { compareTrials } from '../objective.ts';
import type { HalvingSettings, Objective, Parameter, TrialRecord } from '../types.ts';
import { randomParams } from './random.ts';
import type { Strategy, StrategyStep } from './strategy.ts';

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

/** The successive-halving strategy. */
export function halvingStrategy(parameters: readonly Parameter[], trials: number, seed: number, h: HalvingSettings, objective: Objective): Strategy {
  const epochs = rungEpochs(h);
  const sizes = rungSizes(trials, epochs.length, h.eta);
  const last = epochs.length - 1;
  let rung = -1;
  let members: number[] = [];
  const step = (trial: number, params: TrialRecord['params']) => ({ trial, params, epochs: epochs[rung], rung, final: rung === last });
  return {
    trials,
    epochBudget: () => sizes.reduce((sum, n, k) => sum + n * (epochs[k] - (epochs[k - 1] ?? 0)), 0),
    next(records): StrategyStep | null {
      if (rung === -1) {
        rung = 0;
        members = Array.from({ length: trials }, (_, i) => i + 1);
        return { run: members.map((t) => step(t, randomParams(parameters, seed, t))), prune: [] };
      }
      if (rung === last) return null;
      const rows = members.map((t) => records.get(t));
      if (rows.some((r) => !r || r.rung !== rung || r.status === 'running')) return { run: [], prune: [] };
      const ranked = (rows as TrialRecord[]).filter((r) => r.status === 'waiting').sort((a, b) => compareTrials(a, b, objective));
      if (ranked.length === 0) return null;
      rung++;
      const promoted = ranked.slice(0, sizes[rung]);
      members = promoted.map((r) => r.trial);
      return { run: promoted.map((r) => step(r.trial, r.params)), prune: ranked.slice(sizes[rung]).map((r) => r.trial) };
    },
  };
}
