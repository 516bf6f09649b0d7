/**
 * Hyperband (Li et al. 2017): successive halving in brackets that trade many short trials for a few long
 * ones, so no single guess of how many epochs are enough to judge a configuration decides the search.
 * With R = maxEpochs, r_min = minEpochs and eta: s_max = ⌊log_eta(R / r_min)⌋, and bracket s (s_max … 0)
 * starts n_s = ⌈(s_max + 1)/(s + 1) · eta^s⌉ random configurations at r_s = R·eta^−s epochs and halves
 * them s times (halving.ts: the best ⌊n/eta⌋ of each whole rung continue from their weights to eta× the
 * epochs), up to R. Bracket 0 is random search at R epochs.
 *
 * Trials are numbered across brackets, the most aggressive first (bracket s_max is trials 1 … n_{s_max}).
 * All brackets run together, so every worker stays busy; each promotes from its own whole rung, so what
 * runs depends on finished trials only, never on timing.
 *
 * A `trials` other than the standard Σ n_s scales the brackets: they keep the standard proportions (each
 * bracket's share rounded by largest remainders) and each keeps at least one trial.
 */
import { assert } from '../../errors.ts';
import type { HalvingSettings, Objective, Parameter } from '../types.ts';
import { halvingBudget, rungSizes, successiveHalving, type HalvingRun } from './halving.ts';
import type { Strategy, StrategyStep } from './strategy.ts';

/** Slack for powers of eta computed in floating point (3⁻⁴·81 must count as 1). */
const EPS = 1e-9;

/** s_max = ⌊log_eta(R / r_min)⌋: the most promotions a bracket has; the brackets are s_max … 0. */
export function hyperbandMaxBracket(h: HalvingSettings): number {
  let s = 0;
  while (h.minEpochs * h.eta ** (s + 1) <= h.maxEpochs * (1 + EPS)) s++;
  return s;
}

/** Configurations per bracket in standard Hyperband, bracket s_max first: n_s = ⌈(s_max + 1)/(s + 1) · eta^s⌉. */
export function hyperbandSizes(h: HalvingSettings): number[] {
  const sMax = hyperbandMaxBracket(h);
  return Array.from({ length: sMax + 1 }, (_, i) => {
    const s = sMax - i;
    return Math.ceil(((sMax + 1) * h.eta ** s) / (s + 1) - EPS);
  });
}

/** Epochs at the end of each rung of bracket s: r_i = R·eta^(i−s), rounded and at least r_min, for i = 0 … s (the last is R). */
export function bracketEpochs(h: HalvingSettings, s: number): number[] {
  return Array.from({ length: s + 1 }, (_, i) =>
    i === s ? h.maxEpochs : Math.max(h.minEpochs, Math.round(h.maxEpochs / h.eta ** (s - i))),
  );
}

/** `trials` split over brackets in the proportions of `standard`: shares rounded by largest remainders, each at least 1. */
export function splitTrials(standard: readonly number[], trials: number): number[] {
  assert(
    trials >= standard.length,
    `Hyperband needs a trial per bracket: ${trials} trials for ${standard.length} brackets`,
  );
  const total = standard.reduce((a, b) => a + b, 0);
  const quota = standard.map((n) => (trials * n) / total);
  const out = quota.map(Math.floor);
  const left = trials - out.reduce((a, b) => a + b, 0);
  const byRemainder = quota.map((_, i) => i).sort((a, b) => quota[b] - out[b] - (quota[a] - out[a]) || a - b);
  for (const i of byRemainder.slice(0, left)) out[i]++;
  // A bracket left empty takes a trial from the one most over its share that has two or more (there is
  // one, as trials ≥ brackets).
  for (let i = 0; i < out.length; i++) {
    if (out[i] > 0) continue;
    let from = -1;
    for (let j = 0; j < out.length; j++)
      if (out[j] >= 2 && (from < 0 || out[j] - quota[j] > out[from] - quota[from])) from = j;
    out[from]--;
    out[i] = 1;
  }
  return out;
}

/** The brackets of a Hyperband sweep of `trials` configurations (the standard count unless scaled), bracket s_max first. */
export function hyperbandBrackets(h: HalvingSettings, trials: number): HalvingRun[] {
  const standard = hyperbandSizes(h);
  const sizes = splitTrials(standard, trials);
  const sMax = standard.length - 1;
  let first = 1;
  return sizes.map((n, i) => {
    const s = sMax - i;
    const run = { first, epochs: bracketEpochs(h, s), sizes: rungSizes(n, s + 1, h.eta), bracket: s };
    first += n;
    return run;
  });
}

/** The Hyperband strategy: its brackets' successive-halving runs, all at once. */
export function hyperbandStrategy(
  parameters: readonly Parameter[],
  trials: number,
  seed: number,
  h: HalvingSettings,
  objective: Objective,
): Strategy {
  const runs = hyperbandBrackets(h, trials);
  const brackets = runs.map((run) => successiveHalving(parameters, seed, run, objective));
  const isOver = brackets.map(() => false);
  return {
    trials,
    epochBudget: () => runs.reduce((sum, run) => sum + halvingBudget(run), 0),
    next(records): StrategyStep | null {
      const step: StrategyStep = { run: [], prune: [] };
      brackets.forEach((b, i) => {
        if (isOver[i]) return;
        const own = b.next(records);
        if (own === null) isOver[i] = true;
        else {
          step.run.push(...own.run);
          step.prune.push(...own.prune);
        }
      });
      return isOver.every(Boolean) ? null : step;
    },
  };
}
