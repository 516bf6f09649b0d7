/**
 * Size limits, all in one place: what a browser tab and a 2-core laptop can bear. A network, model file or
 * sweep over these is refused before anything is allocated, with the number and the limit.
 */
import type { ResolvedNetwork } from './resolve.ts';
import type { OptimizerName } from './types.ts';

/** The limits; README's "Size limits" section states them. */
export const LIMITS = {
  /** Layers in one network. */
  layers: 1_000,
  /** Units of one dense layer. */
  units: 100_000,
  /** Estimated memory of training a network (weights, gradients, optimizer state, activations of a batch), in bytes. */
  trainingBytes: 1024 ** 3,
  /** Trials of one sweep, and points of a grid. */
  trials: 10_000,
} as const;

/** Rows predicted at once (engine/train/predict.ts chunks by this). */
const PREDICT_ROWS = 1024;

/** Optimizer state buffers per trained value. */
const OPTIMIZER_SLOTS: Record<OptimizerName, number> = { sgd: 1, rmsprop: 2, adagrad: 1, adam: 2, adamw: 2 };

/** The parts of a training run's memory estimate, in bytes. */
export interface MemoryEstimate {
  parameters: number;
  /** Weights, gradients and optimizer state on the backend (float32). */
  weights: number;
  /** Host copies: initial values, the best epoch's weights and the final ones (JS numbers, 8 bytes each). */
  copies: number;
  /** Layer outputs and their gradients for one batch, plus a prediction chunk. */
  activations: number;
  total: number;
}

/** Number of stored values of a network: dense kernels and biases, batch-norm γ, β and running statistics. */
export function networkParameters(net: Pick<ResolvedNetwork, 'layers'>): number {
  let n = 0;
  for (const l of net.layers)
    n += l.type === 'dense' ? l.inputs * l.units + l.units : l.type === 'batchNorm' ? 4 * l.units : 0;
  return n;
}

/**
 * Estimate the memory of training `net` in batches of `batchRows` with `optimizer`, predicting (for the
 * epoch's metrics) on up to `predictRows` rows: an upper bound, not a measure.
 */
export function estimateTrainingMemory(
  net: Pick<ResolvedNetwork, 'inputs' | 'layers'>,
  batchRows: number,
  optimizer: OptimizerName = 'adam',
  predictRows = batchRows,
): MemoryEstimate {
  const widths = net.layers.reduce((s, l) => s + l.units, 0);
  return estimateMemory(
    { parameters: networkParameters(net), inputs: net.inputs, widths },
    batchRows,
    optimizer,
    predictRows,
  );
}

/** The same estimate from a network's size: its parameters, input width and the sum of its layers' widths. */
export function estimateMemory(
  size: { parameters: number; inputs: number; widths: number },
  batchRows: number,
  optimizer: OptimizerName = 'adam',
  predictRows = batchRows,
): MemoryEstimate {
  const { parameters } = size;
  const weights = 4 * parameters * (2 + OPTIMIZER_SLOTS[optimizer]);
  const copies = (4 + 8 + 8) * parameters;
  // Each layer keeps four [rows, units] buffers (output, pre-activation, their gradients) per batch size it
  // has seen: the batch and the last partial batch, and up to three prediction chunk sizes.
  const rows = 2 * batchRows + 3 * Math.min(PREDICT_ROWS, predictRows);
  const activations = 4 * rows * (size.inputs + 4 * size.widths);
  return { parameters, weights, copies, activations, total: weights + copies + activations };
}

/** Bytes for people: "1.2 GB", "640 MB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v >= 100 ? Math.round(v) : Number(v.toPrecision(2))} ${units[i]}`;
}
