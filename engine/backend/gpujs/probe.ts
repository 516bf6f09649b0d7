/** Which gpu.js modes work here: each is started and must run a small kernel correctly. */
import { errorMessage } from '../../errors.ts';
import { createDevice } from './device.ts';
import type { GpuJsMode } from './facade/gpujs-module.ts';
import { GpuJsBackend } from './gpujs-backend.ts';

/** The verdict on one mode. */
export interface GpuJsModeProbe {
  mode: GpuJsMode;
  available: boolean;
  /** Why not (or, for `cpu`, why it is never offered to the app). */
  reason?: string;
  /** The badge text when available. */
  label?: string;
}

const ALL_MODES: readonly GpuJsMode[] = ['webgpu', 'webgl2', 'webgl', 'webasm', 'cpu'];

/** Probe each mode: start it and check relu over five values. `cpu` is reported unavailable (CSP forbids it in the app). */
export async function probeGpuJsModes(modes: readonly GpuJsMode[] = ALL_MODES): Promise<GpuJsModeProbe[]> {
  const out: GpuJsModeProbe[] = [];
  for (const mode of modes) out.push(await probe(mode));
  return out;
}

async function probe(mode: GpuJsMode): Promise<GpuJsModeProbe> {
  if (mode === 'cpu') {
    return {
      mode,
      available: false,
      reason:
        "gpu.js 'cpu' mode compiles kernels with new Function, which the app's content security policy forbids; it serves tests only",
    };
  }
  let backend: GpuJsBackend | null = null;
  try {
    backend = new GpuJsBackend(await createDevice(mode));
    const x = backend.tensor([5], Float32Array.of(-1, 0, 0.5, 2, -3));
    const y = backend.tensor([5]);
    backend.activationForward('relu', x, y);
    const got = Array.from(await backend.read(y));
    const want = [0, 0, 0.5, 2, 0];
    if (got.some((v, i) => v !== want[i]))
      return {
        mode,
        available: false,
        reason: `a test kernel returned [${got.join(', ')}] instead of [${want.join(', ')}]`,
      };
    return { mode, available: true, label: backend.label };
  } catch (e) {
    return { mode, available: false, reason: errorMessage(e) };
  } finally {
    backend?.destroy();
  }
}
