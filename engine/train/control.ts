/** Pause, resume and stop a run from outside (the worker's message handler, the CLI's Ctrl+C). */
import type { Backend } from '../backend/backend.ts';
import { RunError } from '../errors.ts';
import { trainMessages } from './messages.ts';
import type { WeightTensor } from './types.ts';

/** Run state as seen by the UI. */
export type RunState = 'running' | 'paused' | 'stopped';

/** What a run offers for inspection: its backend and its current weights (a `Network` fits). */
export interface RunWeightsSource {
  readonly backend: Backend;
  readWeights(): Promise<WeightTensor[]>;
}

/** Where a run is: `batch` of its `batches` batches of epoch `epoch` (from 1) are done. */
export interface RunPosition {
  epoch: number;
  batch: number;
  batches: number;
}

/** Shared switch between the caller and the training loop; the loop checks it between batches. */
export class TrainControl {
  private current: RunState = 'running';
  private wake: (() => void) | null = null;
  private source: (() => RunWeightsSource) | null = null;
  private position: () => RunPosition = () => ({ epoch: 0, batch: 0, batches: 0 });
  /** Callers of `snapshot` waiting for the loop to reach its pause (it may be finishing a batch). */
  private parkWaiters: (() => void)[] = [];
  private isParked = false;

  /** Current state. */
  get state(): RunState {
    return this.current;
  }

  /** Pause after the current batch. */
  pause(): void {
    if (this.current === 'running') this.current = 'paused';
  }

  /** Continue a paused run. */
  resume(): void {
    if (this.current !== 'paused') return;
    this.current = 'running';
    this.release();
  }

  /** Stop after the current batch; the run still returns a usable model. */
  stop(): void {
    this.current = 'stopped';
    this.release();
  }

  /** Called by the loop: waits while paused; resolves false when the run must stop. */
  async checkpoint(): Promise<boolean> {
    while (this.current === 'paused') {
      this.isParked = true;
      this.notifyParked();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    this.isParked = false;
    return this.current === 'running';
  }

  /** Called by the training loop: how to reach its network (the loop may move to another backend). */
  attach(source: () => RunWeightsSource, position?: () => RunPosition): void {
    this.source = source;
    if (position) this.position = position;
  }

  /** Called by the training loop when it ends: its network is gone. */
  detach(): void {
    this.source = null;
    this.notifyParked();
  }

  /**
   * The run's backend and the weights it has reached, for the step-through view. Only while paused: the
   * loop then waits between batches, so no step is half applied.
   */
  async snapshot(): Promise<{ backend: Backend; weights: WeightTensor[]; position: RunPosition }> {
    if (this.current === 'paused' && !this.isParked)
      await new Promise<void>((resolve) => this.parkWaiters.push(resolve));
    if (!this.source) {
      throw new RunError(trainMessages.notRunning());
    }
    if (this.current !== 'paused') {
      throw new RunError(trainMessages.notPaused());
    }
    const network = this.source();
    return { backend: network.backend, weights: await network.readWeights(), position: this.position() };
  }

  private release(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
    // A snapshot waiting for the pause learns that the run went on (and refuses).
    this.notifyParked();
  }

  private notifyParked(): void {
    for (const resolve of this.parkWaiters.splice(0)) resolve();
  }
}
