/** A first-fit free-list allocator over a growable WebAssembly memory (byte addresses). */
import { assert, errorMessage } from '../../errors.ts';
import { wasmOutOfMemory } from './messages.ts';
import { WASM_PAGE_BYTES, type WasmMemory } from './webassembly.ts';

/** Every block starts on a cache line, so SIMD loads of a tensor's start are aligned. */
const ALIGN = 64;

interface Block {
  ptr: number;
  bytes: number;
}

/** Hands out aligned blocks of the memory above `base`; grows the memory when nothing fits. */
export class BlockAllocator {
  /** Free blocks, sorted by address, never adjacent (neighbors are merged). */
  private readonly free: Block[] = [];
  private readonly used = new Map<number, number>();
  private end: number;

  constructor(private readonly memory: WasmMemory, base: number) {
    const start = Math.ceil(base / ALIGN) * ALIGN;
    this.end = memory.buffer.byteLength;
    if (this.end > start) this.free.push({ ptr: start, bytes: this.end - start });
    else this.end = start;
  }

  /** Bytes currently handed out. */
  get bytesInUse(): number {
    let s = 0;
    for (const b of this.used.values()) s += b;
    return s;
  }

  /** A block of at least `bytes` (0 allowed); may grow the memory, which detaches old views of it. */
  alloc(bytes: number): number {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    let i = this.free.findIndex((b) => b.bytes >= size);
    if (i < 0) i = this.grow(size);
    const b = this.free[i];
    const ptr = b.ptr;
    if (b.bytes === size) this.free.splice(i, 1);
    else {
      b.ptr += size;
      b.bytes -= size;
    }
    this.used.set(ptr, size);
    return ptr;
  }

  /** Return a block from `alloc`. */
  release(ptr: number): void {
    const bytes = this.used.get(ptr);
    assert(bytes !== undefined, `free of a block the wasm allocator did not hand out (${ptr})`);
    this.used.delete(ptr);
    let i = 0;
    while (i < this.free.length && this.free[i].ptr < ptr) i++;
    this.free.splice(i, 0, { ptr, bytes });
    this.mergeAt(i);
    if (i > 0) this.mergeAt(i - 1);
  }

  private mergeAt(i: number): void {
    const a = this.free[i];
    const b = this.free[i + 1];
    if (b && a.ptr + a.bytes === b.ptr) {
      a.bytes += b.bytes;
      this.free.splice(i + 1, 1);
    }
  }

  /** Grow by at least `size` bytes (and by half the memory, to amortize); returns the index of a fitting block. */
  private grow(size: number): number {
    const last = this.free[this.free.length - 1];
    const tail = last && last.ptr + last.bytes === this.end ? last.bytes : 0;
    const need = Math.max(size - tail, this.end >> 1);
    const pages = Math.ceil(need / WASM_PAGE_BYTES);
    try {
      this.memory.grow(pages);
    } catch (e) {
      throw wasmOutOfMemory(Math.round((this.end + pages * WASM_PAGE_BYTES) / 2 ** 20), errorMessage(e));
    }
    const added = pages * WASM_PAGE_BYTES;
    if (tail > 0) last.bytes += added;
    else this.free.push({ ptr: this.end, bytes: added });
    this.end += added;
    return this.free.length - 1;
  }
}
