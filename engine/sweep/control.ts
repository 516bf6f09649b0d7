/** Cancel a whole sweep or one trial from outside (the Sweep view's buttons, the CLI's Ctrl+C). */

/** What the runner does when asked. */
export interface SweepControlHandler {
  cancel(): void;
  cancelTrial(trial: number): void;
}

/** Shared switch between the host and a running sweep. */
export class SweepControl {
  private handler: SweepControlHandler | null = null;
  private cancelledEarly = false;
  private readonly trialsEarly: number[] = [];

  /** Stop every running trial after its current batch and start no more; the sweep resolves with what it has. */
  cancel(): void {
    if (this.handler) this.handler.cancel();
    else this.cancelledEarly = true;
  }

  /** Stop one trial (running, queued or waiting between halving rungs); it is recorded as cancelled and the sweep goes on. */
  cancelTrial(trial: number): void {
    if (this.handler) this.handler.cancelTrial(trial);
    else this.trialsEarly.push(trial);
  }

  /** Called by the runner when it starts; requests made before then are replayed. */
  attach(handler: SweepControlHandler): void {
    this.handler = handler;
    for (const t of this.trialsEarly.splice(0)) handler.cancelTrial(t);
    if (this.cancelledEarly) handler.cancel();
  }

  /** Called by the runner when it ends. */
  detach(): void {
    this.handler = null;
  }
}
