/** The numbers read back at the end of an epoch: train loss and metrics, validation loss and metrics, norms, penalty. */
import type { DeviceState } from './device-state.ts';
import { computeMetrics, headlineMetrics } from './metrics.ts';
import { layerNorms, penaltyOf } from './norms.ts';
import { predictRows } from './predict.ts';
import type { RunSetup } from './run-setup.ts';
import type { EpochSummary, TrainingData } from './types.ts';

/** Rows of training data used to report regression train metrics each epoch (eval mode). */
const TRAIN_METRIC_SAMPLE = 4096;

/** One epoch as it ended. */
export interface EpochEnd {
  /** Epoch index from 0. */
  epoch: number;
  learningRate: number;
  /** When the epoch started, on the run's clock. */
  started: number;
  /** The run's clock (read once the summary is done, for the epoch's time). */
  now: () => number;
  /** Layers whose gradient and weight norms are reported. */
  layerIds: string[];
}

/** Summarize the epoch that just ran on `state` (its loss accumulator still holds the epoch's sums). */
export async function summarizeEpoch(
  state: DeviceState,
  run: RunSetup,
  data: TrainingData,
  end: EpochEnd,
): Promise<EpochSummary> {
  const { backend, network } = state;
  const { net, cfg } = run;
  const { train, validation } = data;
  const a = await backend.read(state.acc);
  const loss = a[0] / train.rows;
  const layers = await layerNorms(state, run.batches, end.layerIds);
  const metrics: Record<string, number> = {};
  if (run.isClassification) metrics.accuracy = a[1] / train.rows;
  else {
    const n = Math.min(train.rows, TRAIN_METRIC_SAMPLE);
    const outTrain = await predictRows(network, train.x.subarray(0, n * net.inputs), n);
    Object.assign(
      metrics,
      headlineMetrics(
        computeMetrics(data.task, net.loss, net.huberDelta, outTrain, train.y, n, net.outputs, data.targetScale),
      ),
    );
  }
  let valLoss: number | null = null;
  let valMetrics: Record<string, number> | null = null;
  if (run.hasValidation && validation) {
    const outVal = await predictRows(network, validation.x, validation.rows);
    const mv = computeMetrics(
      data.task,
      net.loss,
      net.huberDelta,
      outVal,
      validation.y,
      validation.rows,
      net.outputs,
      data.targetScale,
    );
    valLoss = mv.loss;
    valMetrics = headlineMetrics(mv);
  }
  const penalty = await penaltyOf(network);
  return {
    epoch: end.epoch + 1,
    epochs: cfg.epochs,
    loss,
    penalty,
    totalLoss: loss + penalty,
    metrics,
    valLoss,
    valMetrics,
    learningRate: end.learningRate,
    elapsedMs: end.now() - end.started,
    layers,
  };
}
