/** The Node trial pool: one worker_threads worker per concurrent trial, each loading TypeScript through tsx. */
import { Worker } from 'node:worker_threads';
import type { BackendChoice } from '../spec/index.ts';
import { createPoolExecutor, type PoolExecutor, type TrialPort } from '../sweep/index.ts';
import type { TrainingData } from '../train/index.ts';

/** Start one trial worker thread. */
export function spawnTrialWorker(): TrialPort {
  const worker = new Worker(new URL('./sweep-worker.mjs', import.meta.url));
  let ended = false;
  let terminating = false;
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onExit) {
      const end = (error: Error) => {
        if (ended || terminating) return;
        ended = true;
        onExit(error);
      };
      worker.on('message', onMessage);
      worker.on('error', end);
      worker.on('exit', (code) => end(new Error(`exit code ${code}`)));
    },
    async terminate() {
      terminating = true;
      await worker.terminate();
    },
  };
}

/** A pool of `size` trial workers over `data`, each with its own `backend`. Close it when the sweep ends. */
export function createNodeTrialPool(o: { size: number; data: TrainingData; backend: BackendChoice }): PoolExecutor {
  return createPoolExecutor({ ...o, spawn: spawnTrialWorker });
}
