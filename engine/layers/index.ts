/** Public API of the layers: build a layer runtime from its resolved spec. */
import type { Backend } from '../backend/backend.ts';
import type { Random } from '../random.ts';
import type { ResolvedLayer } from '../spec/resolve.ts';
import { createActivation } from './activation.ts';
import { createBatchNorm } from './batch-norm.ts';
import { createDense } from './dense.ts';
import { createDropout } from './dropout.ts';
import type { LayerRuntime } from './layer.ts';

export type { BoundLayer, ForwardMode, LayerRuntime, Param } from './layer.ts';
export { ACTIVATIONS, isReluFamily, sigmoid, erf, type ActivationMath } from './activations.ts';
export { initialize } from './initializers.ts';

/** Create the runtime of one layer; `index` is its position in the stack. */
export function createLayer(spec: ResolvedLayer, backend: Backend, rng: Random, index: number): LayerRuntime {
  switch (spec.type) {
    case 'dense':
      return createDense(spec, backend, rng);
    case 'activation':
      return createActivation(spec, backend);
    case 'dropout':
      return createDropout(spec, backend, index);
    case 'batchNorm':
      return createBatchNorm(spec, backend);
  }
}
