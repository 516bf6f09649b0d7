/**
 * Where an engine epoch's time goes: trains a workload on a backend wrapped so every Backend method call
 * is timed, then prints time per op. Usage: tsx bench/profile.ts <W1|W2> [wasm|wasm-threads|cpu] [epochs]
 */
import type { Backend } from '../engine/backend/backend.ts';
import { CpuBackend } from '../engine/backend/cpu/index.ts';
import { createWasmBackend } from '../engine/backend/wasm/index.ts';
import { trainNetwork } from '../engine/train/index.ts';
import { generateData } from './data.ts';
import { nodeThreadHost } from '../engine/node/wasm-thread-host.ts';
import { WORKLOADS, flopsPerEpoch } from './workloads.ts';

/** A backend whose every method call adds its duration to `times[name]`. */
function timed(inner: Backend, times: Map<string, { ms: number; calls: number }>): Backend {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string') return v;
      const f = v as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const t0 = performance.now();
        const r = f.apply(target, args);
        const key =
          prop === 'activationForward' || prop === 'activationBackward' ? `${prop}(${String(args[0])})` : prop;
        const e = times.get(key) ?? { ms: 0, calls: 0 };
        e.ms += performance.now() - t0;
        e.calls++;
        times.set(key, e);
        return r;
      };
    },
  });
}

const [id = 'W1', which = 'wasm', epochArg = '3'] = process.argv.slice(2);
const w = WORKLOADS.find((x) => x.id === id);
if (!w) throw new Error(`unknown workload ${id}`);
const d = generateData(w);
const times = new Map<string, { ms: number; calls: number }>();
const inner =
  which === 'cpu'
    ? new CpuBackend()
    : await createWasmBackend(which === 'wasm-threads' ? { threads: { host: nodeThreadHost, count: 2 } } : {});
const backend = timed(inner, times);
const epochs = Number(epochArg);
const marks: number[] = [performance.now()];
await trainNetwork({
  spec: {
    layers: [
      ...w.hidden.map((units, i) => ({ id: `h${i}`, type: 'dense' as const, units })),
      { id: 'out', type: 'dense', units: w.classes },
    ],
    training: {
      epochs,
      batchSize: w.batchSize,
      seed: w.seed,
      optimizer: { type: 'adam', learningRate: w.learningRate },
    },
  },
  data: {
    task: { kind: 'classification', classes: Array.from({ length: w.classes }, (_, i) => `c${i}`) },
    featureNames: [],
    train: { x: d.x, y: d.y, rows: d.rows, features: d.features },
    validation: null,
  },
  backend,
  onEvent: (e) => {
    if (e.type !== 'epoch') return;
    marks.push(performance.now());
    if (e.summary.epoch === 1) times.clear();
  },
});
const ms = (marks[marks.length - 1] - marks[1]) / (epochs - 1);
const inOps = [...times.values()].reduce((s, e) => s + e.ms, 0) / (epochs - 1);
console.log(
  `${w.id} on ${backend.label}: ${ms.toFixed(1)} ms/epoch after the first (${(flopsPerEpoch(w) / ms / 1e6).toFixed(1)} GFLOP/s), ${inOps.toFixed(1)} ms in backend calls`,
);
for (const [k, e] of [...times.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(
    `  ${k.padEnd(32)} ${(e.ms / (epochs - 1)).toFixed(2).padStart(9)} ms/epoch  ${Math.round(e.calls / (epochs - 1))} calls`,
  );
}
if ('threadStats' in inner) console.log('thread stats', JSON.stringify(inner.threadStats));
inner.destroy();
