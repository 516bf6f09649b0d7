/**
 * Messages between a trial-worker pool and its workers (worker_threads in Node, Web Workers in the
 * browser). Plain structured-clone data; each side keeps what it receives `unknown` until parsed here.
 */
import { BACKEND_NAMES, parseSpec, type BackendChoice } from '../spec/index.ts';
import type { EpochSummary, TrainingData } from '../train/types.ts';
import type { TrialJob, TrialJobResult, TrialProgress } from './executor.ts';
import {
  hasKeys,
  isCount,
  isEpochSummary,
  isFoldOutcomes,
  isFoldSetting,
  isOptimizerCheckpoint,
  isProgress,
  isTrainingData,
  isWeights,
} from './wire-check.ts';

/** An error as it crosses to the pool. */
export interface TrialWireError {
  name: string;
  code: string;
  message: string;
}

/** Pool → worker. */
export type TrialWorkerRequest =
  | { type: 'init'; data: TrainingData; backend: BackendChoice }
  | { type: 'run'; job: TrialJob }
  | { type: 'stop'; trial: number };

/** Worker → pool. */
export type TrialWorkerEvent =
  | { type: 'ready'; backend: string }
  | { type: 'epoch'; trial: number; summary: EpochSummary }
  | { type: 'progress'; trial: number; progress: TrialProgress }
  | { type: 'done'; trial: number; result: TrialJobResult }
  | { type: 'failed'; trial: number | null; error: TrialWireError };

function isWireError(v: unknown): v is TrialWireError {
  return (
    hasKeys(v, 'name', 'code', 'message') &&
    typeof v.name === 'string' &&
    typeof v.code === 'string' &&
    typeof v.message === 'string'
  );
}

function isJobResult(v: unknown): v is TrialJobResult {
  return (
    hasKeys(v, 'history', 'weights', 'optimizer', 'stopReason', 'bestEpoch') &&
    Array.isArray(v.history) &&
    v.history.every(isEpochSummary) &&
    (v.weights === null || isWeights(v.weights)) &&
    (v.optimizer === null || isOptimizerCheckpoint(v.optimizer)) &&
    ['completed', 'earlyStopping', 'stopped'].includes(v.stopReason as string) &&
    isCount(v.bestEpoch) &&
    (v.folds === undefined || isFoldOutcomes(v.folds))
  );
}

/** A request as the worker receives it; null when malformed (the spec inside a job is fully validated: throws SpecError). */
export function parseTrialWorkerRequest(v: unknown): TrialWorkerRequest | null {
  if (!hasKeys(v, 'type')) return null;
  if (
    v.type === 'init' &&
    hasKeys(v, 'data', 'backend') &&
    isTrainingData(v.data) &&
    BACKEND_NAMES.includes(v.backend as BackendChoice)
  ) {
    return { type: 'init', data: v.data, backend: v.backend as BackendChoice };
  }
  if (
    v.type === 'run' &&
    hasKeys(v, 'job') &&
    hasKeys(v.job, 'trial', 'spec', 'initialWeights', 'initialOptimizer', 'returnWeights')
  ) {
    const j = v.job;
    if (
      !isCount(j.trial) ||
      typeof j.returnWeights !== 'boolean' ||
      !(j.initialWeights === null || isWeights(j.initialWeights))
    )
      return null;
    if (!(j.initialOptimizer === null || isOptimizerCheckpoint(j.initialOptimizer))) return null;
    if (!(j.folds === undefined || isFoldSetting(j.folds))) return null;
    return {
      type: 'run',
      job: {
        trial: j.trial,
        spec: parseSpec(j.spec),
        initialWeights: j.initialWeights,
        initialOptimizer: j.initialOptimizer,
        returnWeights: j.returnWeights,
        ...(j.folds === undefined ? {} : { folds: j.folds }),
      },
    };
  }
  if (v.type === 'stop' && hasKeys(v, 'trial') && isCount(v.trial)) return { type: 'stop', trial: v.trial };
  return null;
}

/** An event as the pool receives it; null when malformed. */
export function parseTrialWorkerEvent(v: unknown): TrialWorkerEvent | null {
  if (!hasKeys(v, 'type')) return null;
  if (v.type === 'ready' && hasKeys(v, 'backend') && typeof v.backend === 'string')
    return { type: 'ready', backend: v.backend };
  if (v.type === 'epoch' && hasKeys(v, 'trial', 'summary') && isCount(v.trial) && isEpochSummary(v.summary))
    return { type: 'epoch', trial: v.trial, summary: v.summary };
  if (v.type === 'progress' && hasKeys(v, 'trial', 'progress') && isCount(v.trial) && isProgress(v.progress))
    return { type: 'progress', trial: v.trial, progress: v.progress };
  if (v.type === 'done' && hasKeys(v, 'trial', 'result') && isCount(v.trial) && isJobResult(v.result))
    return { type: 'done', trial: v.trial, result: v.result };
  if (
    v.type === 'failed' &&
    hasKeys(v, 'trial', 'error') &&
    (v.trial === null || isCount(v.trial)) &&
    isWireError(v.error)
  ) {
    return { type: 'failed', trial: v.trial, error: v.error };
  }
  return null;
}
