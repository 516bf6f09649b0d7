/**
 * Lets a gpu.js WebGPU kernel render into its previous output buffer once nobody else holds it.
 *
 * In pipeline + immutable mode gpu.js's WebGPU kernel makes a fresh output buffer on every run (and so a
 * fresh bind group), even when the previous result was already released. Its WebGL kernels do not: they
 * render into their last texture when its only reference is the kernel's own. Each fresh buffer costs a
 * createBuffer, Dawn's zero-initialization clear on first use, and a createBindGroup — per kernel launch,
 * which at this engine's batch sizes is most of a step's cost on a real GPU. The backend releases every
 * output a launch does not read before the launch (kernel-runner.ts), so in a training loop nearly every
 * launch can reuse its buffer.
 *
 * Safe because WebGPU runs a queue's submissions in order: earlier dispatches that read the old contents,
 * and copies for pending downloads (which hold their own reference, so the buffer is not reused while they
 * are pending), finish before this dispatch writes. Applied per kernel instance; a gpu.js version whose
 * kernel lacks these fields is left alone.
 */
import { isBag, isCallable, prop } from './reflect.ts';

interface OutputBuffer {
  size: number;
  _refs: number;
}

function isOutputBuffer(v: unknown): v is OutputBuffer {
  return isBag(v) && typeof prop(v, 'size') === 'number' && typeof prop(v, '_refs') === 'number';
}

/** Patch one compiled WebGPU kernel (gpu.js's inner WebGPUKernel); returns whether it was patched. */
export function recycleWebGpuOutput(inner: unknown): boolean {
  if (!isBag(inner) || !isCallable(prop(inner, '_ensureOutputBuffer')) || prop(inner, 'immutable') !== true)
    return false;
  const original = prop(inner, '_ensureOutputBuffer') as (this: unknown) => void;
  Reflect.set(inner, '_ensureOutputBuffer', function ensureOutputBuffer(this: unknown): void {
    const out = prop(this, 'outputBuffer');
    const dims = prop(this, 'threadDim');
    const components = prop(this, 'componentCount');
    if (isOutputBuffer(out) && out._refs === 1 && Array.isArray(dims) && typeof components === 'number') {
      const bytes = dims.reduce((a: number, d: unknown) => a * (typeof d === 'number' ? d : NaN), 4 * components);
      // only the kernel's own reference is left: nothing can observe the old contents any more
      if (out.size >= bytes) return;
    }
    original.call(this);
  });
  return true;
}
