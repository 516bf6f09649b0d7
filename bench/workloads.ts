/** The benchmark workloads: fixed shapes, seeds and epoch counts, identical for every contender. */

/** One workload: data shape, network, optimizer settings and how long to run. */
export interface Workload {
  id: 'W1' | 'W2';
  title: string;
  rows: number;
  features: number;
  classes: number;
  /** Hidden layer widths (ReLU); the output layer has `classes` softmax units. */
  hidden: number[];
  batchSize: number;
  learningRate: number;
  /** Epochs of a full run and of `--quick`; the first epoch is warm-up, the median of the rest is reported. */
  epochs: number;
  quickEpochs: number;
  /** Seed of the data (teacher network and inputs) and of each contender's initialization. */
  seed: number;
}

/** W1 tabular and W2 image-shaped, exactly as the issue states them. */
export const WORKLOADS: readonly Workload[] = [
  {
    id: 'W1',
    title: 'tabular: 50,000 × 32, 4 classes, 32-128-64-4, batch 128',
    rows: 50_000,
    features: 32,
    classes: 4,
    hidden: [128, 64],
    batchSize: 128,
    learningRate: 1e-3,
    epochs: 5,
    quickEpochs: 2,
    seed: 1,
  },
  {
    id: 'W2',
    title: 'image-shaped: 20,000 × 784, 10 classes, 784-256-128-10, batch 256',
    rows: 20_000,
    features: 784,
    classes: 10,
    hidden: [256, 128],
    batchSize: 256,
    learningRate: 1e-3,
    epochs: 4,
    quickEpochs: 2,
    seed: 2,
  },
];

/** Layer widths from input to output, e.g. [32, 128, 64, 4]. */
export function widths(w: Workload): number[] {
  return [w.features, ...w.hidden, w.classes];
}

/**
 * Matrix-multiply FLOPs of one epoch (2 per multiply-add): forward x·W, weight gradient xᵀ·dz, and input
 * gradient dz·Wᵀ for every layer but the first (no contender computes dLoss/dInput of the data).
 * Elementwise work, losses and optimizer updates are not counted.
 */
export function flopsPerEpoch(w: Workload): number {
  const ws = widths(w);
  let perRow = 0;
  for (let l = 0; l + 1 < ws.length; l++) {
    const mac = ws[l] * ws[l + 1];
    perRow += 2 * mac + 2 * mac + (l > 0 ? 2 * mac : 0);
  }
  return perRow * w.rows;
}
