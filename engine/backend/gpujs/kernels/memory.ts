/** Memory kernels (plain bodies compiled by gpu.js; see kernel-types.ts). */
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/** out_i = value. */
export function fillKernel(this: KernelThis<Record<string, number>>, value: number): number {
  return value;
}

/** out_i = a[ao + i]: uploads a host array (GPU modes) or copies a view into a buffer of its own. */
export function copyKernel(this: KernelThis<Record<string, number>>, a: DeviceArray, ao: number): number {
  return a[ao + this.thread.x];
}
