/** Conformance cases: dense forward and backward on odd shapes, and the activations fused into the forward kernel. */
import type { FusedActivation } from '../../backend.ts';
import { FLOAT32, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

const [N, IN, OUT] = [7, 13, 5];

const FUSED: readonly FusedActivation[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu'];

/**
 * y = f(x·W + b) fused, its backward read from y alone, and the unfused pair (z, then f(z); f'(z)) on the
 * same backend: both must match the reference. Inputs are scaled so some z reach ±40 (overflow checks).
 */
function fusedCase(
  activation: FusedActivation,
  [n, inputs, units]: readonly [number, number, number],
): ConformanceCase {
  return {
    name: `dense: forward fused with ${activation} on [${n}, ${inputs}]·[${inputs}, ${units}], backward from the output`,
    tolerance: FLOAT32,
    async run(be) {
      const xs = uniform(17, n * inputs, -4, 4);
      xs[0] = 40;
      xs[xs.length - 1] = -40;
      const x = be.tensor([n, inputs], xs);
      const w = be.tensor([inputs, units], uniform(18, inputs * units));
      const b = be.tensor([units], uniform(19, units));
      const dy = be.tensor([n, units], uniform(20, n * units));
      const [y, dz, z, y2, dz2] = [
        be.tensor([n, units]),
        be.tensor([n, units]),
        be.tensor([n, units]),
        be.tensor([n, units]),
        be.tensor([n, units]),
      ];
      be.denseForward(x, w, b, y, activation);
      be.activationBackward(activation, y, y, dy, dz);
      be.denseForward(x, w, b, z);
      be.activationForward(activation, z, y2);
      be.activationBackward(activation, z, y2, dy, dz2);
      const out = await readAll(be, { y, dz, unfusedY: y2, unfusedDz: dz2 });
      disposeAll(be, [x, w, b, dy, y, dz, z, y2, dz2]);
      return out;
    },
  };
}

/**
 * Forward and full backward on [n, inputs]·[inputs, units]: the kernels unroll their loops four times,
 * so shapes below 4 (no unrolled step), multiples of 4 (no remainder) and the odd case above cover both loops;
 * on WebGL2, rows, inputs and units that are all multiples of 4 take the packed kernels instead.
 */
function shapeCase(n: number, inputs: number, units: number): ConformanceCase {
  return {
    name: `dense: forward and backward on [${n}, ${inputs}]·[${inputs}, ${units}]`,
    tolerance: FLOAT32,
    async run(be) {
      const x = be.tensor([n, inputs], uniform(21, n * inputs));
      const w = be.tensor([inputs, units], uniform(22, inputs * units));
      const b = be.tensor([units], uniform(23, units));
      const dz = be.tensor([n, units], uniform(24, n * units));
      const [y, dw] = [be.tensor([n, units]), be.tensor([inputs, units])];
      const [db, dx] = [be.tensor([units]), be.tensor([n, inputs])];
      be.denseForward(x, w, b, y);
      be.denseBackward(x, w, dz, dw, db, dx);
      const out = await readAll(be, { y, dw, db, dx });
      disposeAll(be, [x, w, b, dz, y, dw, db, dx]);
      return out;
    },
  };
}

/** Dense cases. */
export const DENSE_CASES: readonly ConformanceCase[] = [
  {
    name: `dense: forward [${N}, ${IN}]·[${IN}, ${OUT}] + b`,
    tolerance: FLOAT32,
    async run(be) {
      const x = be.tensor([N, IN], uniform(10, N * IN));
      const w = be.tensor([IN, OUT], uniform(11, IN * OUT));
      const b = be.tensor([OUT], uniform(12, OUT));
      const z = be.tensor([N, OUT]);
      be.denseForward(x, w, b, z);
      const out = await readAll(be, { z });
      disposeAll(be, [x, w, b, z]);
      return out;
    },
  },
  {
    name: 'dense: backward dW, db, dx (and again without dx)',
    tolerance: FLOAT32,
    async run(be) {
      const x = be.tensor([N, IN], uniform(13, N * IN));
      const w = be.tensor([IN, OUT], uniform(14, IN * OUT));
      const dz = be.tensor([N, OUT], uniform(15, N * OUT));
      const [dw, db, dx] = [be.tensor([IN, OUT]), be.tensor([OUT]), be.tensor([N, IN])];
      be.denseBackward(x, w, dz, dw, db, dx);
      const first = await readAll(be, { dw, db, dx });
      be.write(dz, uniform(16, N * OUT));
      be.denseBackward(x, w, dz, dw, db, null);
      const second = await readAll(be, { dw2: dw, db2: db });
      disposeAll(be, [x, w, dz, dw, db, dx]);
      return { ...first, ...second };
    },
  },
  shapeCase(3, 2, 3),
  shapeCase(8, 16, 4),
  shapeCase(1, 1, 1),
  // rows, inputs and units multiples of 4: WebGL2's packed kernels (kernels/dense-packed.ts), dW and db in one launch
  shapeCase(4, 12, 8),
  shapeCase(12, 4, 16),
  ...FUSED.map((a) => fusedCase(a, [N, IN, OUT])),
  ...FUSED.map((a) => fusedCase(a, [8, 8, 12])),
];
