/**
 * The sweep family: hyperparameter sweeps run by the engine worker, with trials in trial workers it owns.
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
 */
import type { DatasetSettings } from '../data/index.ts';
import type { Problem } from '../errors.ts';
import type { NetworkSpec } from '../spec/index.ts';
import type {
  Direction,
  Objective,
  ParamValue,
  StrategyName,
  SweepEvent,
  SweepPlan,
  TrialParams,
} from '../sweep/index.ts';
import { event, isRecord, ProtocolError, reply, request, type UnionOf } from './fields.ts';
import type { WireError } from './session.ts';

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
  /** Folds each trial is cross-validated on (over train + validation), when the space has them. */
  folds?: number;
  /** The space's time budget in seconds, when it has one. */
  budgetSeconds?: number;
}

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
  /** Cross-validate each trial on this many folds of the training + validation rows (2–10). */
  folds?: number;
  /** Start no trial after this many seconds; running ones stop once one trial has finished. */
  budgetSeconds?: number;
  /** Trials to run first with these values (e.g. the auto search's 'default network' and 'linear baseline'). */
  enqueue?: { label?: string; params: TrialParams }[];
  /** TPE settings. */
  tpe?: { initialTrials?: number; lag?: number; candidates?: number; gamma?: number };
}

const EVENT_TYPES = new Set<string>([
  'sweep/start',
  'trial/start',
  'trial/progress',
  'trial/epoch',
  'trial/rung',
  'trial/done',
  'trial/pruned',
  'trial/failed',
  'trial/cancelled',
  'sweep/best',
  'sweep/done',
]);

function isTrialRecord(v: unknown): boolean {
  return (
    isRecord(v) &&
    typeof v.trial === 'number' &&
    isRecord(v.params) &&
    typeof v.status === 'string' &&
    (v.objective === null || typeof v.objective === 'number') &&
    isRecord(v.metrics) &&
    Array.isArray(v.history)
  );
}

/** True when `v` has the shape of a sweep event (records and the result checked one level deep). */
function isWireSweepEvent(v: unknown): v is SweepEvent {
  if (!isRecord(v) || typeof v.type !== 'string' || !EVENT_TYPES.has(v.type)) return false;
  switch (v.type) {
    case 'sweep/start':
      return isRecord(v.plan) && Array.isArray(v.plan.parameters);
    case 'trial/start':
      return (
        typeof v.trial === 'number' &&
        isRecord(v.params) &&
        typeof v.epochs === 'number' &&
        (v.label === undefined || typeof v.label === 'string')
      );
    case 'trial/progress':
      return typeof v.trial === 'number' && typeof v.epoch === 'number' && typeof v.batch === 'number';
    case 'trial/epoch':
      return typeof v.trial === 'number' && isRecord(v.summary) && typeof v.summary.epoch === 'number';
    case 'sweep/done':
      return isRecord(v.result) && Array.isArray(v.result.trials) && v.result.trials.every(isTrialRecord);
    default:
      return isTrialRecord(v.record);
  }
}

type SweepCheckRequest = {
  space: Record<string, unknown>;
  spec: NetworkSpec;
  settings: DatasetSettings;
  cores: number;
  concurrency: number | null;
};
const SWEEP_CHECK_FIELDS = {
  space: 'object',
  spec: 'object',
  settings: 'object',
  cores: 'number',
  concurrency: 'number?',
} as const;

/** The sweep requests. */
export const SWEEP_REQUESTS = {
  /** Check a search space against the network and the data without running it. */
  'sweep/check': request<SweepCheckRequest>()('sweep/checked', SWEEP_CHECK_FIELDS),
  /**
   * Run a search space; `sweep/events` follow with this sweepId until one carries `sweep/done` (or `sweep/failed`).
   * `refitReserve`: the space's time budget, counted from this request, covers the refit of the best trial
   * ("Find a good network"), so the search ends when what is left is what that refit will take.
   */
  'sweep/start': request<{ sweepId: string; refitReserve: boolean } & SweepCheckRequest>()('sweep/started', {
    sweepId: 'string',
    refitReserve: 'boolean',
    ...SWEEP_CHECK_FIELDS,
  }),
  /** Stop every running trial after its current batch and start no more. */
  'sweep/stop': request<{ sweepId: string }>()('sweep/state', { sweepId: 'string' }),
  /** Stop one trial (running, queued or waiting between halving rungs); the sweep goes on. */
  'trial/cancel': request<{ sweepId: string; trial: number }>()('sweep/state', { sweepId: 'string', trial: 'number' }),
  /** The network spec a trial trains: `params` applied to `spec` (the seed stays the spec's). */
  'sweep/apply': request<{ spec: NetworkSpec; params: TrialParams }>()('sweep/applied', {
    spec: 'object',
    params: 'object',
  }),
  /**
   * Train `params` applied to `spec` on the training and validation rows together, for `epochs` (the
   * trial's kept epoch) without early stopping, as run `runId`; answered by `train/state` (running), and
   * followed by the run's events, `train/started` first.
   */
  'sweep/retrain': request<{
    runId: string;
    spec: NetworkSpec;
    settings: DatasetSettings;
    params: TrialParams;
    epochs: number;
  }>()('train/state', { runId: 'string', spec: 'object', settings: 'object', params: 'object', epochs: 'number' }),
};

/** The sweep events. */
export const SWEEP_EVENTS = {
  'sweep/checked': reply<{ problems: Problem[]; check: SweepCheck | null }>()({ problems: 'array', check: 'object?' }),
  /** The trial workers are up and the sweep has begun. */
  'sweep/started': reply<{
    sweepId: string;
    plan: SweepPlan;
    backend: string;
    rows: { train: number; validation: number };
  }>()({ sweepId: 'string', plan: 'object', backend: 'string', rows: 'object' }),
  'sweep/state': reply<{ sweepId: string; state: 'running' | 'stopping' }>()({ sweepId: 'string', state: 'string' }),
  /** Live events, coalesced; the last batch of a sweep ends with `sweep/done`. */
  'sweep/events': event<{ sweepId: string; events: SweepEvent[] }>()(
    { sweepId: 'string', events: 'array' },
    {
      check: (m) => {
        if (!m.events.every(isWireSweepEvent)) throw new ProtocolError("'sweep/events' has a malformed event");
      },
    },
  ),
  /** The sweep could not go on (its workers failed); what finished is in the events before. */
  'sweep/failed': event<{ sweepId: string; error: WireError }>()({ sweepId: 'string', error: 'object' }),
  'sweep/applied': reply<{ spec: NetworkSpec }>()({ spec: 'object' }),
};

/** The sweep requests, as messages. */
export type SweepRequest = UnionOf<typeof SWEEP_REQUESTS>;
