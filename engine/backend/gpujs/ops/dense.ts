/** Dense-layer ops: z = x·W + b and its backward pass. */
import { assert } from '../../../errors.ts';
import { ELU_ALPHA, LEAKY_RELU_SLOPE } from '../../../layers/activations.ts';
import type { FusedActivation } from '../../backend.ts';
import type { GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef } from '../kernel-runner.ts';
import { denseForwardKernel, denseInputGradKernel, denseParamGradKernel, type DenseSizes } from '../kernels/dense.ts';
import { fusedActivation, stableSigmoid, stableTanh } from '../kernels/math.ts';
import { packedDenseBackward, packedDenseForward, usesPackedDense } from './dense-packed.ts';
import type { OpContext } from './op-context.ts';

const FORWARD: KernelDef<DenseSizes> = {
  name: 'denseForward',
  body: denseForwardKernel,
  helpers: [fusedActivation, stableSigmoid, stableTanh],
};

/** Codes of math.ts fusedActivation, and the parameter each takes. */
const FUSED_CODES: Readonly<Record<FusedActivation, readonly [code: number, p: number]>> = {
  linear: [0, 0],
  sigmoid: [1, 0],
  tanh: [2, 0],
  relu: [3, 0],
  leakyRelu: [4, LEAKY_RELU_SLOPE],
  elu: [5, ELU_ALPHA],
};
const PARAM_GRAD: KernelDef<DenseSizes> = { name: 'denseParamGrad', body: denseParamGradKernel };
const INPUT_GRAD: KernelDef<DenseSizes> = { name: 'denseInputGrad', body: denseInputGradKernel };

function sizes(x: GpuJsTensor, w: GpuJsTensor): DenseSizes {
  assert(w.shape.length === 2, `dense kernel must be [inputs, units], got [${w.shape.join(', ')}]`);
  const [inputs, units] = [w.shape[0], w.shape[1]];
  assert(x.size % inputs === 0, `dense input of ${x.size} elements is not [rows, ${inputs}]`);
  const rows = x.size / inputs;
  const [rows4, inputs4, units4] = [rows, inputs, units].map((n) => Math.floor(n / 4));
  return { rows, inputs, units, rows4, inputs4, units4, rowsR: rows % 4, inputsR: inputs % 4, unitsR: units % 4 };
}

/** y = f(x·W + b) in one launch (x [n, in], W [in, out], b [out], y [n, out]). */
export function denseForward(
  ctx: OpContext,
  x: GpuJsTensor,
  w: GpuJsTensor,
  b: GpuJsTensor,
  y: GpuJsTensor,
  activation: FusedActivation,
): void {
  const s = sizes(x, w);
  assert(
    b.size === s.units && y.size === s.rows * s.units,
    'denseForward: bias or output size does not match the kernel',
  );
  const [code, p] = FUSED_CODES[activation];
  if (usesPackedDense(ctx, s)) return packedDenseForward(ctx, s, x, w, b, y, [code, p]);
  ctx.runner.exec({
    def: FORWARD,
    size: s.rows * s.units,
    constants: s,
    args: [x, w, b, code, p],
    outputs: [{ tensor: y, offset: 0 }],
    loop: s.inputs,
  });
}

/** dW = xᵀ·dz and db = Σ_rows dz in one launch (packed [dW | db]); dx = dz·Wᵀ when asked. */
export function denseBackward(
  ctx: OpContext,
  x: GpuJsTensor,
  w: GpuJsTensor,
  dz: GpuJsTensor,
  dw: GpuJsTensor,
  db: GpuJsTensor,
  dx: GpuJsTensor | null,
): void {
  const s = sizes(x, w);
  const weights = s.inputs * s.units;
  assert(
    dw.size === weights && db.size === s.units && dz.size === s.rows * s.units,
    'denseBackward: gradient sizes do not match',
  );
  assert(!dx || dx.size === x.size, 'denseBackward: dx must be shaped like x');
  if (usesPackedDense(ctx, s)) return packedDenseBackward(ctx, s, x, w, dz, { dw, db, dx });
  ctx.runner.exec({
    def: PARAM_GRAD,
    size: weights + s.units,
    constants: s,
    args: [x, dz],
    outputs: [
      { tensor: dw, offset: 0 },
      { tensor: db, offset: weights },
    ],
    loop: s.rows,
  });
  if (!dx) return;
  ctx.runner.exec({
    def: INPUT_GRAD,
    size: x.size,
    constants: s,
    args: [dz, w],
    outputs: [{ tensor: dx, offset: 0 }],
    loop: s.units,
  });
}
