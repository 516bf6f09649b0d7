/**
 * The time budget of "Find a good network" covers the search and the refit of the network it keeps. The search
 * runs until what is left of the budget is what the refit will take, estimated from the trials' own pace: the
 * runner asks `autoRefitReserveMs` after each finished trial (RunSweepOptions.reserveMs).
 */
import { AUTO_LABELS } from './auto.ts';
import type { TrialPace } from './types.ts';

/**
 * A refit's estimate × this. Measured on digits (`train --auto --budget 30`, a loaded 2-core machine): a refit
 * epoch on the host's own thread took 1.6–2.3 times a trial's fold epoch per row; it also trains with another
 * seed and is scored on its splits afterwards.
 */
const REFIT_MARGIN = 2;

/**
 * A trial without folds trains on the training rows and is refitted on training + validation: about this many
 * times the rows (the default 10% validation of the 70% left after the test rows is 1/0.875 ≈ 1.14).
 */
const ROWS_WITHOUT_FOLDS = 1.15;

/** Milliseconds one refit of `t` on the training + validation rows takes for its kept epochs, from its pace. */
function refitMs(t: TrialPace): number {
  const k = t.record.folds;
  // a fold trains on (k − 1)/k of the rows the refit trains on
  const rows = k !== undefined && k > 1 ? k / (k - 1) : ROWS_WITHOUT_FOLDS;
  return t.msPerEpoch * Math.max(1, t.record.keptEpoch) * rows * REFIT_MARGIN;
}

/** What a host refits once the auto search ends, besides the kept network. */
interface AutoRefits {
  /** The linear baseline is refitted too (the CLI scores it on the test rows). */
  linear: boolean;
  /** Milliseconds the host needs besides training (closing workers, building and saving the model). */
  overheadMs: number;
}

/**
 * Milliseconds to keep for after the search: the refit of the network it will keep (the best trial, or the
 * default network when the best is not clearly ahead: the longer of the two), the linear baseline's when the
 * host refits it, and the host's overhead.
 */
export function autoRefitReserveMs(done: readonly TrialPace[], best: TrialPace | null, o: AutoRefits): number {
  const one = (t: TrialPace | null | undefined) => (t ? refitMs(t) : 0);
  const labelled = (label: string) => done.find((t) => t.record.label === label);
  const kept = Math.max(one(best), one(labelled(AUTO_LABELS.defaults)));
  return kept + (o.linear ? one(labelled(AUTO_LABELS.linear)) : 0) + o.overheadMs;
}
