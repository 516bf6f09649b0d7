/** The contract between the runner and a search strategy. */
import type { TrialParams, TrialRecord, TrialStatus } from '../types.ts';

/** One piece of work: start a trial, or (halving) continue one to more epochs. */
export interface TrialStep {
  trial: number;
  params: TrialParams;
  /** Epochs the trial has trained in all when this step ends; null means the spec's own epochs. */
  epochs: number | null;
  /** Halving rung (0-based, within its bracket for Hyperband); null for other strategies. */
  rung: number | null;
  /** Hyperband bracket s; null for other strategies. */
  bracket: number | null;
  /** True when the trial ends with this step; otherwise it waits, keeping its weights, for the next decision. */
  final: boolean;
}

/** What a strategy asks for at one moment: trials to run and waiting trials to stop for good. */
export interface StrategyStep {
  run: TrialStep[];
  prune: number[];
}

/**
 * A search strategy. `next` is called at the start and whenever a trial step ends; it returns only new work.
 * Determinism rule: what it returns may depend on finished trials only, and every step's content on a
 * fixed set of them (never on which ones happen to be finished at the time), so the sweep does not depend on timing.
 */
export interface Strategy {
  /** Configurations it will try. */
  readonly trials: number;
  /** Most epochs it will train in all, for trials whose full training is `fullEpochs` epochs. */
  epochBudget(fullEpochs: number): number;
  /** New work (possibly none while waiting for running trials); null when nothing is left to start. */
  next(records: ReadonlyMap<number, TrialRecord>): StrategyStep | null;
}

/** Statuses of a trial that will not train again. */
export const FINISHED: readonly TrialStatus[] = ['done', 'pruned', 'failed', 'cancelled'];
