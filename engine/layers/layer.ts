/** What every layer runtime provides to the network: its parameters and per-batch-size buffers. */
import type { Tensor } from '../backend/backend.ts';

/** A parameter tensor with its gradient and regularization. */
export interface Param {
  layer: string;
  /** 'kernel' | 'bias' | 'gamma' | 'beta' | 'movingMean' | 'movingVariance'. */
  name: string;
  shape: number[];
  value: Tensor;
  /** dLoss/dParam of the last backward pass; null for stored statistics (not trained). */
  grad: Tensor | null;
  l1: number;
  l2: number;
}

/** How a forward pass runs. */
export interface ForwardMode {
  training: boolean;
  /** Seed of dropout masks. */
  seed: number;
  /** Step counter, so every batch draws a new mask. */
  step: number;
  /**
   * A dense layer with softmax returns its logits z and skips the softmax, which the loss applies itself
   * (Backend.lossStep with `fromLogits`). The network sets it on its output layer only.
   */
  logits?: boolean;
}

/** A layer bound to buffers for one batch size. */
export interface BoundLayer {
  /** Output of the last forward pass. */
  forward(x: Tensor, mode: ForwardMode): Tensor;
  /**
   * Given dLoss/dOutput, fill parameter gradients and return dLoss/dInput (null when `needDx` is false).
   * `dyIsPreActivation`: dy is already the gradient at the pre-activation (fused loss), skip f'.
   */
  backward(dy: Tensor, needDx: boolean, dyIsPreActivation: boolean): Tensor | null;
  /** Values the step-through view shows: named buffers of this batch. */
  buffers(): Record<string, Tensor>;
  /** Free this batch size's buffers. */
  dispose(): void;
}

/** A layer instance: parameters plus a factory for batch-size-specific buffers. */
export interface LayerRuntime {
  id: string;
  type: string;
  params: Param[];
  bind(rows: number): BoundLayer;
}
