/**
 * The worker side of a trial pool, free of Node and DOM: the worker file only wires `handle` to its
 * incoming messages and `post` to its outgoing ones. It trains one step at a time, on a backend it
 * creates once, and stops a step when asked (between batches, thanks to `yieldToHost`).
 */
import type { Backend } from '../backend/index.ts';
import { isUserError } from '../errors.ts';
import type { BackendChoice } from '../spec/index.ts';
import { TrainControl, type TrainingData } from '../train/index.ts';
import type { TrialJob } from './executor.ts';
import { trainTrialJob } from './trial.ts';
import { parseTrialWorkerRequest, type TrialWireError, type TrialWorkerEvent } from './wire.ts';

/** What the worker gives the host. */
export interface TrialHostOptions {
  post: (event: TrialWorkerEvent) => void;
  createBackend: (choice: BackendChoice) => Promise<Backend>;
  /** Returns to the event loop so a 'stop' message can be handled mid-epoch. */
  yieldToHost: () => Promise<void>;
}

/** A trial worker's message handler. */
export interface TrialHost {
  handle(message: unknown): void;
}

/** The error as it crosses to the pool. */
export function toWireError(e: unknown): TrialWireError {
  if (isUserError(e)) return { name: e.name, code: e.code, message: e.message };
  if (e instanceof Error) return { name: e.name, code: 'sweep/trial-crashed', message: e.message };
  return { name: 'Error', code: 'sweep/trial-crashed', message: String(e) };
}

/** Create the handler of one trial worker. */
export function createTrialHost(o: TrialHostOptions): TrialHost {
  let data: TrainingData | null = null;
  let backend: Promise<Backend> | null = null;
  let chain: Promise<void> = Promise.resolve();
  const controls = new Map<number, TrainControl>();

  const run = async (job: TrialJob) => {
    const control = new TrainControl();
    controls.set(job.trial, control);
    try {
      if (!data || !backend) throw new Error("Internal error (please report): a trial worker got 'run' before 'init'.");
      const result = await trainTrialJob(job, {
        data,
        backend: await backend,
        control,
        yieldToHost: o.yieldToHost,
        onEpoch: (summary) => o.post({ type: 'epoch', trial: job.trial, summary }),
        onProgress: (progress) => o.post({ type: 'progress', trial: job.trial, progress }),
      });
      o.post({ type: 'done', trial: job.trial, result });
    } catch (e) {
      o.post({ type: 'failed', trial: job.trial, error: toWireError(e) });
    } finally {
      controls.delete(job.trial);
    }
  };

  return {
    handle(message) {
      let request;
      try {
        request = parseTrialWorkerRequest(message);
      } catch (e) {
        const trial =
          typeof message === 'object' && message !== null && 'job' in message
            ? (message.job as { trial?: unknown }).trial
            : null;
        o.post({ type: 'failed', trial: typeof trial === 'number' ? trial : null, error: toWireError(e) });
        return;
      }
      if (!request) {
        o.post({
          type: 'failed',
          trial: null,
          error: {
            name: 'Error',
            code: 'sweep/bad-message',
            message: 'Internal error (please report): a trial worker got a malformed message.',
          },
        });
        return;
      }
      switch (request.type) {
        case 'init': {
          data = request.data;
          backend = o.createBackend(request.backend);
          backend.then(
            (b) => o.post({ type: 'ready', backend: b.label }),
            (e: unknown) => o.post({ type: 'failed', trial: null, error: toWireError(e) }),
          );
          return;
        }
        case 'run': {
          const job = request.job;
          chain = chain.then(() => run(job));
          return;
        }
        case 'stop': {
          // A stop for a step that already ended has nothing left to stop.
          controls.get(request.trial)?.stop();
          return;
        }
      }
    },
  };
}
