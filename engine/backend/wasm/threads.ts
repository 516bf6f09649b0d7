/**
 * Helper threads for the wasm backend. The engine core cannot start workers (no Node or DOM APIs), so
 * the host injects a ThreadHost: the Node CLI with worker_threads (bench/wasm-thread-host.ts), the
 * browser's engine worker with module Web Workers, which needs a cross-origin isolated page (COOP
 * `same-origin` + COEP `require-corp`) for SharedArrayBuffer. Each helper instantiates the shared-memory
 * kernel build on the same memory and serves jobs from one job block (job.ts): the calling thread cuts a
 * matrix multiply into row bands (an Adam update into element ranges), and every thread claims bands.
 *
 * Helpers spin for a while before they block, because waking a blocked thread costs tens of
 * microseconds, more than a whole W1 multiply (measured: blocking wake-ups made 2 threads slower than
 * 1 on every W1 shape; spinning gave 1.9–2.1× on all W1 and W2 shapes when the second core was free).
 */
import { assert } from '../../errors.ts';
import { now } from '../../clock.ts';
import { BLOCK, CHUNK_BITS, CHUNK_MASK, JOB, MAX_CHUNKS, runOwnShare, type JobViews } from './job.ts';
import type { Kernels } from './kernels.ts';
import { threadFailed } from './messages.ts';
import type { WasmMemory, WasmModule } from './webassembly.ts';

/** What a helper thread is given (structured-cloneable: a compiled module and a shared memory). */
export interface KernelWorkerInit {
  module: WasmModule;
  memory: WasmMemory;
  /** Byte address of the job block in `memory`. */
  block: number;
}

/** A started helper thread. */
export interface ThreadHandle {
  terminate(): void;
}

/** How a host runs helper threads. */
export interface ThreadHost {
  /** Start a thread that calls `runKernelWorker(init, onReady)`; resolve once it called onReady. */
  start(init: KernelWorkerInit): Promise<ThreadHandle>;
}

/** Below this many multiply-adds a split costs more than it saves (a W1 output layer has 32 K). */
const SPLIT_GEMM_MACS = 1 << 16;
/** Below this many weights an Adam update is not split. */
const SPLIT_ADAM = 1 << 15;
/** Chunks per thread: more balance the load when a core is busy with other work, fewer cost less. */
const CHUNKS_PER_THREAD = 4;
/**
 * Helpers whose cores are busy with other work (or missing) slow the caller down. So every WINDOW split
 * jobs: if the helpers ran under MIN_HELP of the chunks, or the caller spent over MAX_WAIT as long waiting
 * for a helper's last chunk as computing its own share (a helper was descheduled holding one), the next
 * jobs run on the calling thread alone, and the helpers fall asleep instead of spinning for CPU time the
 * caller needs. The pause starts at PAUSE jobs and doubles while helpers keep failing, up to MAX_PAUSE,
 * so a one-core machine pays almost nothing. Jobs posted while a helper slept (idle between epochs, say)
 * do not count: waking takes a while.
 */
const WINDOW = 64;
const MIN_HELP = 0.15;
const MAX_WAIT = 0.5;
const PAUSE = 64;
const MAX_PAUSE = 1 << 16;
/** A helper holding a chunk this long has died. */
const TIMEOUT_MS = 30_000;

/** A running set of helper threads plus the calling thread. */
export class KernelThreads {
  private seq = 0;
  private readonly v: JobViews;
  private window = { jobs: 0, chunks: 0, helped: 0, workMs: 0, waitMs: 0 };
  private paused = 0;
  private nextPause = PAUSE;
  /**
   * Totals since start, for reports: split jobs, their chunks, chunks the helpers ran, jobs run alone while
   * paused, and the calling thread's milliseconds computing its share and waiting for the helpers'.
   */
  readonly stats = { jobs: 0, chunks: 0, helped: 0, alone: 0, workMs: 0, waitMs: 0 };

  constructor(
    private readonly k: Kernels,
    memory: WasmMemory,
    block: number,
    private readonly handles: readonly ThreadHandle[],
  ) {
    this.v = {
      i32: new Int32Array(memory.buffer, block, BLOCK.bytes / 4),
      f64: new Float64Array(memory.buffer, block, BLOCK.bytes / 8),
    };
  }

  /** Threads taking part, the calling one included. */
  get count(): number {
    return this.handles.length + 1;
  }

  /** C rows [0, m) = init + A·B (see assembly/gemm.ts), in bands of a multiple of 4 rows when big enough. */
  gemmRows(
    a: number,
    sai: number,
    sak: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    m: number,
    n: number,
    k: number,
    init: number,
    bias: number,
    act: number,
  ): void {
    const chunk = Math.max(4, Math.ceil(m / (this.count * CHUNKS_PER_THREAD) / 4) * 4);
    const chunks = Math.ceil(m / chunk);
    if (m * n * k < SPLIT_GEMM_MACS || chunks < 2 || this.isPaused()) {
      this.k.gemmRows(a, sai, sak, b, ldb, c, ldc, 0, m, n, k, init, bias, act);
      return;
    }
    const i32 = this.v.i32;
    i32[BLOCK.kind] = JOB.gemmRows;
    i32.set([a, sai, sak, b, ldb, c, ldc, n, k, init, bias, m, chunk, chunks, act], BLOCK.args);
    this.run(chunks);
  }

  /** Adam update of n weights (assembly/optimizer.ts), in element ranges of a multiple of 4 when big enough. */
  adam(
    w: number,
    g: number,
    a: number,
    b: number,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    decay: number,
    c1: number,
    c2: number,
  ): void {
    if (n < SPLIT_ADAM || this.isPaused()) {
      this.k.adam(w, g, a, b, n, lr, beta1, beta2, eps, decay, c1, c2);
      return;
    }
    const chunk = Math.ceil(n / (this.count * CHUNKS_PER_THREAD) / 4) * 4;
    const chunks = Math.ceil(n / chunk);
    const { i32, f64 } = this.v;
    i32[BLOCK.kind] = JOB.adam;
    i32.set([w, g, a, b, n, chunk, chunks], BLOCK.args);
    f64.set([lr, beta1, beta2, eps, decay, c1, c2], BLOCK.f64Args);
    this.run(chunks);
  }

  /** Jobs left to run on the calling thread alone (see WINDOW). */
  get pausedJobs(): number {
    return this.paused;
  }

  private isPaused(): boolean {
    if (this.paused === 0) return false;
    this.paused--;
    this.stats.alone++;
    return true;
  }

  /** Count the helpers' share; pause splitting when they barely help. */
  private observe(chunks: number, own: number, waking: boolean, workMs: number, waitMs: number): void {
    const [s, w] = [this.stats, this.window];
    s.jobs++;
    s.chunks += chunks;
    s.helped += chunks - own;
    s.workMs += workMs;
    s.waitMs += waitMs;
    if (waking) return;
    w.jobs++;
    w.chunks += chunks;
    w.helped += chunks - own;
    w.workMs += workMs;
    w.waitMs += waitMs;
    if (w.jobs < WINDOW) return;
    if (w.helped < MIN_HELP * w.chunks || w.waitMs > MAX_WAIT * w.workMs) {
      this.paused = this.nextPause;
      this.nextPause = Math.min(MAX_PAUSE, 2 * this.nextPause);
    } else {
      this.nextPause = PAUSE;
    }
    this.window = { jobs: 0, chunks: 0, helped: 0, workMs: 0, waitMs: 0 };
  }

  /** Stop every helper. */
  destroy(): void {
    Atomics.store(this.v.i32, BLOCK.seq, -1);
    Atomics.notify(this.v.i32, BLOCK.seq);
    for (const h of this.handles) h.terminate();
  }

  /** Publish the job whose arguments are written, do chunks until none are left, wait for the helpers' last ones, close it. */
  private run(chunks: number): void {
    assert(chunks <= MAX_CHUNKS, `a job of ${chunks} chunks exceeds ${MAX_CHUNKS}`);
    const i32 = this.v.i32;
    const waking = Atomics.load(i32, BLOCK.sleeping) > 0;
    this.seq = this.seq >= (1 << (31 - CHUNK_BITS)) - 1 ? 1 : this.seq + 1;
    Atomics.store(i32, BLOCK.finished, 0);
    Atomics.store(i32, BLOCK.claim, this.seq << CHUNK_BITS);
    Atomics.store(i32, BLOCK.seq, this.seq);
    Atomics.notify(i32, BLOCK.seq);
    const t0 = now();
    const own = runOwnShare(this.k, this.v, chunks);
    const t1 = now();
    let spins = 0;
    while (Atomics.load(i32, BLOCK.finished) !== chunks) {
      if ((++spins & 0xffff) === 0 && now() - t1 > TIMEOUT_MS)
        throw threadFailed(`a helper held its share for over ${TIMEOUT_MS / 1000} s`);
    }
    Atomics.store(i32, BLOCK.claim, (this.seq << CHUNK_BITS) | CHUNK_MASK);
    if (Atomics.load(i32, BLOCK.failed) !== 0) throw threadFailed('a helper failed its share of a job');
    this.observe(chunks, own, waking, t1 - t0, now() - t1);
  }
}

/** Start `helpers` threads on the shared kernels; `alloc` gives the job block. */
export async function startKernelThreads(
  host: ThreadHost,
  helpers: number,
  k: Kernels,
  module: WasmModule,
  memory: WasmMemory,
  alloc: (bytes: number) => number,
): Promise<KernelThreads> {
  assert(helpers >= 1, 'startKernelThreads needs at least one helper');
  const block = alloc(BLOCK.bytes);
  new Int32Array(memory.buffer, block, BLOCK.bytes / 4).fill(0);
  const handles: ThreadHandle[] = [];
  try {
    for (let i = 0; i < helpers; i++) handles.push(await host.start({ module, memory, block }));
  } catch (e) {
    for (const h of handles) h.terminate();
    throw e;
  }
  return new KernelThreads(k, memory, block, handles);
}
