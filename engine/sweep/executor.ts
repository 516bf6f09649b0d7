/**
 * The trial executor: how the runner gets one trial step trained. The host injects it, so trials can run
 * in worker_threads (Node), Web Workers (browser) or in-process (tests, one-off use) with the same runner.
 */
import type { Backend } from '../backend/index.ts';
import type { NetworkSpec } from '../spec/types.ts';
import type { TrainControl } from '../train/control.ts';
import type { EpochSummary, OptimizerCheckpoint, StopReason, TrainingData, WeightTensor } from '../train/types.ts';
import type { FoldSetting } from './folds.ts';

/** One trial step to train. */
export interface TrialJob {
  trial: number;
  /** Validated spec: the trial's values applied, its seed, and the epochs of this step. */
  spec: NetworkSpec;
  /** Continue from these weights (a promoted halving trial); null for a fresh start. */
  initialWeights: WeightTensor[] | null;
  /** And from this optimizer state (moments, step count), saved with those weights; null for a fresh start. */
  initialOptimizer: OptimizerCheckpoint | null;
  /** Send the final weights and optimizer state back (needed only when the trial may continue later). */
  returnWeights: boolean;
  /** Cross-validate: train once per fold on the training + validation rows (see folds.ts) instead of once. */
  folds?: FoldSetting;
}

/** One fold of a cross-validated step: its metrics at the epoch it kept. */
export interface FoldOutcome {
  metrics: Record<string, number>;
  keptEpoch: number;
  epochs: number;
}

/** What training one step produced. */
export interface TrialJobResult {
  /** This step's epochs, numbered from 1. */
  history: EpochSummary[];
  weights: WeightTensor[] | null;
  /** With `weights`: the optimizer's state after the step, so a continued trial picks it up. */
  optimizer: OptimizerCheckpoint | null;
  stopReason: StopReason;
  /** Epoch of this step (from 1) whose weights were kept (cross-validated: the folds' mean, rounded). */
  bestEpoch: number;
  /** Cross-validated steps: each fold's outcome (`history` is then the folds' mean curve). */
  folds?: FoldOutcome[];
}

/** Progress inside an epoch (sent at most every 100 ms per trial, so long epochs still show movement). */
export interface TrialProgress {
  /** Epoch of this step (from 1), batch of the epoch (from 1), and the epoch's running mean loss. */
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
}

/** What the executor reports while a step trains. */
export interface TrialHooks {
  onEpoch(summary: EpochSummary): void;
  onProgress?(progress: TrialProgress): void;
}

/** A step being trained: its outcome (rejects when training fails, e.g. diverges), and a way to stop it. */
export interface TrialExecution {
  result: Promise<TrialJobResult>;
  /** Stop after the current batch; the result then has stopReason 'stopped'. */
  stop(): void;
}

/** Trains trial steps; the runner never asks for more at once than the sweep's concurrency. */
export interface TrialExecutor {
  /** Start training `job`, reporting each finished epoch (and progress inside epochs). */
  run(job: TrialJob, hooks: TrialHooks): TrialExecution;
  /** Release workers and backends. */
  close(): Promise<void>;
}

/** Where a step trains and how it reports. */
export interface TrialContext extends TrialHooks {
  data: TrainingData;
  backend: Backend;
  control: TrainControl;
  /** Lets the host handle messages (a stop) during long epochs. */
  yieldToHost?: () => Promise<void>;
}
