/** Pause, resume and stop a run from outside (the worker's message handler, the CLI's Ctrl+C). */

/** Run state as seen by the UI. */
export type RunState = 'running' | 'paused' | 'stopped';

/** Shared switch between the caller and the training loop; the loop checks it between batches. */
export class TrainControl {
  private current: RunState = 'running';
  private wake: (() => void) | null = null;

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
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    return this.current === 'running';
  }

  private release(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
