/**
 * "Retrain best on train+validation": the chosen trial's configuration trained from scratch on the
 * training and validation rows together, for as many epochs as the trial kept, with its seed. Early
 * stopping is switched off (no validation rows are left to watch). The result is a model file.
 */
import type { Backend } from '../backend/index.ts';
import type { PreparedDataset } from '../data/index.ts';
import type { ModelFile, SplitName } from '../export/index.ts';
import { trainRun, withValidationInTrain } from '../run/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import type { Metrics, TrainControl, TrainEvent, TrainResult } from '../train/index.ts';
import { trialSpec } from './apply.ts';
import type { SweepSetup } from './prepare.ts';
import type { TrialRecord } from './types.ts';

/** Options of `retrainBest`. */
export interface RetrainOptions {
  setup: SweepSetup;
  /** The trial to retrain, normally `SweepResult.best`. */
  trial: TrialRecord;
  /**
   * The sweep's prepared dataset: its validation rows join the training rows, its test rows (never
   * trained on) are scored, and its preprocessing and CSV reading go into the model file.
   */
  prepared: PreparedDataset;
  /** Trains the model and scores its splits. */
  backend: Backend;
  onEvent?: (event: TrainEvent) => void;
  control?: TrainControl;
  yieldToHost?: () => Promise<void>;
}

/** What retraining produced. */
export interface RetrainResult {
  model: ModelFile;
  /** The metrics stored in the model file: 'train' (train+validation rows) and 'test' (when it has rows). */
  metrics: Partial<Record<SplitName, Metrics>>;
  result: TrainResult;
  spec: NetworkSpec;
}

/** The trial's spec for retraining: its values and seed, `keptEpoch` epochs, no early stopping. */
export function retrainSpec(setup: SweepSetup, trial: TrialRecord): NetworkSpec {
  const spec = trialSpec(setup.spec, trial.params, trial.seed, Math.max(1, trial.keptEpoch));
  return { ...spec, training: { ...spec.training, earlyStopping: null } };
}

/** Retrain the trial on train+validation through the run pipeline, and build its model file (metrics: train, and test when it has rows). */
export async function retrainBest(o: RetrainOptions): Promise<RetrainResult> {
  const spec = retrainSpec(o.setup, o.trial);
  const metrics: Partial<Record<SplitName, Metrics>> = {};
  const { result, model } = await trainRun({
    spec,
    prepared: withValidationInTrain(o.prepared),
    backend: o.backend,
    scoreOn: o.backend,
    control: o.control,
    yieldToHost: o.yieldToHost,
    onEvent: (e) => {
      if (e.type === 'scored') metrics[e.split] = e.metrics;
      else o.onEvent?.(e);
    },
  });
  return { model, metrics, result, spec };
}
