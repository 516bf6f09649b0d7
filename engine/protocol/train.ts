/**
 * The train family: start, continue and control a run, and the run's live events.
 *
 * A run is named by a `runId` the UI chooses. Each request is answered by `train/state` (the run is
 * running, paused or stopping) or by an `error`; everything the run itself reports is a run event that
 * carries its `runId` and no request id: `train/started` first, then progress, epochs and diagnostics,
 * and `train/done` last. `sweep/retrain` starts a run the same way.
 */
import type { DatasetSettings } from '../data/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import type { EpochSummary } from '../train/index.ts';
import type { DatasetSummary } from './data.ts';
import { event, ProtocolError, reply, request } from './fields.ts';
import { checkWeights, weightBuffers, type WireTensor } from './model.ts';
import type { WireError } from './session.ts';

/** One epoch's summary, as the engine reports it (the renderer calls it a record). */
export type EpochRecord = EpochSummary;

/** A diagnostic raised while training (vanishing/exploding gradients, divergence, …). */
export interface DiagnosticRecord {
  code: string;
  /** `info`, `warning` or `error`. */
  level: string;
  message: string;
  epoch: number | null;
  layer: string | null;
}

/** Why a run ended. */
export type StopReason = 'completed' | 'earlyStopping' | 'stopped' | 'failed';

function checkContinue(m: { runId: string; fromRunId: string; epochs: number }): void {
  // The UI checks the epochs field before sending; the worker says the same to other callers.
  if (!Number.isInteger(m.epochs) || m.epochs < 1) {
    throw new ProtocolError(
      `request 'train/continue' field 'epochs' is not a whole number of 1 or more (got ${m.epochs})`,
    );
  }
  if (m.runId === m.fromRunId) {
    throw new ProtocolError(
      `request 'train/continue' continues run '${m.fromRunId}' as itself; give the new run its own runId`,
    );
  }
}

/** The train requests. */
export const TRAIN_REQUESTS = {
  /** Start training run `runId`; its run events follow, `train/started` first. */
  'train/start': request<{ runId: string; spec: NetworkSpec; settings: DatasetSettings }>()('train/state', {
    runId: 'string',
    spec: 'object',
    settings: 'object',
  }),
  /**
   * Continue run `fromRunId` for `epochs` more epochs as the new run `runId`: its network, data settings
   * and training settings, from its final weights and optimizer state (a fresh optimizer, said in a
   * `train/diagnostic`, when the worker no longer holds that state). Epochs are numbered after the
   * earlier run's; run events follow with `runId`, as for `train/start`.
   */
  'train/continue': request<{ runId: string; fromRunId: string; epochs: number }>()(
    'train/state',
    { runId: 'string', fromRunId: 'string', epochs: 'number' },
    { check: checkContinue },
  ),
  'train/pause': request<{ runId: string }>()('train/state', { runId: 'string' }),
  'train/resume': request<{ runId: string }>()('train/state', { runId: 'string' }),
  'train/stop': request<{ runId: string }>()('train/state', { runId: 'string' }),
};

/** The train events. */
export const TRAIN_EVENTS = {
  /** The run began: the backend it runs on and why, its data, and the network it trains. */
  'train/started': event<{
    runId: string;
    backend: string;
    backendLabel: string;
    reason: string;
    summary: DatasetSummary;
    spec: NetworkSpec;
  }>()({
    runId: 'string',
    backend: 'string',
    backendLabel: 'string',
    reason: 'string',
    summary: 'object',
    spec: 'object',
  }),
  /** Batch progress (the latest, a few times a second); `loss` is the running mean over the epoch so far. */
  'train/progress': event<{
    runId: string;
    epoch: number;
    epochs: number;
    batch: number;
    batches: number;
    loss: number;
    rowsPerSecond: number;
    elapsedMs: number;
  }>()({
    runId: 'string',
    epoch: 'number',
    epochs: 'number',
    batch: 'number',
    batches: 'number',
    loss: 'number',
    rowsPerSecond: 'number',
    elapsedMs: 'number',
  }),
  /**
   * Epochs finished since the previous `train/epoch`, in order. The worker coalesces events (a small
   * network can finish thousands of epochs a second), so the UI handles a few messages a second.
   */
  'train/epoch': event<{ runId: string; summaries: EpochRecord[] }>()({ runId: 'string', summaries: 'array' }),
  'train/diagnostic': event<{ runId: string; diagnostic: DiagnosticRecord }>()({
    runId: 'string',
    diagnostic: 'object',
  }),
  /** The reply to every train request: the run is running (started, continued, resumed), paused or stopping. */
  'train/state': reply<{ runId: string; state: 'running' | 'paused' | 'stopping' }>()({
    runId: 'string',
    state: 'string',
  }),
  /** The run ended; a stopped or failed run still carries the weights it reached (if any). */
  'train/done': event<{
    runId: string;
    stopReason: StopReason;
    bestEpoch: number;
    backend: string;
    weights: WireTensor[];
    spec: NetworkSpec;
    error: WireError | null;
  }>()(
    {
      runId: 'string',
      stopReason: 'string',
      bestEpoch: 'number',
      backend: 'string',
      weights: 'array',
      spec: 'object',
      error: 'object?',
    },
    { check: (m) => checkWeights('train/done', m.weights), transfer: (m) => weightBuffers(m.weights) },
  ),
};
