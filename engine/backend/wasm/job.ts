/**
 * The shared job block through which the calling thread and helper threads split one kernel call.
 * A job is cut into chunks (row bands of a multiply, element ranges of an Adam update); every thread,
 * the caller included, claims chunks until none are left, so a helper that the OS does not schedule
 * costs at most the chunk it holds, never half the work.
 *
 * Claims are made on one word holding (job sequence << CHUNK_BITS) | next chunk index. Helpers claim
 * with compare-and-swap against the sequence they read the job's arguments under, and the caller closes
 * a finished job (chunk index CHUNK_MASK) before it writes the next one's arguments, so a helper that
 * wakes late can never take a chunk of a newer job with an older job's arguments, nor count one.
 * Sequence numbers wrap after 2^19 jobs; a helper would have to stall that many jobs between reading the
 * claim word and its compare-and-swap to be fooled.
 */
import type { Kernels } from './kernels.ts';

/**
 * Block layout: int32 slot indices, except `f64Args`, a float64 slot index (byte 72, after the int32 args). Counters sit on their
 * own cache lines; `sleeping` counts helpers blocked in Atomics.wait.
 */
export const BLOCK = {
  bytes: 256,
  seq: 0,
  kind: 1,
  args: 2,
  f64Args: 9,
  claim: 32,
  finished: 48,
  failed: 49,
  sleeping: 50,
} as const;
/** Job kinds. */
export const JOB = { gemmRows: 0, adam: 1 } as const;
/** Low bits of the claim word: the chunk index (so at most 2^CHUNK_BITS chunks per job). */
export const CHUNK_BITS = 12;
/** Mask of the chunk index in the claim word; a closed job's claim word carries it as its index. */
export const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
/** Most chunks a job may have: the caller's last claim overshoots by one, which must stay below CHUNK_MASK. */
export const MAX_CHUNKS = 1024;
/** Argument slots (relative to BLOCK.args) of the chunk size and chunk count, shared by every kind. */
export const ARG = { gemm: { m: 11, chunk: 12, chunks: 13, act: 14 }, adam: { n: 4, chunk: 5, chunks: 6 } } as const;

/** Views of a job block. */
export interface JobViews {
  i32: Int32Array;
  f64: Float64Array;
}

/** Run chunk `index` of the job described in the block. */
export function runChunk(k: Kernels, { i32, f64 }: JobViews, index: number): void {
  const a = BLOCK.args;
  if (i32[BLOCK.kind] === JOB.gemmRows) {
    const chunk = i32[a + ARG.gemm.chunk];
    const i0 = index * chunk;
    const i1 = Math.min(i32[a + ARG.gemm.m], i0 + chunk);
    k.gemmRows(
      i32[a],
      i32[a + 1],
      i32[a + 2],
      i32[a + 3],
      i32[a + 4],
      i32[a + 5],
      i32[a + 6],
      i0,
      i1,
      i32[a + 7],
      i32[a + 8],
      i32[a + 9],
      i32[a + 10],
      i32[a + ARG.gemm.act],
    );
    return;
  }
  const chunk = i32[a + ARG.adam.chunk];
  const o = index * chunk;
  const count = Math.min(i32[a + ARG.adam.n] - o, chunk);
  const d = BLOCK.f64Args;
  k.adam(
    i32[a] + 4 * o,
    i32[a + 1] + 4 * o,
    i32[a + 2] + 4 * o,
    i32[a + 3] + 4 * o,
    count,
    f64[d],
    f64[d + 1],
    f64[d + 2],
    f64[d + 3],
    f64[d + 4],
    f64[d + 5],
    f64[d + 6],
  );
}

/**
 * A helper's share of the current job: claim chunks by compare-and-swap while the claim word still
 * carries the sequence the arguments were read under; count each finished chunk.
 */
export function helpWithJob(k: Kernels, v: JobViews): void {
  let word = Atomics.load(v.i32, BLOCK.claim);
  const seq = word >>> CHUNK_BITS;
  const chunks = v.i32[BLOCK.args + (v.i32[BLOCK.kind] === JOB.gemmRows ? ARG.gemm.chunks : ARG.adam.chunks)];
  for (;;) {
    if (word >>> CHUNK_BITS !== seq || (word & CHUNK_MASK) >= chunks) return;
    const seen = Atomics.compareExchange(v.i32, BLOCK.claim, word, word + 1);
    if (seen !== word) {
      word = seen;
      continue;
    }
    try {
      runChunk(k, v, word & CHUNK_MASK);
    } catch (e) {
      Atomics.store(v.i32, BLOCK.failed, 1);
      throw e;
    } finally {
      Atomics.add(v.i32, BLOCK.finished, 1);
    }
    word = Atomics.load(v.i32, BLOCK.claim);
  }
}

/** The caller's share: claim chunks with add (the caller owns the job, so no sequence check is needed). Returns how many it ran. */
export function runOwnShare(k: Kernels, v: JobViews, chunks: number): number {
  for (let done = 0; ; done++) {
    const index = Atomics.add(v.i32, BLOCK.claim, 1) & CHUNK_MASK;
    if (index >= chunks) return done;
    runChunk(k, v, index);
    Atomics.add(v.i32, BLOCK.finished, 1);
  }
}
