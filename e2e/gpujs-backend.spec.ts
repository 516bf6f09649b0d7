/**
 * The gpu.js backend inside a Web Worker in headless Chromium (the engine's real home), on `webgl2`
 * (OffscreenCanvas) and `webgpu` (--enable-unsafe-webgpu; SwiftShader on a GPU-less machine): every
 * conformance case agrees with the CPU reference running in the same worker, iris trains to the same
 * weights, and a lost device surfaces as BackendError `backend/device-lost` from sync()/read().
 * The harness is the minified production build, so kernels are checked as the app ships them.
 * Tolerances are stated per case in engine/backend/gpujs/conformance/.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Harness, HarnessRequest, HarnessResponse } from './gpujs-harness/protocol.ts';
import { serveHarness, type ServedHarness } from './gpujs-harness/serve.ts';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let served: ServedHarness;

test.beforeAll(async () => {
  served = await serveHarness();
});
test.afterAll(async () => {
  await served?.close();
});

async function ask(page: Page, request: HarnessRequest): Promise<Extract<HarnessResponse, { ok: true }>> {
  await page.goto(served.url);
  await page.waitForFunction(() => 'gpujsHarness' in globalThis);
  const res = await page.evaluate(
    (r) => (globalThis as unknown as { gpujsHarness: Harness }).gpujsHarness.run(r),
    request,
  );
  if (!res.ok) throw new Error(`harness failed: ${res.error}`);
  return res;
}

test('the probe finds webgl2, webgpu and webasm in a worker, and never offers cpu', async ({ page }) => {
  const { probes } = await ask(page, { type: 'probe' });
  console.log(probes.map((p) => `${p.mode}: ${p.available ? p.label : `unavailable (${p.reason})`}`).join('\n'));
  const byMode = Object.fromEntries(probes.map((p) => [p.mode, p]));
  expect(byMode.webgl2?.available, byMode.webgl2?.reason).toBe(true);
  expect(byMode.webgl2?.label).toMatch(/^WebGL2 · /);
  expect(byMode.webgpu?.available, byMode.webgpu?.reason).toBe(true);
  expect(byMode.webgpu?.label).toMatch(/^WebGPU · /);
  expect(byMode.webasm?.available, byMode.webasm?.reason).toBe(true);
  expect(byMode.cpu?.available).toBe(false);
});

// webgl2 and webgpu are the app's GPU paths; webgl (1) and webasm (threaded: the page is cross-origin isolated) ride along
for (const [mode, threads] of [['webgl2'], ['webgpu'], ['webgl'], ['webasm', true]] as const) {
  test(`gpu.js ${mode}: every op and short training run agrees with the CPU reference`, async ({ page }) => {
    const res = await ask(page, { type: 'ops', mode, threads });
    console.log(`${res.label}: ${res.results.length} cases, ${res.kernels} kernels compiled, ${Math.round(res.ms)} ms`);
    for (const r of res.results)
      console.log(`  ${r.pass ? 'ok  ' : 'FAIL'} ${r.maxAbsError.toExponential(2)} ${Math.round(r.ms)} ms  ${r.name}`);
    expect(res.results.length).toBeGreaterThan(40);
    for (const r of res.results) expect.soft(r.pass, `${r.name}: ${r.detail}`).toBe(true);
  });
}

for (const mode of ['webgl2', 'webgpu'] as const) {
  test(`gpu.js ${mode}: iris trains to the CPU reference's weights (same seed)`, async ({ page }) => {
    const csv = readFileSync(fileURLToPath(new URL('../resources/samples/iris.csv', import.meta.url)), 'utf8');
    const res = await ask(page, { type: 'dataset', mode, name: 'iris', csv });
    const [r] = res.results;
    console.log(
      `${res.label}: iris ${r.pass ? 'ok' : 'FAIL'}, max |Δ| ${r.maxAbsError.toExponential(2)}, ${Math.round(r.ms)} ms`,
    );
    expect(r.pass, r.detail).toBe(true);
  });

  test(`gpu.js ${mode}: a lost device rejects sync() and read() with backend/device-lost`, async ({ page }) => {
    const { lost } = await ask(page, { type: 'lost', mode });
    expect(lost?.before).toEqual([0, 2, 0, 4, 0, 6]);
    expect(lost?.enqueueThrew).toBe(false);
    expect(lost?.syncError).toMatchObject({ name: 'BackendError', code: 'backend/device-lost' });
    expect(lost?.readError).toMatchObject({ name: 'BackendError', code: 'backend/device-lost' });
  });
}

// The app's fast CPU path on machines with more than 2 cores: the wasm backend with helper threads as module
// workers on shared memory (engine/worker/wasm-threads.ts decides how many), here forced to 2.
test('wasm on 2 threads in a worker: every op agrees with the CPU reference, and the helper takes bands of the multiplies', async ({
  page,
}) => {
  const res = await ask(page, { type: 'wasm-threads' });
  console.log(
    `${res.label}: ${res.results.length} cases, ${Math.round(res.ms)} ms, threads ${JSON.stringify(res.threads)}`,
  );
  expect(res.label).toBe('WebAssembly SIMD + FMA · 2 threads');
  expect(res.results.length).toBeGreaterThan(40);
  for (const r of res.results) expect.soft(r.pass, `${r.name}: ${r.detail}`).toBe(true);
  // W1's 128×32·32×128 multiplies are above the split threshold: they were cut into bands
  expect(res.threads?.jobs).toBeGreaterThan(0);
  expect(res.threads?.helped, 'the helper thread ran none of the bands').toBeGreaterThan(0);
});
