/**
 * "Retrain best on train+validation" as a run. The configuration (the trial's parameters applied to the
 * base spec) trains for the trial's kept epochs, without early stopping, on the training and validation
 * rows together — the engine's `retrainBest` recipe — with the base spec's seed, so the run's data split
 * is the project's and Evaluate scores it on the same test rows the sweep never saw. It trains through
 * the worker's run adapter like a `train/start` run, so stop, evaluate, export and predict work on it.
 */
import type { DatasetSettings } from '../data/index.ts';
import { DatasetError } from '../errors.ts';
import type { EngineEvent } from '../protocol/index.ts';
import { withValidationInTrain } from '../run/index.ts';
import { parseSpec, TRAINING_DEFAULTS, type NetworkSpec } from '../spec/index.ts';
import { trialSpec, type TrialParams } from '../sweep/index.ts';
import type { RunEntry } from './run-entry.ts';
import type { TableStore } from './table-store.ts';
import { trainInWorker } from './train-run.ts';
import { sweepRequestMessages } from './messages.ts';

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

/** Train the configuration on train+validation as run `req.runId`; answers with `train/started`, ends with `train/done`. */
export async function retrainRun(
  req: RetrainRequest,
  o: { tables: TableStore; post: (event: EngineEvent) => void; addRun: (runId: string, run: RunEntry) => void },
): Promise<void> {
  const base = parseSpec(req.spec);
  const seed = base.training?.seed ?? TRAINING_DEFAULTS.seed;
  const applied = trialSpec(base, req.params, seed, Math.max(1, Math.round(req.epochs)));
  const spec: NetworkSpec = { ...applied, training: { ...applied.training, earlyStopping: null } };
  if (!o.tables.table) throw new DatasetError(sweepRequestMessages.noDataToRetrain());
  const prepared = withValidationInTrain(o.tables.prepare(req.settings, seed));
  await trainInWorker({ id: req.id, runId: req.runId, spec, settings: req.settings, prepared }, o);
}
