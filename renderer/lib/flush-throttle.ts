/**
 * Applies buffered live updates at most once per animation frame and at most every `intervalMs`, so a
 * fast run or sweep never makes the UI thread do more than one update per frame.
 */
export class FlushThrottle {
  #frame = 0;
  #timer = 0;
  #last = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly apply: () => void,
  ) {}

  /** Ask for an apply on a coming frame (no-op when one is already pending). */
  schedule(): void {
    if (this.#frame || this.#timer) return;
    const wait = this.#last + this.intervalMs - performance.now();
    const next = (): void => {
      this.#frame = requestAnimationFrame(() => this.flush());
    };
    if (wait > 0) {
      this.#timer = window.setTimeout(() => {
        this.#timer = 0;
        next();
      }, wait);
    } else {
      next();
    }
  }

  /** Apply now, cancelling any pending apply. */
  flush(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    if (this.#timer) clearTimeout(this.#timer);
    this.#frame = 0;
    this.#timer = 0;
    this.#last = performance.now();
    this.apply();
  }
}
