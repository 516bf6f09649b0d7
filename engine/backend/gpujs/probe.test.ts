/** In Node only webasm can start; every other mode says why, and cpu is never offered to the app. */
import { describe, expect, it } from 'vitest';
import { probeGpuJsModes } from './index.ts';

describe('probeGpuJsModes in Node', () => {
  it('finds webasm and explains the rest', async () => {
    const byMode = Object.fromEntries((await probeGpuJsModes()).map((p) => [p.mode, p]));
    expect(byMode.webasm).toMatchObject({
      available: true,
      label: expect.stringMatching(/^WebAssembly SIMD \(gpu\.js\)/),
    });
    expect(byMode.webgpu).toMatchObject({ available: false, reason: expect.stringMatching(/no WebGPU API/) });
    expect(byMode.webgl2).toMatchObject({ available: false, reason: expect.stringMatching(/no WebGL2 context/) });
    expect(byMode.webgl).toMatchObject({ available: false, reason: expect.stringMatching(/no WebGL context/) });
    expect(byMode.cpu).toMatchObject({ available: false, reason: expect.stringMatching(/content security policy/) });
  });
});
