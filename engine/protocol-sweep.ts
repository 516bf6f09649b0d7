/**
 * Sweep messages (issue 7): hyperparameter sweeps run by the engine worker, with trials in trial workers
 * it owns. `protocol.ts` adds these to its request and event unions.
 *
 * - `sweep/check` validates a search space (the JSON of a search-space file, see engine/sweep/README.md)
 *   against the current network and data, with every problem at its path; `sweep/start` runs it. The
 *   data split is the project's (its network's seed), so trials are scored on the validation rows every
 *   run uses; the space's seed drives the draws and each trial's training seed.
 * - A sweep is named by a `sweepId` the UI chooses. Its live events arrive coalesced in `sweep/events`
 *   (at most every 100 ms): the engine's SweepEvents in order, with only the latest `trial/progress` per
 *   trial, and without the histories inside records (each `trial/epoch` brings one epoch, so the UI
 *   already has them) or per-layer gradient norms.
 * - `sweep/apply` turns a trial's parameters into a network spec (for "Use best"); `sweep/retrain`
 *   trains that configuration on the training and validation rows together as a run (`runId`), whose
 *   events are those of `train/start` — it becomes a run like any other (evaluate, export).
 *
 * Pure TypeScript, like `protocol.ts`. The renderer imports the sweep vocabulary and the pure helpers it
 * shows results with (importance, CSV, ranking) from here.
 */
import type { DatasetSettings, NetworkSpec, Problem, WireError } from './protocol.ts';
import type { Direction, Objective, ParamValue, StrategyName, SweepEvent, SweepPlan, TrialParams } from './sweep/index.ts';

export {
  DISTRIBUTION_NAMES, STRATEGY_NAMES, SPACE_FORMAT, SPACE_VERSION, DEFAULT_TRIALS,
  defaultConcurrency, directionOf, objectiveMetrics, sortTrials, compareTrials, trialsCsv, parameterImportance, MIN_IMPORTANCE_TRIALS,
} from './sweep/index.ts';
export type {
  ImportanceResult, ParameterImportance,
  Direction, Distribution, DistributionName, Objective, Parameter, ParamValue, StrategyName, SweepEvent, SweepPlan, SweepResult,
  SweepStatus, TrialParams, TrialRecord, TrialStatus,
} from './sweep/index.ts';

/** What a checked space would do. */
export interface SweepCheck {
  strategy: StrategyName;
  /** Trials it would run (grid: the grid's size, or fewer). */
  trials: number;
  concurrency: number;
  seed: number;
  objective: Objective;
  /** Most epochs the whole sweep trains; null when epochs are searched. */
  epochBudget: number | null;
  /** Rows the trials train on and are scored on. */
  rows: { train: number; validation: number };
}

/** The sweep requests. */
export type SweepRequest =
  /** Check a search space against the network and the data without running it. */
  | { type: 'sweep/check'; id: number; space: Record<string, unknown>; spec: NetworkSpec; settings: DatasetSettings; cores: number; concurrency: number | null }
  /** Run a search space; `sweep/events` follow with this sweepId until one carries `sweep/done` (or `sweep/failed`). */
  | { type: 'sweep/start'; id: number; sweepId: string; space: Record<string, unknown>; spec: NetworkSpec; settings: DatasetSettings; cores: number; concurrency: number | null }
  /** Stop every running trial after its current batch and start no more. */
  | { type: 'sweep/stop'; id: number; sweepId: string }
  /** Stop one trial (running, queued or waiting between halving rungs); the sweep goes on. */
  | { type: 'trial/cancel'; id: number; sweepId: string; trial: number }
  /** The network spec a trial trains: `params` applied to `spec` (the seed stays the spec's). */
  | { type: 'sweep/apply'; id: number; spec: NetworkSpec; params: TrialParams }
  /**
   * Train `params` applied to `spec` on the training and validation rows together, for `epochs` (the
   * trial's kept epoch) without early stopping, as run `runId`; answered by `train/started`.
   */
  | { type: 'sweep/retrain'; id: number; runId: string; spec: NetworkSpec; settings: DatasetSettings; params: TrialParams; epochs: number };

/** The sweep events. */
export type SweepEngineEvent =
  | { type: 'sweep/checked'; id: number; problems: Problem[]; check: SweepCheck | null }
  /** The trial workers are up and the sweep has begun. */
  | { type: 'sweep/started'; id: number; sweepId: string; plan: SweepPlan; backend: string; rows: { train: number; validation: number } }
  | { type: 'sweep/state'; id: number; sweepId: string; state: 'running' | 'stopping' }
  /** Live events, coalesced; the last batch of a sweep ends with `sweep/done`. */
  | { type: 'sweep/events'; sweepId: string; events: SweepEvent[] }
  /** The sweep could not go on (its workers failed); what finished is in the events before. */
  | { type: 'sweep/failed'; sweepId: string; error: WireError }
  | { type: 'sweep/applied'; id: number; spec: NetworkSpec };

/** A search-space file's parameter entry, as the UI writes it. */
export type SpaceParameterJson =
  | { distribution: 'uniform' | 'logUniform'; min: number; max: number }
  | { distribution: 'int'; min: number; max: number; log?: boolean }
  | { distribution: 'choice'; values: ParamValue[] };

/** The search-space file the UI sends (the format of engine/sweep/README.md). */
export interface SpaceJson {
  format: string;
  version: number;
  strategy: StrategyName;
  trials: number;
  seed: number;
  objective: { metric: string; direction: Direction };
  parameters: Record<string, SpaceParameterJson>;
}

const EVENT_TYPES = new Set<string>([
  'sweep/start', 'trial/start', 'trial/progress', 'trial/epoch', 'trial/rung', 'trial/done', 'trial/pruned', 'trial/failed',
  'trial/cancelled', 'sweep/best', 'sweep/done',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTrialRecord(v: unknown): boolean {
  return isRecord(v) && typeof v.trial === 'number' && isRecord(v.params) && typeof v.status === 'string'
    && (v.objective === null || typeof v.objective === 'number') && isRecord(v.metrics) && Array.isArray(v.history);
}

/** True when `v` has the shape of a sweep event (records and the result checked one level deep). */
export function isWireSweepEvent(v: unknown): v is SweepEvent {
  if (!isRecord(v) || typeof v.type !== 'string' || !EVENT_TYPES.has(v.type)) return false;
  switch (v.type) {
    case 'sweep/start': return isRecord(v.plan) && Array.isArray(v.plan.parameters);
    case 'trial/start': return typeof v.trial === 'number' && isRecord(v.params) && typeof v.epochs === 'number';
    case 'trial/progress': return typeof v.trial === 'number' && typeof v.epoch === 'number' && typeof v.batch === 'number';
    case 'trial/epoch': return typeof v.trial === 'number' && isRecord(v.summary) && typeof v.summary.epoch === 'number';
    case 'sweep/done': return isRecord(v.result) && Array.isArray(v.result.trials) && v.result.trials.every(isTrialRecord);
    default: return isTrialRecord(v.record);
  }
}
