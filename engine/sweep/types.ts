/** The sweep's data model: search space, settings, trial records and the events a sweep streams. */
import type { MonitorName, NetworkSpec } from '../spec/types.ts';
import type { EpochSummary } from '../train/types.ts';

/** Identifies search-space files. */
export const SPACE_FORMAT = 'backprop-studio/search-space';
/** Newest search-space version this engine reads. */
export const SPACE_VERSION = 1;

/** A value a parameter can take (choices may be names, such as an activation or optimizer). */
export type ParamValue = number | string | boolean;

/** How a parameter is drawn. `log` spaces values evenly on a log scale (for rates and sizes that span decades). */
export type Distribution =
  | { type: 'uniform'; min: number; max: number }
  | { type: 'logUniform'; min: number; max: number }
  | { type: 'int'; min: number; max: number; log: boolean }
  | { type: 'choice'; values: readonly ParamValue[] };

/** Name of a distribution. */
export type DistributionName = Distribution['type'];
/** Every distribution name. */
export const DISTRIBUTION_NAMES: readonly DistributionName[] = ['uniform', 'logUniform', 'int', 'choice'];

/** One searched field: where it goes in the spec and how it is drawn. */
export interface Parameter {
  /** Path into the spec, e.g. `training.optimizer.learningRate`, `layers[dense-1].units`, `layers[*dropout].rate`, `hiddenLayers`. */
  path: string;
  distribution: Distribution;
  /** Grid strategy: points per numeric range (ends included). Default 3. */
  gridPoints: number;
}

/** Every strategy name. */
export const STRATEGY_NAMES = ['grid', 'random', 'halving', 'hyperband', 'tpe'] as const;
/** How configurations are chosen. */
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** Whether a larger objective is better. */
export type Direction = 'maximize' | 'minimize';

/** What the sweep optimizes: a metric training reports each epoch (normally a validation one). */
export interface Objective {
  metric: MonitorName;
  direction: Direction;
}

/**
 * Successive halving: every trial starts with `minEpochs`; after each rung the best 1/eta go on with eta× the epochs, up to `maxEpochs`.
 * Hyperband reads the same settings: R = maxEpochs, r_min = minEpochs, eta.
 */
export interface HalvingSettings {
  eta: number;
  minEpochs: number;
  maxEpochs: number;
}

/** Tree-structured Parzen estimator settings (see tpe.ts for the method). */
export interface TpeSettings {
  /** Trials drawn at random before the model steers sampling. */
  initialTrials: number;
  /** Trial t is drawn from the results of trials 1 … t − lag only, so it never depends on timing. */
  lag: number;
  /** Candidates drawn from the good-trials density per suggestion; the one with the best good/bad ratio wins. */
  candidates: number;
  /** Fraction of finished trials that count as good. */
  gamma: number;
}

/** A search space as read from its file; settings it leaves out come from the host or the defaults. */
export interface SearchSpace {
  parameters: Parameter[];
  objective?: Partial<Objective>;
  strategy?: StrategyName;
  trials?: number;
  seed?: number;
  halving?: Partial<HalvingSettings>;
  tpe?: Partial<TpeSettings>;
  /** Base network for hosts that have none of their own (the CLI without --spec). */
  spec?: NetworkSpec;
  /** Score each trial by k-fold cross-validation over the training + validation rows (2–10). */
  folds?: number;
  /** Start no trial after this many seconds, and stop the running ones (keeping at least one finished trial). */
  budgetSeconds?: number;
  /** Trials to run first with these values (the rest of the space's values stay the base network's). */
  enqueue?: EnqueuedTrial[];
}

/** A trial with fixed values, run before the strategy's own (Optuna's `enqueue_trial`). */
export interface EnqueuedTrial {
  /** Shown beside the trial in tables, e.g. 'default network'. */
  label?: string;
  /** Values by parameter path; paths left out keep the base network's value. */
  params: TrialParams;
}

/** Every setting of a sweep, decided. */
export interface SweepSettings {
  strategy: StrategyName;
  /** Configurations to try (grid: at most the grid's size). */
  trials: number;
  seed: number;
  /** Trials training at once. */
  concurrency: number;
  objective: Objective;
  halving: HalvingSettings;
  tpe: TpeSettings;
  /** k of k-fold cross-validation per trial; null scores trials on the validation rows. */
  folds: number | null;
  /** Seconds after which no trial starts and running ones stop (at least one trial still finishes); null: no limit. */
  budgetSeconds: number | null;
  /** Trials 1 … enqueue.length, with these values. */
  enqueue: EnqueuedTrial[];
}

/** Parameter values of one trial, keyed by path. */
export type TrialParams = Record<string, ParamValue>;

/** Where a trial is: waiting to start, training, between halving rungs, or finished in one of four ways. */
export type TrialStatus = 'running' | 'waiting' | 'done' | 'pruned' | 'failed' | 'cancelled';

/** Everything known about one trial; plain JSON, so it crosses worker and IPC boundaries as is. */
export interface TrialRecord {
  /** 1-based number; also fixes its parameters and training seed. */
  trial: number;
  params: TrialParams;
  status: TrialStatus;
  /** Objective at the kept epoch; null before the first epoch and for trials that failed before it. */
  objective: number | null;
  /** Training and validation metrics at the kept epoch (`loss`, `accuracy`, `valLoss`, `valAccuracy`, …). */
  metrics: Record<string, number>;
  /** Epochs trained so far (over all halving rungs). */
  epochs: number;
  /** Epoch (from 1) whose weights the trial keeps: the last one, or the best one when early stopping restored it. */
  keptEpoch: number;
  durationMs: number;
  /** Training seed, derived from the sweep seed and the trial number. */
  seed: number;
  /** Halving and Hyperband: the last rung it trained in (0-based, within its bracket); null for other strategies. */
  rung: number | null;
  /** Hyperband: its bracket s (s_max … 0, the number of promotions the bracket has; 0 trains every trial to maxEpochs); null for other strategies. */
  bracket: number | null;
  /** Why it failed (failed trials only). */
  error: { code: string; message: string } | null;
  /** Every epoch's summary, for learning curves (with folds: each epoch's mean over the folds that reached it). */
  history: EpochSummary[];
  /** An enqueued trial's label, e.g. 'linear baseline'. */
  label?: string;
  /** Cross-validated trials: the number of folds; `metrics` and `objective` are then fold means at `keptEpoch`, the best epoch of their mean curve. */
  folds?: number;
  /** Cross-validated trials: each fold's objective at `keptEpoch`. */
  foldObjectives?: (number | null)[];
}

/** A finished trial and its pace: milliseconds per epoch of one training (one fold's, when cross-validated). */
export interface TrialPace {
  record: TrialRecord;
  msPerEpoch: number;
}

/** What the sweep will do, announced when it starts (for progress and ETA). */
export interface SweepPlan {
  strategy: StrategyName;
  trials: number;
  /** Most epochs the whole sweep trains; null when `training.epochs` is itself searched. */
  epochBudget: number | null;
  objective: Objective;
  parameters: Parameter[];
  seed: number;
  concurrency: number;
  /** Folds each trial is cross-validated on, when it is. */
  folds?: number;
  /** The time budget in seconds, when there is one. */
  budgetSeconds?: number;
}

/** How a sweep ended. */
export type SweepStatus = 'completed' | 'cancelled';

/** The outcome of a sweep. */
export interface SweepResult {
  status: SweepStatus;
  plan: SweepPlan;
  /** Every started trial, by trial number. */
  trials: TrialRecord[];
  /** Best finished trial by the objective (ties: lower validation loss, then lower trial number); null when none finished. */
  best: TrialRecord | null;
  durationMs: number;
}

/** Streamed while a sweep runs, in the order things happen. Each is plain JSON. */
export type SweepEvent =
  | { type: 'sweep/start'; plan: SweepPlan }
  | {
      type: 'trial/start';
      trial: number;
      params: TrialParams;
      seed: number;
      rung: number | null;
      bracket: number | null;
      epochs: number;
      /** An enqueued trial's label (the auto search's 'default network'), shown from its start. */
      label?: string;
    }
  | {
      type: 'trial/progress';
      trial: number;
      epoch: number;
      epochs: number;
      batch: number;
      batches: number;
      loss: number;
    }
  | { type: 'trial/epoch'; trial: number; summary: EpochSummary; objective: number | null }
  | { type: 'trial/rung'; record: TrialRecord }
  | { type: 'trial/done'; record: TrialRecord }
  | { type: 'trial/pruned'; record: TrialRecord }
  | { type: 'trial/failed'; record: TrialRecord }
  | { type: 'trial/cancelled'; record: TrialRecord }
  | { type: 'sweep/best'; record: TrialRecord }
  | { type: 'sweep/done'; result: SweepResult };
