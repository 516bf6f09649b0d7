/**
 * Does fused multiply-add pay for the wasm kernels? Times each dense layer's forward and backward of a W1 and
 * a W2 step on the plain SIMD build and on the relaxed-SIMD (FMA) build, one thread, interleaved, best of
 * several rounds (robust to other work on the machine). Node 20 needs the flag:
 *   node --experimental-wasm-relaxed-simd --import tsx bench/fma.ts [rounds]
 */
import type { Tensor } from '../engine/backend/backend.ts';
import { createWasmBackend, isRelaxedSimdAvailable, type WasmBackend } from '../engine/backend/wasm/index.ts';
import { Random } from '../engine/random.ts';
import { WORKLOADS, widths } from './workloads.ts';

const rounds = Number(process.argv[2] ?? 9);
if (!isRelaxedSimdAvailable()) {
  console.log('This runtime has no WebAssembly relaxed SIMD: run Node 20 with --experimental-wasm-relaxed-simd.');
  process.exit(1);
}

/** Milliseconds of the fastest of `reps` calls of `f`. */
function best(f: () => void, reps: number): number {
  let ms = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

/** One layer's tensors on backend `b`, filled from a seeded generator (the same values on every backend). */
function layer(b: WasmBackend, n: number, inputs: number, units: number, seed: number) {
  const rng = new Random(seed);
  const t = (shape: number[]): Tensor =>
    b.tensor(
      shape,
      Float32Array.from({ length: shape[0] * (shape[1] ?? 1) }, () => rng.uniform(-0.5, 0.5)),
    );
  const [x, w, bias, z, dz, dw, db, dx] = [
    t([n, inputs]),
    t([inputs, units]),
    t([units]),
    t([n, units]),
    t([n, units]),
    t([inputs, units]),
    t([units]),
    t([n, inputs]),
  ];
  return {
    forward: () => b.denseForward(x, w, bias, z),
    backward: () => b.denseBackward(x, w, dz, dw, db, dx),
  };
}

const builds = [
  { name: 'plain', backend: await createWasmBackend({ fma: false }) },
  { name: 'fma', backend: await createWasmBackend() },
];
console.log(`${builds.map((b) => b.backend.label).join(' vs ')}; best of ${rounds} interleaved rounds, ms`);
for (const w of WORKLOADS) {
  const dims = widths(w);
  for (let l = 0; l + 1 < dims.length; l++) {
    const [inputs, units] = [dims[l], dims[l + 1]];
    const flops = 2 * w.batchSize * inputs * units;
    const ops = builds.map((b) => layer(b.backend, w.batchSize, inputs, units, l));
    const ms = builds.map(() => ({ forward: Infinity, backward: Infinity }));
    for (let r = 0; r < rounds; r++) {
      ops.forEach((o, i) => {
        ms[i].forward = Math.min(ms[i].forward, best(o.forward, 5));
        ms[i].backward = Math.min(ms[i].backward, best(o.backward, 5));
      });
    }
    const cell = (m: number, f: number) => `${m.toFixed(4)} ms (${(f / m / 1e6).toFixed(1)} GFLOP/s)`;
    for (const pass of ['forward', 'backward'] as const) {
      const f = pass === 'forward' ? flops : 2 * flops;
      console.log(
        `${w.id} ${w.batchSize}×${inputs}·${inputs}×${units} ${pass}: ${builds.map((b, i) => `${b.name} ${cell(ms[i][pass], f)}`).join(', ')}; fma ÷ plain time ${(ms[1][pass] / ms[0][pass]).toFixed(3)}`,
      );
    }
  }
}
builds.forEach((b) => b.backend.destroy());
