/**
 * A trial executor over a pool of workers, free of Node and DOM: the host gives `spawn`, which starts one
 * worker (worker_threads in Node, a Web Worker in the browser) and wraps it as a TrialPort. Each worker
 * gets the data once, builds its own backend, and trains one step at a time. A worker that crashes fails
 * its step (the sweep goes on) and is replaced.
 */
import type { BackendChoice } from '../spec/index.ts';
import type { TrainingData } from '../train/index.ts';
import type { TrialExecutor, TrialHooks, TrialJob, TrialJobResult } from './executor.ts';
import { parseTrialWorkerEvent, type TrialWireError, type TrialWorkerRequest } from './wire.ts';

/** One worker as the pool sees it. */
export interface TrialPort {
  post(message: TrialWorkerRequest): void;
  /** Register the handlers (once): every message, and the worker's unexpected end. */
  listen(onMessage: (message: unknown) => void, onExit: (error: Error) => void): void;
  terminate(): Promise<void>;
}

/** Options of the pool. */
export interface PoolOptions {
  /** Workers (the sweep's concurrency). */
  size: number;
  spawn: () => TrialPort;
  data: TrainingData;
  backend: BackendChoice;
}

/** A pool executor, plus the backend its workers report once started. */
export interface PoolExecutor extends TrialExecutor {
  /** Resolves with the first worker's backend label (e.g. "WebAssembly SIMD · 1 thread"); rejects when workers cannot start. */
  ready: Promise<string>;
}

/** Why a step failed in a worker, with the engine's error code. */
export class TrialWorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TrialWorkerError';
  }
}

interface Pending {
  job: TrialJob;
  hooks: TrialHooks;
  resolve: (r: TrialJobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  port: TrialPort;
  ready: boolean;
  current: Pending | null;
}

/** Crashes tolerated per worker slot before the pool gives up. */
const MAX_RESTARTS = 3;

/** Start `size` workers and train trial steps on them. */
export function createPoolExecutor(o: PoolOptions): PoolExecutor {
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let restarts = 0;
  let fatal: Error | null = null;
  let closed = false;
  let announce: (label: string) => void = () => {};
  let refuse: (e: Error) => void = () => {};
  const ready = new Promise<string>((resolve, reject) => {
    announce = resolve;
    refuse = reject;
  });
  ready.catch(() => {});

  const fail = (e: Error) => {
    fatal = e;
    refuse(e);
    for (const p of queue.splice(0)) p.reject(e);
    for (const s of slots)
      if (s.current) {
        s.current.reject(e);
        s.current = null;
      }
  };

  const dispatch = () => {
    for (const s of slots) {
      if (!s.ready || s.current || queue.length === 0) continue;
      s.current = queue.shift() as Pending;
      s.port.post({ type: 'run', job: s.current.job });
    }
  };

  const fromWire = (e: TrialWireError) => new TrialWorkerError(e.code, e.message);

  const start = (): Slot => {
    const slot: Slot = { port: o.spawn(), ready: false, current: null };
    slot.port.listen(
      (raw) => {
        const event = parseTrialWorkerEvent(raw);
        const current = slot.current;
        if (!event) {
          current?.reject(
            new TrialWorkerError(
              'sweep/bad-message',
              'Internal error (please report): a trial worker sent a malformed message.',
            ),
          );
          slot.current = null;
        } else if (event.type === 'ready') {
          slot.ready = true;
          announce(event.backend);
        } else if (event.type === 'epoch') {
          if (current && current.job.trial === event.trial) current.hooks.onEpoch(event.summary);
          return;
        } else if (event.type === 'progress') {
          if (current && current.job.trial === event.trial) current.hooks.onProgress?.(event.progress);
          return;
        } else if (event.type === 'done' && current && current.job.trial === event.trial) {
          slot.current = null;
          current.resolve(event.result);
        } else if (event.type === 'failed') {
          if (event.trial === null) return fail(fromWire(event.error));
          slot.current = null;
          current?.reject(fromWire(event.error));
        }
        dispatch();
      },
      (error) => {
        if (closed) return;
        slot.current?.reject(
          new TrialWorkerError('sweep/worker-crashed', `The trial's worker stopped unexpectedly (${error.message}).`),
        );
        slot.current = null;
        slot.ready = false;
        const i = slots.indexOf(slot);
        if (++restarts > MAX_RESTARTS * o.size)
          return fail(
            new TrialWorkerError(
              'sweep/worker-crashed',
              `Trial workers keep stopping unexpectedly (last: ${error.message}).`,
            ),
          );
        slots[i] = start();
      },
    );
    slot.port.post({ type: 'init', data: o.data, backend: o.backend });
    return slot;
  };
  for (let i = 0; i < Math.max(1, o.size); i++) slots.push(start());

  return {
    ready,
    run(job, hooks) {
      let resolve: (r: TrialJobResult) => void = () => {};
      let reject: (e: Error) => void = () => {};
      const result = new Promise<TrialJobResult>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const pending: Pending = { job, hooks, resolve, reject };
      if (fatal) reject(fatal);
      else {
        queue.push(pending);
        dispatch();
      }
      return {
        result,
        stop: () => {
          const i = queue.indexOf(pending);
          if (i >= 0) {
            queue.splice(i, 1);
            resolve({ history: [], weights: null, optimizer: null, stopReason: 'stopped', bestEpoch: 0 });
          } else {
            slots.find((s) => s.current === pending)?.port.post({ type: 'stop', trial: job.trial });
          }
        },
      };
    },
    async close() {
      closed = true;
      const e = new TrialWorkerError('sweep/closed', 'The sweep was closed while this trial was waiting.');
      for (const p of queue.splice(0)) p.reject(e);
      await Promise.all(slots.map((s) => s.port.terminate()));
    },
  };
}
