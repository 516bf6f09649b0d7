import { createWasmBackend } from '../engine/backend/wasm/index.ts';
import { nodeThreadHost } from './wasm-thread-host.ts';
const mode = process.argv[2];
const wl = process.argv[3] ?? 'W1';
const b = await createWasmBackend(mode === '2' ? { threads: { host: nodeThreadHost, count: 2, mode: 'always' } } : {});
const dims = wl === 'W1' ? [32, 128, 64, 4] : [784, 256, 128, 10];
const n = wl === 'W1' ? 128 : 256;
const r = (s: number) => Float32Array.from({ length: s }, () => Math.random() - 0.5);
const L = dims.slice(1).map((o, i) => { const inp = dims[i]; return { w: b.tensor([inp, o], r(inp * o)), bias: b.tensor([o]), z: b.tensor([n, o]), dw: b.tensor([inp, o]), db: b.tensor([o]), dx: b.tensor([n, inp]), dz: b.tensor([n, o], r(n * o)) }; });
const x = b.tensor([n, dims[0]], r(n * dims[0]));
const step = () => {
  let h = x;
  for (const l of L) { b.denseForward(h, l.w, l.bias, l.z); h = l.z; }
  for (let i = L.length - 1; i >= 0; i--) { const l = L[i]; b.denseBackward(i ? L[i - 1].z : x, l.w, l.dz, l.dw, l.db, i ? l.dx : null); }
};
let best = Infinity;
for (let round = 0; round < 15; round++) { const t = performance.now(); for (let i = 0; i < 100; i++) step(); best = Math.min(best, (performance.now() - t) / 100); }
console.log(wl, mode === '2' ? '2T' : '1T', (best * 1000).toFixed(1), 'us/step', JSON.stringify(b.threadStats));
b.destroy();
