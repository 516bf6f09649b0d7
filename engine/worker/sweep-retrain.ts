/**
 * "Retrain best on train+validation" as a run. The configuration (the trial's parameters applied to the
 * base spec) trains for the trial's kept epochs, without early stopping, on the training and validation
 * rows together — the engine's `retrainBest` recipe — with the base spec's seed, so the run's data split
 * is the project's and Evaluate scores it on the same test rows the sweep never saw. Its events are those
 * of a `train/start` run, and it is registered as a run, so stop, evaluate, export and predict work on it.
 */
import type { DatasetSettings, PreparedDataset, Split } from '../data/index.ts';
import { DatasetError } from '../errors.ts';
import type { EngineEvent } from '../protocol/index.ts';
import { toWireError } from '../protocol/index.ts';
import { parseSpec, TRAINING_DEFAULTS, type NetworkSpec } from '../spec/index.ts';
import { trialSpec, type TrialParams } from '../sweep/index.ts';
import { selectBackend, TrainControl, trainNetwork } from '../train/index.ts';
import { buildModelFile, toWire } from './models.ts';
import { RunEvents } from './run-events.ts';
import { yieldToEventLoop } from './sweep-port.ts';
import type { SweepRun } from './sweep.ts';
import { summarize, type TableStore } from './table-store.ts';

/** What a retrain needs. */
export interface RetrainRequest {
  id: number;
  runId: string;
  spec: NetworkSpec;
  settings: DatasetSettings;
  params: TrialParams;
  /** The trial's kept epoch. */
  epochs: number;
}

/** Training and validation rows as one split (rows keep their table indices). */
function merge(a: Split, b: Split): Split {
  if (b.rows === 0) return a;
  const cat = <T extends Float32Array | Int32Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    x: cat(a.x, b.x, (n) => new Float32Array(n)), y: cat(a.y, b.y, (n) => new Float32Array(n)),
    rowIndices: cat(a.rowIndices, b.rowIndices, (n) => new Int32Array(n)), rows: a.rows + b.rows, features: a.features,
  };
}

function empty(features: number): Split {
  return { x: new Float32Array(0), y: new Float32Array(0), rowIndices: new Int32Array(0), rows: 0, features };
}

/** The dataset with its validation rows moved into training (a retrain's split; continuing one uses it again). */
export function withValidationInTrain(prepared: PreparedDataset): PreparedDataset {
  const train = merge(prepared.train, prepared.validation);
  return { ...prepared, train, validation: empty(train.features) };
}

/** Train the configuration on train+validation as run `req.runId`; answers with `train/state` after the run's `train/started`, ends with `train/done`. */
export async function retrainRun(
  req: RetrainRequest,
  o: { tables: TableStore; post: (event: EngineEvent) => void; addRun: (runId: string, run: SweepRun) => void },
): Promise<void> {
  const { runId, settings } = req;
  const base = parseSpec(req.spec);
  const seed = base.training?.seed ?? TRAINING_DEFAULTS.seed;
  const applied = trialSpec(base, req.params, seed, Math.max(1, Math.round(req.epochs)));
  const spec: NetworkSpec = { ...applied, training: { ...applied.training, earlyStopping: null } };
  if (!o.tables.table) throw new DatasetError({ code: 'sweep/no-data', path: '', message: 'Load the dataset on the Data view to retrain on it.' });
  const prepared: PreparedDataset = o.tables.prepare(settings, seed);
  const merged = withValidationInTrain(prepared);
  const train = merged.train;
  const { backend, reason } = await selectBackend(spec.training?.backend ?? 'auto', spec, prepared.featureNames.length, prepared.task);
  const control = new TrainControl();
  const events = new RunEvents(runId, o.post);
  const run: SweepRun = { control, events, model: null, settings, spec };
  o.addRun(runId, run);
  o.post({
    type: 'train/started', runId, backend: backend.name, backendLabel: backend.label, reason,
    summary: summarize(o.tables.require(), merged), spec,
  });
  o.post({ type: 'train/state', id: req.id, runId, state: 'running' });
  try {
    const target = prepared.preprocessing.target;
    const result = await trainNetwork({
      spec, backend, control, yieldToHost: yieldToEventLoop, returnOptimizer: true,
      data: {
        task: prepared.task, featureNames: prepared.featureNames, train, validation: null,
        targetScale: target.kind === 'regression' ? { mean: target.mean, std: target.std } : null,
      },
      onEvent: (e) => {
        if (e.type === 'progress') events.progress(e);
        else if (e.type === 'epoch') events.epoch(e.summary);
        else {
          events.flush();
          const d = e.diagnostic;
          o.post({ type: 'train/diagnostic', runId, diagnostic: { code: d.kind, level: d.kind === 'backendFallback' ? 'info' : 'warning', message: d.message, epoch: d.epoch, layer: d.layerId } });
        }
      },
    });
    events.flush();
    run.model = await buildModelFile(result, merged);
    run.optimizer = result.optimizer ?? null;
    o.post({
      type: 'train/done', runId, stopReason: result.stopReason, bestEpoch: result.bestEpoch, backend: result.backend,
      weights: toWire(result.weights), spec: run.model.spec, error: null,
    });
  } catch (e) {
    events.flush();
    o.post({ type: 'train/done', runId, stopReason: 'failed', bestEpoch: 0, backend: backend.label, weights: [], spec, error: toWireError(e) });
  } finally {
    run.control = null;
    run.events = null;
    backend.destroy();
  }
}
