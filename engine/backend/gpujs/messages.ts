/** The gpu.js backend's user-facing messages, in one catalog. */
import { BackendError, errorMessage } from '../../errors.ts';
import type { GpuJsMode } from './facade/gpujs-module.ts';

/** Codes of the errors this backend throws. */
export const GPUJS_ERROR_CODES = {
  deviceLost: 'backend/device-lost',
  kernelFailed: 'backend/kernel-failed',
  kernelDegraded: 'backend/kernel-degraded',
  unavailable: 'backend/unavailable',
} as const;

const PATH = 'training.backend';

/** The GPU went away mid-run (lost WebGPU device, lost WebGL context). */
export function deviceLost(label: string, detail: string): BackendError {
  return new BackendError({
    code: GPUJS_ERROR_CODES.deviceLost,
    path: PATH,
    message: `The GPU backend (${label}) lost its device mid-run (${detail}). Its memory is gone; continue on the CPU backend from the last saved weights.`,
  });
}

/** A kernel failed to compile or run for a reason other than device loss. */
export function kernelFailed(label: string, kernel: string, detail: string): BackendError {
  return new BackendError({
    code: GPUJS_ERROR_CODES.kernelFailed,
    path: PATH,
    message: `The gpu.js kernel '${kernel}' failed on ${label}: ${detail}. Choose the 'cpu' or 'wasm' backend for this network, and report this bug.`,
  });
}

/** gpu.js silently ran a kernel on another backend than the one asked for. */
export function kernelDegraded(label: string, kernel: string, ran: string, reason: string | null): BackendError {
  return new BackendError({
    code: GPUJS_ERROR_CODES.kernelDegraded,
    path: PATH,
    message: `The gpu.js kernel '${kernel}' ran on '${ran}' instead of ${label}${reason ? ` (${reason})` : ''}. Choose another backend; this one cannot run the whole network.`,
  });
}

/** A mode cannot start here. */
export function modeUnavailable(mode: GpuJsMode, why: string): BackendError {
  return new BackendError({
    code: GPUJS_ERROR_CODES.unavailable,
    path: PATH,
    message: `The gpu.js '${mode}' backend is not available here: ${why}. Choose 'auto', 'wasm' or 'cpu'.`,
  });
}

/** True when an error message says the device or context is gone. */
export function mentionsDeviceLoss(e: unknown): boolean {
  return /\b(device|context)\b[^.]*\blost\b|\blost\b[^.]*\b(device|context)\b/i.test(errorMessage(e));
}
