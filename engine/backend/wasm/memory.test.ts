/** Tensor memory of the wasm backend: copies in and out, growth, reuse of freed blocks, misuse caught. */
import { describe, expect, it } from 'vitest';
import { WasmBackend } from './wasm-backend.ts';
import { createWasmBackend, isWasmSimdAvailable } from './index.ts';

async function backend(): Promise<WasmBackend> {
  const b = await createWasmBackend();
  if (!(b instanceof WasmBackend)) throw new Error('createWasmBackend returned another backend');
  return b;
}

describe('wasm backend memory', () => {
  it('reports SIMD support and a label for the badge', async () => {
    expect(isWasmSimdAvailable()).toBe(true);
    const b = await backend();
    expect(b.name).toBe('wasm');
    expect(b.label).toBe('WebAssembly SIMD · 1 thread');
  });

  it('writes, reads, copies, fills and gathers rows', async () => {
    const b = await backend();
    const t = b.tensor([2, 3], new Float32Array([1, 2, 3, 4, 5, 6]));
    expect(Array.from(await b.read(t))).toEqual([1, 2, 3, 4, 5, 6]);
    const z = b.tensor([2, 3]);
    expect(Array.from(await b.read(z))).toEqual([0, 0, 0, 0, 0, 0]);
    b.copy(t, z);
    b.fill(t, 0.5);
    expect(Array.from(await b.read(z))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(await b.read(t))).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const source = Float32Array.from({ length: 12 }, (_, i) => i);
    b.gatherRows(z, source, 3, new Int32Array([9, 3, 1, 0]), 1, 2);
    expect(Array.from(await b.read(z))).toEqual([9, 10, 11, 3, 4, 5]);
    b.write(t, new Float32Array([6, 5, 4, 3, 2, 1]));
    expect(Array.from(await b.read(t))).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('keeps contents when the memory grows, and zero-fills reused blocks', async () => {
    const b = await backend();
    const small = b.tensor([3], new Float32Array([7, 8, 9]));
    const big = b.tensor([4_000_000]);
    expect(Array.from(await b.read(small))).toEqual([7, 8, 9]);
    b.fill(big, 3);
    b.dispose(big);
    const again = b.tensor([1000]);
    expect((await b.read(again)).every((v) => v === 0)).toBe(true);
  });

  it('reuses freed memory: no growth over many create/dispose cycles', async () => {
    const b = await backend();
    const keep = b.tensor([100]);
    const cycle = () => {
      const ts = [b.tensor([37, 11]), b.tensor([1]), b.tensor([513]), b.tensor([0])];
      ts.reverse().forEach((t) => b.dispose(t));
    };
    cycle();
    const [inUse, memory] = [b.bytesInUse, b.memoryBytes];
    for (let i = 0; i < 1000; i++) cycle();
    expect(b.bytesInUse).toBe(inUse);
    expect(b.memoryBytes).toBe(memory);
    expect(keep.size).toBe(100);
  });

  it('rejects disposed tensors and tensors of another backend', async () => {
    const a = await backend();
    const b = await backend();
    const t = a.tensor([2]);
    expect(() => b.fill(t, 1)).toThrow(/another backend/);
    a.dispose(t);
    expect(() => a.fill(t, 1)).toThrow(/disposed/);
  });
});
