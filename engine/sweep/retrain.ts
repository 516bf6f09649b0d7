/**
 * "Retrain best on train+validation": the chosen trial's configuration trained from scratch on the
 * training and validation rows together, for as many epochs as the trial kept, with its seed. Early
 * stopping is switched off (no validation rows are left to watch). The result is a model file.
 */
import type { Backend } from '../backend/index.ts';
import type { CsvReading } from '../data/index.ts';
import { createModelFile, evaluateModel, type ModelFile } from '../export/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import { trainNetwork, type Metrics, type Split, type TrainControl, type TrainEvent, type TrainingData, type TrainResult } from '../train/index.ts';
import { trialSpec } from './apply.ts';
import type { SweepSetup } from './prepare.ts';
import type { TrialRecord } from './types.ts';

/** Options of `retrainBest`. */
export interface RetrainOptions {
  setup: SweepSetup;
  /** The trial to retrain, normally `SweepResult.best`. */
  trial: TrialRecord;
  /** The sweep's data; its validation rows join the training rows. */
  data: TrainingData;
  backend: Backend;
  /** Stored in the model file so predictions transform new rows the same way. */
  preprocessing: unknown;
  /** How the sweep's CSV was read (`PreparedDataset.reading`), stored in the model file too. */
  reading: CsvReading | null;
  /** Held-out rows to report test metrics on (never trained on). */
  test?: Split | null;
  onEvent?: (event: TrainEvent) => void;
  control?: TrainControl;
  yieldToHost?: () => Promise<void>;
}

/** What retraining produced. */
export interface RetrainResult {
  model: ModelFile;
  /** The metrics stored in the model file: 'train' (train+validation rows) and 'test'. */
  metrics: Record<string, Metrics>;
  result: TrainResult;
  spec: NetworkSpec;
}

/** Training and validation rows as one training split. */
export function mergeSplits(a: Split, b: Split | null): Split {
  if (!b || b.rows === 0) return a;
  const x = new Float32Array(a.x.length + b.x.length);
  x.set(a.x);
  x.set(b.x, a.x.length);
  const y = new Float32Array(a.y.length + b.y.length);
  y.set(a.y);
  y.set(b.y, a.y.length);
  return { x, y, rows: a.rows + b.rows, features: a.features };
}

/** The trial's spec for retraining: its values and seed, `keptEpoch` epochs, no early stopping. */
export function retrainSpec(setup: SweepSetup, trial: TrialRecord): NetworkSpec {
  const spec = trialSpec(setup.spec, trial.params, trial.seed, Math.max(1, trial.keptEpoch));
  return { ...spec, training: { ...spec.training, earlyStopping: null } };
}

/** Retrain the trial on train+validation and build its model file (metrics: train, and test when given). */
export async function retrainBest(o: RetrainOptions): Promise<RetrainResult> {
  const spec = retrainSpec(o.setup, o.trial);
  const data: TrainingData = { ...o.data, train: mergeSplits(o.data.train, o.data.validation), validation: null };
  const result = await trainNetwork({ spec, data, backend: o.backend, onEvent: o.onEvent, control: o.control, yieldToHost: o.yieldToHost });
  const draft = createModelFile({ result, data: { ...data, features: data.train.features }, preprocessing: o.preprocessing, reading: o.reading, metrics: {} });
  const scale = o.data.targetScale ?? null;
  const metrics: Record<string, Metrics> = {
    train: await evaluateModel(draft, o.backend, data.train.x, data.train.y, data.train.rows, scale),
  };
  if (o.test && o.test.rows > 0) metrics.test = await evaluateModel(draft, o.backend, o.test.x, o.test.y, o.test.rows, scale);
  return { model: { ...draft, metrics }, metrics, result, spec };
}
