/** An executor that trains trials in this thread: for tests, and hosts without workers. Concurrent trials interleave; they do not run in parallel. */
import type { Backend } from '../backend/index.ts';
import { TrainControl, type TrainingData } from '../train/index.ts';
import type { TrialExecutor } from './executor.ts';
import { trainTrialJob } from './trial.ts';

/** Options of the local executor. */
export interface LocalExecutorOptions {
  data: TrainingData;
  /** Makes a backend; one per concurrently running trial, reused. */
  createBackend: () => Promise<Backend>;
  /** Lets other trials and the host's messages run during long epochs (e.g. `setImmediate` in Node). */
  yieldToHost?: () => Promise<void>;
}

/** Train trial steps in-process. */
export function createLocalExecutor(o: LocalExecutorOptions): TrialExecutor {
  const free: Backend[] = [];
  const all: Backend[] = [];
  return {
    run(job, hooks) {
      const control = new TrainControl();
      const result = (async () => {
        let backend = free.pop();
        if (!backend) {
          backend = await o.createBackend();
          all.push(backend);
        }
        try {
          return await trainTrialJob(job, { ...hooks, data: o.data, backend, control, yieldToHost: o.yieldToHost });
        } finally {
          free.push(backend);
        }
      })();
      return { result, stop: () => control.stop() };
    },
    async close() {
      for (const b of all.splice(0)) b.destroy();
      free.length = 0;
    },
  };
}
