/**
 * Inverted dropout: while training, y = x ⊙ mask with mask ∈ {0, 1/(1−rate)} drawn from the counter hash
 * (same mask on every backend); at inference y = x. Backward: dx = dy ⊙ mask.
 */
import type { Backend } from '../backend/backend.ts';
import type { ResolvedDropout } from '../spec/resolve.ts';
import { hash32 } from '../random.ts';
import type { BoundLayer, LayerRuntime } from './layer.ts';

/** Build a dropout layer; `index` decorrelates the masks of several dropout layers. */
export function createDropout(spec: ResolvedDropout, backend: Backend, index: number): LayerRuntime {
  const { id, units, rate } = spec;
  return {
    id,
    type: 'dropout',
    params: [],
    bind(rows: number): BoundLayer {
      const mask = backend.tensor([rows, units]);
      const y = backend.tensor([rows, units]);
      const dx = backend.tensor([rows, units]);
      let active = false;
      let x = y;
      return {
        forward(input, mode) {
          x = input;
          active = mode.training && rate > 0;
          if (!active) return input;
          backend.dropoutForward(
            input,
            mask,
            y,
            rate,
            hash32((mode.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0),
            mode.step,
          );
          return y;
        },
        backward(dy, needDx) {
          if (!needDx) return null;
          if (!active) return dy;
          backend.dropoutBackward(dy, mask, dx);
          return dx;
        },
        buffers: () => ({ input: x, mask, y: active ? y : x }),
        dispose() {
          for (const t of [mask, y, dx]) backend.dispose(t);
        },
      };
    },
  };
}
