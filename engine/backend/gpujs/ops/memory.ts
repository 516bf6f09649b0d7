/**
 * Memory ops: upload, fill, copy, read. Buffers are never mutated once made (see device-buffer.ts), so a
 * copy is a rebind and tensors filled with the same value share one buffer.
 */
import { assert } from '../../../errors.ts';
import { DeviceBuffer, GpuJsTensor } from '../device-buffer.ts';
import { isDeviceHandle } from '../facade/gpujs-module.ts';
import { isPromiseLike } from '../facade/reflect.ts';
import type { KernelDef } from '../kernel-runner.ts';
import { copyKernel, fillKernel } from '../kernels/memory.ts';
import type { OpContext } from './op-context.ts';

const COPY: KernelDef<Record<string, number>> = { name: 'copy', body: copyKernel };
const FILL: KernelDef<Record<string, number>> = { name: 'fill', body: fillKernel };

/** Fill buffers are made in power-of-two sizes from this up, so few fill kernels are compiled. */
const MIN_FILL_CLASS = 64;
/** Distinct (size class, value) fill buffers kept. */
const FILL_CACHE_LIMIT = 32;

/** Upload host data into t (a snapshot of `data` is taken now). */
export function upload(ctx: OpContext, t: GpuJsTensor, data: Float32Array): void {
  assert(data.length === t.size, `write of ${data.length} values into a tensor of ${t.size}`);
  const copy = Float32Array.from(data);
  if (ctx.device.hostMemory) {
    ctx.runner.enqueue('write', () => bindFresh(ctx, t, copy));
    return;
  }
  ctx.runner.exec({ def: COPY, size: t.size, constants: {}, args: [copy, 0], outputs: [{ tensor: t, offset: 0 }] });
}

function bindFresh(ctx: OpContext, t: GpuJsTensor, data: Float32Array): void {
  const buffer = new DeviceBuffer(data, data.length, ctx.buffers);
  t.bind(buffer, 0);
  buffer.release();
}

/** Shared constant buffers for `fill`. */
export class FillCache {
  private readonly entries = new Map<string, GpuJsTensor>();

  constructor(private readonly ctx: OpContext) {}

  /** Set every element of t to `value` by viewing a shared constant buffer. */
  fill(t: GpuJsTensor, value: number): void {
    const source = this.source(t.size, value);
    this.ctx.runner.enqueue('fill', () => {
      const b = source.bound();
      t.bind(b.buffer, 0);
    });
  }

  /** Release every cached buffer. */
  clear(): void {
    for (const e of this.entries.values()) this.ctx.runner.enqueue('fill', () => e.unbind());
    this.entries.clear();
  }

  private source(size: number, value: number): GpuJsTensor {
    let cls = MIN_FILL_CLASS;
    while (cls < size) cls *= 2;
    const key = `${cls}:${Object.is(value, -0) ? '-0' : value}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const t = new GpuJsTensor([cls], cls);
    if (this.ctx.device.hostMemory)
      this.ctx.runner.enqueue('fill', () => bindFresh(this.ctx, t, new Float32Array(cls).fill(value)));
    else
      this.ctx.runner.exec({ def: FILL, size: cls, constants: {}, args: [value], outputs: [{ tensor: t, offset: 0 }] });
    this.entries.set(key, t);
    if (this.entries.size > FILL_CACHE_LIMIT) {
      const oldest = this.entries.keys().next();
      const old = oldest.done ? undefined : this.entries.get(oldest.value);
      if (!oldest.done && old) {
        this.entries.delete(oldest.value);
        this.ctx.runner.enqueue('fill', () => old.unbind());
      }
    }
    return t;
  }
}

/** dst views src's memory (copy without copying: buffers are immutable). */
export function copyInto(ctx: OpContext, src: GpuJsTensor, dst: GpuJsTensor): void {
  assert(src.size === dst.size, `copy of ${src.size} elements into a tensor of ${dst.size}`);
  if (src === dst) return;
  ctx.runner.enqueue('copy', () => {
    const b = src.bound();
    dst.bind(b.buffer, b.offset);
  });
}

/** Enqueue a download of t; `done` receives the values when the op runs. */
export function download(ctx: OpContext, t: GpuJsTensor, done: (data: Float32Array) => void): void {
  ctx.runner.enqueue('read', () => {
    const b = t.bound();
    const value = b.buffer.value;
    if (!isDeviceHandle(value)) {
      done(value.slice(b.offset, b.offset + t.size));
      return;
    }
    b.buffer.retain();
    const finish = (raw: unknown): void => {
      b.buffer.release();
      done(toFloat32(raw, b.offset, t.size));
    };
    const r = value.toArray();
    if (!isPromiseLike(r)) {
      finish(r);
      return;
    }
    return Promise.resolve(r).then(finish, (e: unknown) => {
      b.buffer.release();
      throw e;
    });
  });
}

/** Elements [offset, offset + size) of a downloaded 1-D result. */
function toFloat32(raw: unknown, offset: number, size: number): Float32Array {
  if (raw instanceof Float32Array) {
    assert(raw.length >= offset + size, `download of ${raw.length} values, expected at least ${offset + size}`);
    return raw.slice(offset, offset + size);
  }
  if (Array.isArray(raw)) {
    const out = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const v: unknown = raw[offset + i];
      assert(typeof v === 'number', 'download returned a nested array for a 1-D tensor');
      out[i] = v;
    }
    return out;
  }
  throw new Error(`download returned ${typeof raw}, not an array`);
}
