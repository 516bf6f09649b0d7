/**
 * Failures surface as BackendErrors from sync()/read(). The lost-device contract, on gpu.js webasm in Node (the loss is simulated; e2e/gpujs-backend.spec.ts
 * loses a real WebGL context and WebGPU device): ops keep enqueuing without throwing, and sync() and
 * read() reject with BackendError `backend/device-lost`, every time.
 */
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../errors.ts';
import type { Device } from './device.ts';
import type { CompiledKernel } from './facade/gpujs-module.ts';
import { createGpuJsBackend, GpuJsBackend, GPUJS_ERROR_CODES } from './index.ts';

describe('a lost device', () => {
  it('surfaces from sync() and read() as backend/device-lost, never from the ops', async () => {
    const b = await createGpuJsBackend('webasm', { threads: false });
    const x = b.tensor([2, 2], Float32Array.of(-1, 2, -3, 4));
    const y = b.tensor([2, 2]);
    b.activationForward('relu', x, y);
    expect(Array.from(await b.read(y))).toEqual([0, 2, 0, 4]);
    await b.simulateDeviceLoss();
    expect(() => b.activationForward('tanh', x, y)).not.toThrow();
    const syncError = await b.sync().then(
      () => null,
      (e: unknown) => e,
    );
    expect(syncError).toBeInstanceOf(BackendError);
    expect(syncError).toMatchObject({ code: GPUJS_ERROR_CODES.deviceLost, path: 'training.backend' });
    expect(String(syncError)).toMatch(/lost its device mid-run.*continue on the CPU backend/);
    await expect(b.read(y)).rejects.toMatchObject({ code: 'backend/device-lost' });
    await expect(b.sync()).rejects.toMatchObject({ code: 'backend/device-lost' });
    b.destroy();
  });

  it('a kernel that throws for another reason is backend/kernel-failed, naming the kernel', async () => {
    const b = new GpuJsBackend(
      fakeDevice(() => {
        throw new Error('shader compile failed');
      }, 'webasm'),
    );
    b.denseForward(b.tensor([2, 3]), b.tensor([3, 2]), b.tensor([2]), b.tensor([2, 2]));
    await expect(b.sync()).rejects.toMatchObject({
      code: GPUJS_ERROR_CODES.kernelFailed,
      message: expect.stringMatching(/'denseForward' failed .*shader compile failed/),
    });
  });

  it('a kernel gpu.js quietly ran on another backend is backend/kernel-degraded', async () => {
    const b = new GpuJsBackend(fakeDevice(() => new Float32Array(4), 'cpu'));
    const z = b.tensor([2, 2]);
    b.denseForward(b.tensor([2, 3]), b.tensor([3, 2]), b.tensor([2]), z);
    await expect(b.read(z)).rejects.toMatchObject({
      code: GPUJS_ERROR_CODES.kernelDegraded,
      message: expect.stringMatching(/ran on 'cpu'/),
    });
  });
});

/** A host-memory device whose every kernel runs `run` and reports `ranOn` as its backend. */
function fakeDevice(run: () => unknown, ranOn: string): Device {
  const kernel: CompiledKernel = {
    run,
    executedMode: () => ranOn,
    executedContext: () => null,
    fallbackReason: () => null,
    destroy: () => undefined,
  };
  return {
    mode: 'webasm',
    label: 'fake webasm',
    asyncKernels: false,
    hostMemory: true,
    maxKernels: Infinity,
    instancesPerKernel: 1,
    gpu: { createKernel: () => kernel, destroy: () => undefined },
    ranHere: (ran) => ran === 'webasm',
    isLost: () => false,
    loseForTesting: async () => undefined,
  };
}
