/** The train step of the run pipeline: training data from the prepared dataset, the training loop, the model file. */
import type { Backend } from '../backend/index.ts';
import type { PreparedDataset } from '../data/index.ts';
import type { ModelFile, SourcePage, SplitName } from '../export/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import {
  trainNetwork,
  type EpochSummary,
  type Metrics,
  type OptimizerCheckpoint,
  type TrainControl,
  type TrainEvent,
  type TrainingData,
  type TrainResult,
  type WeightTensor,
} from '../train/index.ts';
import { runMessages } from './messages.ts';
import { buildModelFile } from './model-file.ts';
import { refitEpochs, refitResult, refitSpec } from './refit.ts';
import { trainingDataOf, withValidationInTrain } from './training-data.ts';

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
export function train(
  o: Omit<RunOptions, 'prepared' | 'scoreOn' | 'sourcePage'> & { data: TrainingData },
): Promise<TrainResult> {
  return trainNetwork({
    spec: o.spec,
    data: o.data,
    backend: o.backend,
    control: o.control,
    yieldToHost: o.yieldToHost,
    onEvent: o.onEvent,
    fallback: o.fallback,
    returnOptimizer: o.returnOptimizer,
    ...(o.from ? { initialWeights: o.from.weights } : {}),
    ...(o.from?.history ? { initialHistory: o.from.history } : {}),
    ...(o.from?.optimizer ? { initialOptimizer: o.from.optimizer } : {}),
  });
}

/**
 * Train on the prepared dataset and build the model file with the metrics of every split (prepare → train →
 * refit → modelFile). When early stopping chose the epochs, the final model is refitted on training +
 * validation rows (engine/run/refit.ts; a note says so, and only the refit's diagnostics are passed on), and
 * the file then scores its training rows (train + validation) and the test split.
 */
export async function trainRun(o: RunOptions): Promise<RunResult> {
  let result = await train({ ...o, data: trainingDataOf(o.prepared) });
  let prepared = o.prepared;
  const epochs = refitEpochs(o.spec, prepared, result, !!o.from);
  if (epochs !== null) {
    const message = runMessages.refit(epochs, prepared.train.rows, prepared.validation.rows);
    o.onEvent?.({
      type: 'diagnostic',
      diagnostic: { kind: 'refit', layerId: null, epoch: result.history.length, message },
    });
    const merged = withValidationInTrain(prepared);
    const refit = await train({
      ...o,
      spec: refitSpec(result.spec, epochs),
      data: trainingDataOf(merged),
      from: null,
      returnOptimizer: false,
      onEvent: (e) => {
        if (e.type === 'diagnostic') o.onEvent?.(e);
      },
    });
    const final = refitResult(result, refit, merged.train.rows);
    if (final !== result) [result, prepared] = [final, merged];
  }
  const model = await buildModelFile({
    result,
    prepared,
    backend: o.scoreOn,
    onSplit: (split, metrics) => o.onEvent?.({ type: 'scored', split, metrics }),
    sourcePage: o.sourcePage ?? null,
  });
  return { result, model };
}
