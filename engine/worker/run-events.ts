/**
 * Coalesces a run's live events before posting them: the latest progress and every finished epoch go
 * out together at most every FLUSH_MS, so a fast run does not flood the UI thread with messages.
 * Diagnostics and the end of the run flush at once.
 */
import type { EngineEvent, EpochRecord } from '../protocol/index.ts';

type Post = (event: EngineEvent) => void;
type Progress = Extract<EngineEvent, { type: 'train/progress' }>;

/** Posts at most this often while a run streams events. */
export const FLUSH_MS = 50;

/** The live-event buffer of one run. */
export class RunEvents {
  #epochs: EpochRecord[] = [];
  #progress: Progress | null = null;
  #last = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly runId: string,
    private readonly post: Post,
    private readonly now: () => number = Date.now,
  ) {}

  /** Batch progress: only the latest is kept. */
  progress(p: Omit<Progress, 'type' | 'runId'>): void {
    this.#progress = { ...p, type: 'train/progress', runId: this.runId };
    this.#maybeFlush();
  }

  /** A finished epoch. */
  epoch(summary: EpochRecord): void {
    this.#epochs.push(summary);
    this.#maybeFlush();
  }

  /** Post everything buffered now (before a diagnostic, a pause, or the end of the run). */
  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#last = this.now();
    if (this.#epochs.length) {
      this.post({ type: 'train/epoch', runId: this.runId, summaries: this.#epochs });
      this.#epochs = [];
    }
    if (this.#progress) {
      this.post(this.#progress);
      this.#progress = null;
    }
  }

  #maybeFlush(): void {
    if (this.now() - this.#last >= FLUSH_MS) {
      this.flush();
    } else if (this.#timer === null) {
      // A backstop for when the run goes quiet (paused, or one long epoch): fires when the loop yields.
      this.#timer = setTimeout(() => this.flush(), FLUSH_MS);
    }
  }
}
