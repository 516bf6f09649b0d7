/** The runner's bookkeeping of one trial: a fresh record, what its steps leave in it, and how failures read. */
import { isUserError } from '../errors.ts';
import type { EpochSummary } from '../train/index.ts';
import type { FoldOutcome } from './executor.ts';
import { epochMetrics, meanMetrics, objectiveValue } from './objective.ts';
import type { TrialStep } from './strategies/index.ts';
import type { EnqueuedTrial, Objective, TrialRecord } from './types.ts';

/** The event announcing each way a trial step ends. */
export const END_EVENT = {
  waiting: 'trial/rung',
  done: 'trial/done',
  pruned: 'trial/pruned',
  failed: 'trial/failed',
  cancelled: 'trial/cancelled',
} as const;

/** A trial's record before its first epoch; enqueued trials (the first ones) carry their label. */
export function newRecord(step: TrialStep, seed: number, enqueue: readonly EnqueuedTrial[] = []): TrialRecord {
  const label = enqueue[step.trial - 1]?.label;
  return {
    trial: step.trial,
    params: step.params,
    status: 'running',
    objective: null,
    metrics: {},
    epochs: 0,
    keptEpoch: 0,
    durationMs: 0,
    seed,
    rung: step.rung,
    bracket: step.bracket,
    error: null,
    history: [],
    ...(label === undefined ? {} : { label }),
  };
}

/** Code and message of whatever a failed step threw. */
export function failureOf(e: unknown): { code: string; message: string } {
  if (isUserError(e)) return { code: e.code, message: e.message };
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : 'sweep/trial-crashed';
    return { code, message: e.message };
  }
  return { code: 'sweep/trial-crashed', message: String(e) };
}

/**
 * Record what a step trained: its history after the first `offset` epochs, the kept epoch (`kept`, from 1
 * within the step; 0: the last) and the metrics there. Cross-validated: the folds' mean metrics at their common kept epoch.
 */
export function settleRecord(
  r: TrialRecord,
  objective: Objective,
  step: { offset: number; history: EpochSummary[]; kept: number; folds?: FoldOutcome[] },
): void {
  const { offset, history, kept, folds } = step;
  r.history = [...r.history.slice(0, offset), ...history];
  r.epochs = r.history.length;
  r.keptEpoch = kept > 0 ? offset + kept : r.epochs;
  if (folds?.length) {
    r.folds = folds.length;
    r.metrics = meanMetrics(folds.map((f) => f.metrics));
    r.foldObjectives = folds.map((f) => objectiveValue(f.metrics, objective));
  } else {
    const at = r.history[r.keptEpoch - 1];
    r.metrics = at ? epochMetrics(at) : {};
  }
  r.objective = objectiveValue(r.metrics, objective);
}
