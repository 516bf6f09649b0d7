/**
 * Does a second thread pay off for the wasm backend? Times every multiply of a W1 and a W2 training step
 * (forward, weight gradient, input gradient) and the whole dense part of a step on 1 and on 2 threads,
 * best of several rounds (robust to other work on the machine). Usage: tsx bench/threads.ts [rounds]
 */
import type { Tensor } from '../engine/backend/backend.ts';
import { createWasmBackend, type WasmBackend } from '../engine/backend/wasm/index.ts';
import { Random } from '../engine/random.ts';
import { nodeThreadHost } from '../engine/node/wasm-thread-host.ts';
import { WORKLOADS, widths } from './workloads.ts';

const rounds = Number(process.argv[2] ?? 9);
const rng = new Random(5);

/** The dense layers of one step of workload `w`, on backend `b`. */
function step(b: WasmBackend, dims: number[], n: number) {
  const t = (shape: number[]) =>
    b.tensor(
      shape,
      Float32Array.from({ length: shape[0] * (shape[1] ?? 1) }, () => rng.uniform(-0.5, 0.5)),
    );
  const x = t([n, dims[0]]);
  const layers = dims.slice(1).map((units, i) => ({
    inputs: dims[i],
    units,
    w: t([dims[i], units]),
    b: t([units]),
    z: t([n, units]),
    dz: t([n, units]),
    dw: t([dims[i], units]),
    db: t([units]),
    dx: t([n, dims[i]]),
  }));
  const input = (i: number): Tensor => (i === 0 ? x : layers[i - 1].z);
  return {
    layers,
    forward: (i: number) => b.denseForward(input(i), layers[i].w, layers[i].b, layers[i].z),
    backward: (i: number) =>
      b.denseBackward(input(i), layers[i].w, layers[i].dz, layers[i].dw, layers[i].db, i > 0 ? layers[i].dx : null),
  };
}

/** Best-of-rounds milliseconds per call of f. */
function time(f: () => void): number {
  let reps = 1;
  for (let t = 0; t < 5; reps *= 2) {
    const s = performance.now();
    for (let i = 0; i < reps; i++) f();
    t = performance.now() - s;
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const s = performance.now();
    for (let i = 0; i < reps; i++) f();
    best = Math.min(best, (performance.now() - s) / reps);
  }
  return best;
}

const one = await createWasmBackend();
const two = await createWasmBackend({ threads: { host: nodeThreadHost, count: 2 } });
for (const w of WORKLOADS) {
  const dims = widths(w);
  const [s1, s2] = [step(one, dims, w.batchSize), step(two, dims, w.batchSize)];
  console.log(`\n${w.id}, batch ${w.batchSize}: milliseconds per call, best of ${rounds} rounds`);
  console.log('op                              1 thread   2 threads   speedup');
  const row = (name: string, f1: () => void, f2: () => void) => {
    const [a, b] = [time(f1), time(f2)];
    console.log(
      `${name.padEnd(30)} ${a.toFixed(4).padStart(9)} ${b.toFixed(4).padStart(11)} ${(a / b).toFixed(2).padStart(8)}×`,
    );
  };
  s1.layers.forEach((l, i) => {
    row(
      `forward  ${w.batchSize}×${l.inputs}·${l.inputs}×${l.units}`,
      () => s1.forward(i),
      () => s2.forward(i),
    );
    row(
      `backward ${i > 0 ? '(dW, db, dx)' : '(dW, db)'} layer ${i + 1}`,
      () => s1.backward(i),
      () => s2.backward(i),
    );
  });
  const all = (s: typeof s1) => () =>
    s.layers.forEach((_, i) => {
      s.forward(i);
      s.backward(i);
    });
  row('whole dense part of a step', all(s1), all(s2));
}
console.log(`\nhelpers ran ${JSON.stringify(two.threadStats)}`);
two.destroy();
