/** The train step of the run pipeline: training data from the prepared dataset, the training loop, the model file. */
import type { Backend } from '../backend/index.ts';
import type { PreparedDataset } from '../data/index.ts';
import type { ModelFile, SourcePage, SplitName } from '../export/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import {
  trainNetwork, type EpochSummary, type Metrics, type OptimizerCheckpoint, type TrainControl, type TrainEvent, type TrainingData, type TrainResult, type WeightTensor,
} from '../train/index.ts';
import { buildModelFile } from './model-file.ts';
import { trainingDataOf } from './training-data.ts';

/** What a run reports while it trains (the training loop's events) and once each split is scored. */
export type RunEvent = TrainEvent | { type: 'scored'; split: SplitName; metrics: Metrics };

/** An earlier run to continue: its weights, history and (when kept) optimizer state. */
export interface RunStart {
  weights: readonly WeightTensor[];
  /** Epochs already trained (a continued run numbers its epochs after them); a halving rung leaves it out. */
  history?: readonly EpochSummary[];
  optimizer?: OptimizerCheckpoint | null;
}

/** Everything one run needs; plain data plus a backend, so every host (CLI, worker, sweep) calls it the same way. */
export interface RunOptions {
  spec: NetworkSpec;
  prepared: PreparedDataset;
  backend: Backend;
  control?: TrainControl;
  /** The host's way to let messages in between batches (`yieldToEventLoop`). */
  yieldToHost?: () => Promise<void>;
  onEvent?: (event: RunEvent) => void;
  /** Continue this earlier run instead of starting from fresh weights. */
  from?: RunStart | null;
  /** Keep the optimizer's state in the result, to continue the run later. */
  returnOptimizer?: boolean;
  /** Where to go on if the backend's device is lost mid-run. */
  fallback?: () => Promise<Backend>;
  /** Scores the model file's splits (the CPU reference backend when omitted). */
  scoreOn?: Backend;
  /** The web page the data came from (the browser extension), kept in the model file. */
  sourcePage?: SourcePage | null;
}

/** A finished run: the training result and its model file. */
export interface RunResult {
  result: TrainResult;
  model: ModelFile;
}

/** The train step alone (sweep trials call it: they need the history, not a model file). */
export function train(o: Omit<RunOptions, 'prepared' | 'scoreOn' | 'sourcePage'> & { data: TrainingData }): Promise<TrainResult> {
  return trainNetwork({
    spec: o.spec, data: o.data, backend: o.backend, control: o.control, yieldToHost: o.yieldToHost, onEvent: o.onEvent,
    fallback: o.fallback, returnOptimizer: o.returnOptimizer,
    ...(o.from ? { initialWeights: o.from.weights } : {}),
    ...(o.from?.history ? { initialHistory: o.from.history } : {}),
    ...(o.from?.optimizer ? { initialOptimizer: o.from.optimizer } : {}),
  });
}

/** Train on the prepared dataset and build the model file with the metrics of every split (prepare → train → modelFile). */
export async function trainRun(o: RunOptions): Promise<RunResult> {
  const result = await train({ ...o, data: trainingDataOf(o.prepared) });
  const model = await buildModelFile({
    result, prepared: o.prepared, backend: o.scoreOn, onSplit: (split, metrics) => o.onEvent?.({ type: 'scored', split, metrics }),
    sourcePage: o.sourcePage ?? null,
  });
  return { result, model };
}
