/** Memory kernels (plain bodies compiled by gpu.js; style rules in kernel-types.ts). */
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/** out_i = value. */
export function fillKernel(this: KernelThis<Record<string, number>>, value: number): number {
  return value;
}

/** out_i = a[ao + i]: uploads a host array (GPU modes) or copies a view into a buffer of its own. */
export function copyKernel(this: KernelThis<Record<string, number>>, a: DeviceArray, ao: number): number {
  const i = Math.floor(this.thread.x);
  return a[ao + i];
}
