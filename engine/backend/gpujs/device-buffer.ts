/**
 * Tensors of the gpu.js backend. gpu.js kernels return a fresh output per call (never writing into a
 * caller's buffer), so a tensor is a *view* — (buffer, offset) — that each op rebinds to the new
 * output. Buffers are refcounted and never mutated once made, which makes `copy` a rebind and lets one
 * kernel produce several outputs packed into one buffer (Adam's [w | m | v], dropout's [y | mask]).
 */
import { assert } from '../../errors.ts';
import type { Tensor } from '../backend.ts';
import { isDeviceHandle, type DeviceValue } from './facade/gpujs-module.ts';

/** Live buffers of one backend (leak checks and diagnostics). */
export class BufferStats {
  live = 0;
}

/** A kernel output (device texture/buffer, or host array on webasm/cpu), shared by the views into it. */
export class DeviceBuffer {
  private refs = 1;

  /** `length` is the number of float32 elements held. */
  constructor(
    readonly value: DeviceValue,
    readonly length: number,
    private readonly stats: BufferStats,
  ) {
    stats.live++;
  }

  /** Add a reference. */
  retain(): void {
    assert(this.refs > 0, 'retain of a freed device buffer');
    this.refs++;
  }

  /** Drop a reference; the device memory is freed with the last one. */
  release(): void {
    assert(this.refs > 0, 'double release of a device buffer');
    if (--this.refs > 0) return;
    this.stats.live--;
    if (isDeviceHandle(this.value)) this.value.delete();
  }

  /** True while some view or op still holds it. */
  get isLive(): boolean {
    return this.refs > 0;
  }
}

/** Where a tensor's elements live: `size` floats of `buffer` from `offset`. */
export interface Binding {
  buffer: DeviceBuffer;
  offset: number;
}

/** A tensor of the gpu.js backend. */
export class GpuJsTensor implements Tensor {
  /** Null only transiently, between an op releasing the old memory and binding its output. */
  binding: Binding | null = null;
  /** Set when the caller disposed it (its memory is released in queue order). */
  disposed = false;

  constructor(
    readonly shape: readonly number[],
    readonly size: number,
  ) {}

  /** Point this tensor at `buffer` from `offset`, releasing what it held. */
  bind(buffer: DeviceBuffer, offset: number): void {
    assert(
      offset >= 0 && offset + this.size <= buffer.length,
      `view [${offset}, ${offset + this.size}) outside a buffer of ${buffer.length}`,
    );
    buffer.retain();
    this.unbind();
    this.binding = { buffer, offset };
  }

  /** Release the memory this tensor views. */
  unbind(): void {
    const b = this.binding;
    this.binding = null;
    b?.buffer.release();
  }

  /** The current binding; a missing one is a bug (use after dispose, or a failed op). */
  bound(): Binding {
    assert(
      this.binding !== null,
      `tensor [${this.shape.join(', ')}] has no device memory (used after dispose or after a failed op)`,
    );
    return this.binding;
  }
}
