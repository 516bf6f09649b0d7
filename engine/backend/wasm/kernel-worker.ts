/** The body of a helper thread (see threads.ts): helps with each job posted to its block until told to stop. */
import { BLOCK, helpWithJob } from './job.ts';
import { instantiateShared } from './kernels.ts';
import type { KernelWorkerInit } from './threads.ts';

/**
 * Spin this long for the next job before blocking. Within a training run jobs come every few µs to ms,
 * so a helper stays awake for the whole run; a blocked one takes tens of µs (far more on a busy machine) to wake.
 */
const SPIN_MS = 20;

/**
 * Instantiate the shared kernels on `init.memory`, call `onReady`, then help with jobs until the block's
 * sequence number turns negative. Blocks its thread (Atomics.wait): call it only in a worker.
 */
export async function runKernelWorker(init: KernelWorkerInit, onReady: () => void): Promise<void> {
  const k = await instantiateShared(init.module, init.memory);
  const i32 = new Int32Array(init.memory.buffer, init.block, BLOCK.bytes / 4);
  const f64 = new Float64Array(init.memory.buffer, init.block, BLOCK.bytes / 8);
  onReady();
  let seen = Atomics.load(i32, BLOCK.seq);
  for (;;) {
    let spins = 0;
    let since = Date.now();
    while (Atomics.load(i32, BLOCK.seq) === seen) {
      if ((++spins & 0x3ff) === 0 && Date.now() - since > SPIN_MS) {
        Atomics.add(i32, BLOCK.sleeping, 1);
        Atomics.wait(i32, BLOCK.seq, seen);
        Atomics.sub(i32, BLOCK.sleeping, 1);
        since = Date.now();
      }
    }
    seen = Atomics.load(i32, BLOCK.seq);
    if (seen < 0) return;
    helpWithJob(k, { i32, f64 });
  }
}
