/** Activation layer: y = f(x) on its own; backward dx = dy ⊙ f'(x) (softmax: row-wise Jacobian). */
import type { Backend } from '../backend/backend.ts';
import type { ResolvedActivation } from '../spec/resolve.ts';
import type { BoundLayer, LayerRuntime } from './layer.ts';

/** Build an activation layer (no parameters). */
export function createActivation(spec: ResolvedActivation, backend: Backend): LayerRuntime {
  const { id, units, activation } = spec;
  return {
    id,
    type: 'activation',
    params: [],
    bind(rows: number): BoundLayer {
      const y = backend.tensor([rows, units]);
      const dx = backend.tensor([rows, units]);
      let x = y;
      return {
        forward(input) {
          x = input;
          backend.activationForward(activation, input, y);
          return y;
        },
        backward(dy, needDx, dyIsPreActivation) {
          if (!needDx) return null;
          if (dyIsPreActivation) return dy;
          backend.activationBackward(activation, x, y, dy, dx);
          return dx;
        },
        buffers: () => ({ input: x, y }),
        dispose() {
          backend.dispose(y);
          backend.dispose(dx);
        },
      };
    },
  };
}
