/**
 * The UI's handle on the engine worker: typed requests that resolve with their reply event, run
 * listeners for live training events, and crash detection. Every message from the worker is validated.
 */
import {
  parseEvent, REPLY_TYPE, transferablesOf,
  type EngineEvent, type EngineRequest, type ReplyOf, type RequestType, type WireError,
} from '../../engine/protocol/index.ts';
import type { BackendChoice } from '../../engine/spec/types.ts';
import { errorMessage } from '../lib/error-message.ts';

/** A request without its `id` (the client numbers requests). */
export type RequestBody<T extends RequestType = RequestType> =
  T extends RequestType ? Omit<Extract<EngineRequest, { type: T }>, 'id'> : never;

/** Live events of a training run. */
export type RunEvent = Extract<EngineEvent, { runId: unknown }>;

/** Live events of a sweep. */
export type SweepLiveEvent = Extract<EngineEvent, { type: 'sweep/events' | 'sweep/failed' }>;

/** A request the engine answered with an error; `wire` keeps its code, path and problems. */
export class EngineRequestError extends Error {
  readonly wire: WireError;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.wire = wire;
  }
}

interface Pending {
  expect: string;
  resolve: (e: EngineEvent) => void;
  reject: (e: Error) => void;
  onProgress?: (e: Extract<EngineEvent, { type: 'data/progress' }>) => void;
}

/** Creates the engine worker. Separate so tests can pass a fake. */
export type WorkerFactory = () => Worker;

/** Default factory: the bundled module worker. */
const createEngineWorker: WorkerFactory = () =>
  new Worker(new URL('../../engine/worker/worker.ts', import.meta.url), { type: 'module', name: 'backprop-engine' });

/** Client of one engine worker; `restart()` replaces a crashed worker. */
export class EngineClient {
  #factory: WorkerFactory;
  #worker: Worker;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #runListeners = new Map<string, Set<(e: RunEvent) => void>>();
  #sweepListeners = new Map<string, Set<(e: SweepLiveEvent) => void>>();
  #crashListeners = new Set<(message: string) => void>();
  #readyResolve: (backends: BackendChoice[]) => void = () => {};
  /** Resolves with the backends the browser offers once the worker has started. */
  ready: Promise<BackendChoice[]>;

  constructor(factory: WorkerFactory = createEngineWorker) {
    this.#factory = factory;
    this.ready = new Promise((r) => { this.#readyResolve = r; });
    this.#worker = this.#start();
  }

  #start(): Worker {
    const worker = this.#factory();
    worker.addEventListener('message', (e: MessageEvent<unknown>) => this.#receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      this.#crash(`The engine stopped unexpectedly (${e.message || 'worker error'}).`);
    });
    worker.addEventListener('messageerror', () => this.#crash('The engine sent a message that could not be read.'));
    return worker;
  }

  /** Send a request; resolves with its reply, rejects with EngineRequestError. */
  request<B extends RequestBody>(
    body: B,
    onProgress?: Pending['onProgress'],
  ): Promise<ReplyOf[B['type']]> {
    const id = this.#nextId++;
    const message = { ...body, id } as EngineRequest;
    return new Promise<ReplyOf[B['type']]>((resolve, reject) => {
      const pending: Pending = { expect: REPLY_TYPE[body.type], resolve: resolve as (e: EngineEvent) => void, reject };
      if (onProgress) pending.onProgress = onProgress;
      this.#pending.set(id, pending);
      this.#worker.postMessage(message, transferablesOf(message));
    });
  }

  /** Listen to a run's live events; returns the unsubscribe function. */
  onRun(runId: string, listener: (e: RunEvent) => void): () => void {
    let set = this.#runListeners.get(runId);
    if (!set) this.#runListeners.set(runId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#runListeners.delete(runId);
    };
  }

  /** Listen to a sweep's live events; returns the unsubscribe function. */
  onSweep(sweepId: string, listener: (e: SweepLiveEvent) => void): () => void {
    let set = this.#sweepListeners.get(sweepId);
    if (!set) this.#sweepListeners.set(sweepId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#sweepListeners.delete(sweepId);
    };
  }

  /** Listen for worker crashes; returns the unsubscribe function. */
  onCrash(listener: (message: string) => void): () => void {
    this.#crashListeners.add(listener);
    return () => this.#crashListeners.delete(listener);
  }

  /** Replace the worker (after a crash); its state (table, runs) is gone and must be sent again. */
  restart(): void {
    this.#worker.terminate();
    this.ready = new Promise((r) => { this.#readyResolve = r; });
    this.#worker = this.#start();
  }

  /** Stop the worker for good. */
  dispose(): void {
    this.#worker.terminate();
    this.#failAll('The engine was shut down.');
  }

  #crash(message: string): void {
    this.#failAll(message);
    for (const l of this.#crashListeners) l(message);
  }

  #failAll(message: string): void {
    const wire: WireError = { name: 'EngineStoppedError', code: 'engine/crashed', path: '', message, problems: [] };
    for (const p of this.#pending.values()) p.reject(new EngineRequestError(wire));
    this.#pending.clear();
  }

  #receive(data: unknown): void {
    let event: EngineEvent;
    try {
      event = parseEvent(data);
    } catch (e) {
      this.#crash(errorMessage(e));
      return;
    }
    if (event.type === 'ready') {
      this.#readyResolve(event.backends);
      return;
    }
    if (event.type === 'data/progress') {
      this.#pending.get(event.id)?.onProgress?.(event);
      return;
    }
    if ('id' in event && event.id !== null) {
      const pending = this.#pending.get(event.id);
      if (pending && (event.type === pending.expect || event.type === 'error')) {
        this.#pending.delete(event.id);
        if (event.type === 'error') pending.reject(new EngineRequestError(event.error));
        else pending.resolve(event);
        return;
      }
    }
    if ('runId' in event && event.runId !== null) {
      const listeners = this.#runListeners.get(event.runId);
      if (listeners) for (const l of listeners) l(event as RunEvent);
    }
    if (event.type === 'sweep/events' || event.type === 'sweep/failed') {
      const listeners = this.#sweepListeners.get(event.sweepId);
      if (listeners) for (const l of listeners) l(event);
    }
  }
}
