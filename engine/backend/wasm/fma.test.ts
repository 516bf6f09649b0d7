/**
 * The FMA build of the kernels (relaxed SIMD: f32x4.relaxed_madd in the GEMM) is picked where the runtime has
 * relaxed SIMD and agrees with the plain SIMD build and the CPU reference within float32 rounding. Node 20 has
 * relaxed SIMD only behind a flag, so that half runs in a Node child started with it (fixtures/fma-compare.ts).
 * Tolerance as in dense.test.ts: sums of up to 784 products, each rounded once (FMA) or twice (plain).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { FmaComparison } from './fixtures/fma-compare.ts';
import { createWasmBackend, isRelaxedSimdAvailable } from './index.ts';

const TOLERANCE = 1e-5;

/** Run fixtures/fma-compare.ts in a Node child with relaxed SIMD switched on (a no-op flag where it is default). */
function compareInChild(): FmaComparison {
  const fixture = new URL('./fixtures/fma-compare.ts', import.meta.url).href;
  const host = new URL('../../node/wasm-thread-host.ts', import.meta.url).href;
  const code = `Promise.all([import(${JSON.stringify(fixture)}), import(${JSON.stringify(host)})])
    .then(([f, h]) => f.compareFma(h.nodeThreadHost))
    .then((r) => console.log('RESULT ' + JSON.stringify(r)));`;
  const flags = Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-wasm-relaxed-simd'] : [];
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', '-e', code], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the relaxed-SIMD child failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(line.slice(7)) as FmaComparison;
}

describe('wasm kernels with fused multiply-add (relaxed SIMD)', () => {
  it('runs the plain SIMD build when FMA is turned off or the runtime lacks relaxed SIMD', async () => {
    const plain = await createWasmBackend({ fma: false });
    expect(plain.fused).toBe(false);
    expect(plain.label).toBe('WebAssembly SIMD · 1 thread');
    const auto = await createWasmBackend();
    expect(auto.fused).toBe(isRelaxedSimdAvailable());
    [plain, auto].forEach((b) => b.destroy());
  });

  it('matches the plain build and the CPU reference, on 1 thread and on helper threads', () => {
    const r = compareInChild();
    expect([r.fusedLabel, r.plainLabel, r.threadedLabel]).toEqual([
      'WebAssembly SIMD + FMA · 1 thread',
      'WebAssembly SIMD · 1 thread',
      'WebAssembly SIMD + FMA · 2 threads',
    ]);
    expect(r.fusedVsCpu).toBeLessThanOrEqual(TOLERANCE);
    expect(r.fusedVsPlain).toBeLessThanOrEqual(TOLERANCE);
    // Rounding once instead of twice changes some last bits: proof that the fused build is what ran (on a CPU
    // with FMA, as every x64 since about 2013 and every arm64 are; without it V8 may emit a multiply and an add).
    expect(r.differing).toBeGreaterThan(0);
    expect(r.threadedVsSingle).toBe(0);
  });
});
