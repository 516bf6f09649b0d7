/** What every op of the gpu.js backend works with: the device, the kernel runner, shared helpers. */
import { assert } from '../../../errors.ts';
import type { Tensor } from '../../backend.ts';
import type { Device } from '../device.ts';
import { GpuJsTensor, type BufferStats } from '../device-buffer.ts';
import type { KernelRunner } from '../kernel-runner.ts';

/** The device and runner ops launch on. */
export interface OpContext {
  device: Device;
  runner: KernelRunner;
  buffers: BufferStats;
}

/** The gpu.js tensor behind a Tensor handle; a tensor of another backend is a bug. */
export function own(t: Tensor): GpuJsTensor {
  assert(t instanceof GpuJsTensor, 'tensor from another backend passed to the gpu.js backend');
  assert(!t.disposed, 'disposed tensor used');
  return t;
}

/** [rows, cols] of a matrix (a 1-D tensor is one row), as the CPU reference reads shapes. */
export function rowsCols(t: Tensor): [number, number] {
  const s = t.shape;
  return s.length === 1 ? [1, s[0]] : [s[0], t.size / s[0]];
}
