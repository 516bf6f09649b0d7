/**
 * The dense ops on packed memory (kernels/dense-packed.ts), for WebGL2: operands packed four floats per
 * texel by one launch each, a multiply that fetches four at a time and writes four outputs per thread,
 * and one launch that unpacks its result into the op's output tensors. More launches, far fewer texture
 * fetches: the multiply's fetches per multiply-add drop from 2 to 5/16.
 */
import { GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef } from '../kernel-runner.ts';
import type { DenseSizes } from '../kernels/dense.ts';
import {
  denseForward4Kernel,
  denseInputGrad4Kernel,
  denseParamGrad4Kernel,
  pack4Kernel,
  packTransposed4Kernel,
  unpack4Kernel,
} from '../kernels/dense-packed.ts';
import { fusedActivation, stableSigmoid, stableTanh } from '../kernels/math.ts';
import type { OpContext } from './op-context.ts';

const PACK: KernelDef<Record<string, number>> = { name: 'pack4', body: pack4Kernel, returnType: 'Array(4)' };
const PACK_T: KernelDef<DenseSizes> = { name: 'packTransposed4', body: packTransposed4Kernel, returnType: 'Array(4)' };
const UNPACK: KernelDef<Record<string, number>> = { name: 'unpack4', body: unpack4Kernel };
const FORWARD: KernelDef<DenseSizes> = {
  name: 'denseForward4',
  body: denseForward4Kernel,
  helpers: [fusedActivation, stableSigmoid, stableTanh],
  returnType: 'Array(4)',
};
const PARAM_GRAD: KernelDef<DenseSizes> = {
  name: 'denseParamGrad4',
  body: denseParamGrad4Kernel,
  returnType: 'Array(4)',
};
const INPUT_GRAD: KernelDef<DenseSizes> = {
  name: 'denseInputGrad4',
  body: denseInputGrad4Kernel,
  returnType: 'Array(4)',
};

/** Whether a layer of these sizes takes the packed kernels: WebGL2, and rows, inputs and units multiples of 4. */
export function usesPackedDense(ctx: OpContext, s: DenseSizes): boolean {
  return ctx.device.mode === 'webgl2' && s.rows % 4 === 0 && s.inputs % 4 === 0 && s.units % 4 === 0;
}

/** A scratch tensor of `texels` packed texels (never read back; freed by `release`). */
function scratch(texels: number): GpuJsTensor {
  return new GpuJsTensor([texels], texels);
}

/** `t` packed four floats per texel (its size is a multiple of 4). */
function pack(ctx: OpContext, t: GpuJsTensor): GpuJsTensor {
  const p = scratch(t.size / 4);
  ctx.runner.exec({ def: PACK, size: p.size, constants: {}, args: [t], outputs: [{ tensor: p, offset: 0 }] });
  return p;
}

/** Unpack `p` into `outputs` (views of its 4·texels floats). */
function unpack(ctx: OpContext, p: GpuJsTensor, outputs: { tensor: GpuJsTensor; offset: number }[]): void {
  ctx.runner.exec({ def: UNPACK, size: p.size * 4, constants: {}, args: [p], outputs });
}

/** Free scratch tensors once the launches queued before have read them. */
function release(ctx: OpContext, ts: readonly GpuJsTensor[]): void {
  ctx.runner.enqueue('denseScratch', () => {
    for (const t of ts) t.unbind();
  });
}

/** y = f(x·W + b): pack x and W, multiply, unpack into y. */
export function packedDenseForward(
  ctx: OpContext,
  s: DenseSizes,
  x: GpuJsTensor,
  w: GpuJsTensor,
  b: GpuJsTensor,
  y: GpuJsTensor,
  code: readonly [number, number],
): void {
  const [xp, wp] = [pack(ctx, x), pack(ctx, w)];
  const yp = scratch((s.rows * s.units) / 4);
  ctx.runner.exec({
    def: FORWARD,
    size: yp.size,
    constants: s,
    args: [xp, wp, b, code[0], code[1]],
    outputs: [{ tensor: yp, offset: 0 }],
    loop: s.inputs4,
  });
  unpack(ctx, yp, [{ tensor: y, offset: 0 }]);
  release(ctx, [xp, wp, yp]);
}

/** [dW | db] from x packed along its columns and packed dz; then dx = dz·Wᵀ from packed dz and W when asked. */
export function packedDenseBackward(
  ctx: OpContext,
  s: DenseSizes,
  x: GpuJsTensor,
  w: GpuJsTensor,
  dz: GpuJsTensor,
  grads: { dw: GpuJsTensor; db: GpuJsTensor; dx: GpuJsTensor | null },
): void {
  const dzp = pack(ctx, dz);
  const xt = scratch(x.size / 4);
  ctx.runner.exec({ def: PACK_T, size: xt.size, constants: s, args: [x], outputs: [{ tensor: xt, offset: 0 }] });
  const gp = scratch((s.inputs * s.units + s.units) / 4);
  ctx.runner.exec({
    def: PARAM_GRAD,
    size: gp.size,
    constants: s,
    args: [xt, dzp],
    outputs: [{ tensor: gp, offset: 0 }],
    loop: s.rows4,
  });
  unpack(ctx, gp, [
    { tensor: grads.dw, offset: 0 },
    { tensor: grads.db, offset: s.inputs * s.units },
  ]);
  const done = [dzp, xt, gp];
  if (grads.dx) {
    const wp = pack(ctx, w);
    const dxp = scratch(x.size / 4);
    ctx.runner.exec({
      def: INPUT_GRAD,
      size: dxp.size,
      constants: s,
      args: [dzp, wp],
      outputs: [{ tensor: dxp, offset: 0 }],
      loop: s.units4,
    });
    unpack(ctx, dxp, [{ tensor: grads.dx, offset: 0 }]);
    done.push(wp, dxp);
  }
  release(ctx, done);
}
