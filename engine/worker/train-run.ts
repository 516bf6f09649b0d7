/**
 * The worker's adapter of the run pipeline: one `trainRun` call as protocol events. A `train/start`, a
 * continue and a sweep's retrain all train through it: `train/started` (the reply), live progress and
 * epochs coalesced by RunEvents, diagnostics, then `train/done` with the weights (or the error).
 */
import type { DatasetSettings, PreparedDataset } from '../data/index.ts';
import { toWireError, type EngineEvent } from '../protocol/index.ts';
import { trainRun, yieldToEventLoop, type RunEvent, type RunStart } from '../run/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import { selectBackend, TrainControl, type Diagnostic } from '../train/index.ts';
import { toWire } from './models.ts';
import type { RunEntry } from './run-entry.ts';
import { RunEvents } from './run-events.ts';
import { summarize, type TableStore } from './table-store.ts';

/** One run to train in the worker. */
export interface WorkerRun {
  /** The request's id (the `train/started` reply carries it). */
  id: number;
  runId: string;
  spec: NetworkSpec;
  settings: DatasetSettings;
  /** The rows it trains on (a retrain's have the validation rows in train). */
  prepared: PreparedDataset;
  /** Continue this earlier run. */
  from?: RunStart | null;
  /** Posted right after `train/started` (a continued run's fresh-optimizer note). */
  note?: EngineEvent | null;
}

/** Where the run reports, and where it is kept. */
export interface WorkerRunHost {
  tables: TableStore;
  post: (event: EngineEvent) => void;
  addRun: (runId: string, run: RunEntry) => void;
}

function diagnosticLevel(d: Diagnostic): string {
  return d.kind === 'backendFallback' || d.kind === 'classWeights' || d.kind === 'refit' ? 'info' : 'warning';
}

/** Train `r` through the run pipeline, registered as run `r.runId`; ends with `train/done` whatever happens. */
export async function trainInWorker(r: WorkerRun, host: WorkerRunHost): Promise<void> {
  const { runId, spec, prepared } = r;
  const { backend, reason } = await selectBackend(
    spec.training?.backend ?? 'auto',
    spec,
    prepared.featureNames.length,
    prepared.task,
  );
  const control = new TrainControl();
  const events = new RunEvents(runId, host.post);
  const entry: RunEntry = { control, events, model: null, settings: r.settings, spec };
  host.addRun(runId, entry);
  host.post({
    type: 'train/started',
    runId,
    backend: backend.name,
    backendLabel: backend.label,
    reason,
    summary: summarize(host.tables.require(), prepared),
    spec,
  });
  // The request that began the run is answered once the run has described itself.
  host.post({ type: 'train/state', id: r.id, runId, state: 'running' });
  if (r.note) host.post(r.note);
  const onEvent = (e: RunEvent): void => {
    if (e.type === 'progress') events.progress(e);
    else if (e.type === 'epoch') events.epoch(e.summary);
    else if (e.type === 'diagnostic') {
      events.flush();
      const d = e.diagnostic;
      host.post({
        type: 'train/diagnostic',
        runId,
        diagnostic: { code: d.kind, level: diagnosticLevel(d), message: d.message, epoch: d.epoch, layer: d.layerId },
      });
    }
  };
  try {
    // The model file's splits are scored on the CPU reference backend (the app's evaluation uses it too).
    const { result, model } = await trainRun({
      spec,
      prepared,
      backend,
      control,
      yieldToHost: yieldToEventLoop,
      returnOptimizer: true,
      from: r.from ?? null,
      onEvent,
      sourcePage: host.tables.sourcePage,
    });
    events.flush();
    entry.model = model;
    entry.optimizer = result.optimizer ?? null;
    host.post({
      type: 'train/done',
      runId,
      stopReason: result.stopReason,
      bestEpoch: result.bestEpoch,
      backend: result.backend,
      weights: toWire(result.weights),
      spec: model.spec,
      error: null,
    });
  } catch (e) {
    events.flush();
    host.post({
      type: 'train/done',
      runId,
      stopReason: 'failed',
      bestEpoch: 0,
      backend: backend.label,
      weights: [],
      spec,
      error: toWireError(e),
    });
  } finally {
    entry.control = null;
    entry.events = null;
    backend.destroy();
  }
}
