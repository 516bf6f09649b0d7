/** Public API of the gpu.js backend: create one for a mode, and probe which modes work here. */
import type { Backend } from '../backend.ts';
import { createDevice, type GpuJsBackendOptions } from './device.ts';
import { GpuJsBackend } from './gpujs-backend.ts';
import type { GpuJsMode } from './facade/gpujs-module.ts';

export type { GpuJsMode } from './facade/gpujs-module.ts';
export type { GpuJsBackendOptions } from './device.ts';
export { GpuJsBackend } from './gpujs-backend.ts';
export { GPUJS_ERROR_CODES } from './messages.ts';
export { probeGpuJsModes, type GpuJsModeProbe } from './probe.ts';

/** A gpu.js backend on `mode`; throws a BackendError (`backend/unavailable`) naming why when it cannot start. */
export async function createGpuJsBackend(
  mode: GpuJsMode,
  options?: GpuJsBackendOptions,
): Promise<Backend & GpuJsBackend> {
  return new GpuJsBackend(await createDevice(mode, options));
}
