/**
 * The ordered op queue. The Backend contract lets ops run later but "as if in call order"; gpu.js's
 * WebGPU kernels (and webasm kernels under the async contract) return Promises, its GL and sync webasm
 * kernels return at once. The queue runs an op immediately while nothing is pending (no Promise cost
 * on the synchronous backends) and chains it otherwise. The first failure is kept: later ops are
 * skipped and `drain` rethrows it, so errors surface from `sync()`/`read()` as the contract says.
 */

/** One enqueued unit of work. */
export type Op = () => void | PromiseLike<void>;

/** Runs ops strictly in order, synchronously when it can. */
export class OpQueue {
  private tail: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  /** The first error an op threw, if any. */
  get failed(): { error: unknown } | null {
    return this.failure;
  }

  /** Run `op` after everything enqueued before it. */
  run(op: Op): void {
    if (this.failure) return;
    if (this.tail === null) {
      let r: void | PromiseLike<void>;
      try {
        r = op();
      } catch (e) {
        this.fail(e);
        return;
      }
      if (r) this.track(Promise.resolve(r));
      return;
    }
    this.track(this.tail.then(() => (this.failure ? undefined : op())));
  }

  /** Resolve once every op enqueued so far has run; rejects with the first failure. */
  async drain(): Promise<void> {
    while (this.tail) await this.tail;
    if (this.failure) throw this.failure.error;
  }

  /** Record `error` as the queue's failure (the first one wins). */
  fail(error: unknown): void {
    this.failure ??= { error };
  }

  private track(p: Promise<void>): void {
    const t: Promise<void> = p.then(
      () => this.settle(t),
      (e: unknown) => {
        this.fail(e);
        this.settle(t);
      },
    );
    this.tail = t;
  }

  private settle(t: Promise<void>): void {
    if (this.tail === t) this.tail = null;
  }
}
