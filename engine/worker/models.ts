/** Trained weights as the worker posts them. */
import type { WireTensor } from '../protocol/index.ts';
import type { WeightTensor } from '../train/index.ts';

/** Weights as transferable float32 arrays. */
export function toWire(weights: readonly WeightTensor[]): WireTensor[] {
  return weights.map((w) => ({ layer: w.layer, name: w.name, shape: [...w.shape], data: Float32Array.from(w.data) }));
}
