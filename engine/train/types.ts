/** Types shared by training, evaluation and the model file. */
import type { Task } from '../spec/types.ts';

/** One split of the data as compact arrays: x [rows, features]; y [rows] (class index or target value). */
export interface Split {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  features: number;
}

/** Everything training needs from the data pipeline. */
export interface TrainingData {
  task: Task;
  featureNames: string[];
  train: Split;
  validation: Split | null;
  /** Regression: y was standardized with these; metrics are reported in original units. */
  targetScale?: { mean: number; std: number } | null;
}

/** A named weight tensor, flat row-major (a dense kernel is [inputs, units], y = x·W + b). */
export interface WeightTensor {
  layer: string;
  name: string;
  shape: number[];
  data: number[];
}

/**
 * Where an optimizer stood after a run: the per-tensor state buffers (velocity, moments, accumulators; `b`
 * has one element when the optimizer uses none) of every trained tensor in the network's parameter order,
 * and the number of steps taken (Adam's t, and the dropout mask counter).
 */
export interface OptimizerCheckpoint {
  steps: number;
  slots: { a: Float32Array; b: Float32Array }[];
}

/** Per-layer norms reported each epoch. */
export interface LayerNorms {
  id: string;
  /** RMS over the epoch's steps of ‖dLoss/dW‖ for the layer's trained parameters. */
  gradNorm: number;
  /** ‖W‖ of the layer's trained parameters at the epoch's end. */
  weightNorm: number;
}

/** What one epoch reports. */
export interface EpochSummary {
  epoch: number;
  epochs: number;
  /** Mean data loss over the epoch's batches, without the L1/L2 penalty. */
  loss: number;
  /** L1/L2 penalty Σ l1·|w| + l2·w² of the weights at the epoch's end (0 without penalties; absent in older histories). */
  penalty?: number;
  /** loss + penalty: what the optimizer minimizes (absent in older histories). */
  totalLoss?: number;
  metrics: Record<string, number>;
  valLoss: number | null;
  valMetrics: Record<string, number> | null;
  learningRate: number;
  elapsedMs: number;
  layers: LayerNorms[];
}

/** A warning about gradient health (or other training advice), in plain words. */
export interface Diagnostic {
  /** `classWeights` and `refit` are notes about what the run chose for you, not warnings. */
  kind: 'vanishingGradients' | 'explodingGradients' | 'backendFallback' | 'classWeights' | 'refit';
  layerId: string | null;
  epoch: number;
  message: string;
}

/** Streamed while training. */
export type TrainEvent =
  | {
      type: 'progress';
      epoch: number;
      epochs: number;
      batch: number;
      batches: number;
      loss: number;
      rowsPerSecond: number;
      elapsedMs: number;
    }
  | { type: 'epoch'; summary: EpochSummary }
  | { type: 'diagnostic'; diagnostic: Diagnostic };

/** Why training ended. */
export type StopReason = 'completed' | 'earlyStopping' | 'stopped';
