/** Messages between the harness page, its worker and the Playwright spec. */
import type { CaseResult } from '../../engine/backend/gpujs/conformance/index.ts';
import type { GpuJsMode, GpuJsModeProbe } from '../../engine/backend/gpujs/index.ts';

/** What the spec asks the worker to do. */
export type HarnessRequest =
  /** Which gpu.js modes work in this worker. */
  | { type: 'probe' }
  /** The conformance cases (op by op, and the short training runs) on `mode` against the CPU reference. */
  | { type: 'ops'; mode: GpuJsMode; only?: string; threads?: boolean }
  /** Train on a CSV dataset on `mode` and on the CPU reference. */
  | { type: 'dataset'; mode: GpuJsMode; name: string; csv: string }
  /**
   * The wasm backend on 2 threads (helpers as module workers on shared memory, as the app's engine worker
   * runs it): every conformance case against the CPU reference, then epochs of a W1-shaped network so the
   * multiplies are split between the threads.
   */
  | { type: 'wasm-threads' }
  /** Lose the device mid-run and report what sync() and read() throw. */
  | { type: 'lost'; mode: GpuJsMode }
  /** Manual timing runs (never asserted): epochs of an MLP on random data, per-epoch milliseconds as results. */
  | { type: 'time'; mode: GpuJsMode | 'reference'; rows: number; layers: number[]; batchSize: number; epochs: number };

/** What a lost-device drill observed. */
export interface LostReport {
  /** Values read before the loss (must be right). */
  before: number[];
  syncError: { name: string; code: string; message: string } | null;
  readError: { name: string; code: string; message: string } | null;
  /** Whether enqueuing ops after the loss threw at the call (it must not). */
  enqueueThrew: boolean;
}

/** The worker's answer. */
export type HarnessResponse =
  | {
      ok: true;
      label: string | null;
      results: CaseResult[];
      probes: GpuJsModeProbe[];
      lost: LostReport | null;
      ms: number;
      kernels: number;
      /** wasm-threads: how the helper threads shared the work. */
      threads?: { count: number; jobs: number; chunks: number; helped: number };
    }
  | { ok: false; error: string };

/** The page's API for the spec. */
export interface Harness {
  run(request: HarnessRequest): Promise<HarnessResponse>;
}
