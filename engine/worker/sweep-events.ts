/**
 * Coalesces a sweep's live events before posting them: everything that happened in the last FLUSH_MS
 * goes out as one `sweep/events` message, with only the latest `trial/progress` of each running trial.
 * Records lose their histories on the way (each `trial/epoch` already carried its epoch) and epoch
 * summaries their per-layer norms, so a long sweep's messages stay small. `sweep/done` flushes at once.
 */
import type { EngineEvent } from '../protocol/index.ts';
import type { SweepEvent, SweepResult, TrialRecord } from '../sweep/index.ts';

type Post = (event: EngineEvent) => void;
type Progress = Extract<SweepEvent, { type: 'trial/progress' }>;

/** Posts at most this often while a sweep streams events. */
export const SWEEP_FLUSH_MS = 100;

/** A copy of a record without its history (the runner keeps mutating the original). */
function bare(r: TrialRecord): TrialRecord {
  return { ...r, params: { ...r.params }, metrics: { ...r.metrics }, history: [] };
}

/** The event as it crosses the wire, copied so later changes to the runner's records do not leak in. */
export function wireSweepEvent(e: SweepEvent): SweepEvent {
  switch (e.type) {
    case 'trial/epoch':
      return { ...e, summary: { ...e.summary, layers: [] } };
    case 'trial/rung':
    case 'trial/done':
    case 'trial/pruned':
    case 'trial/failed':
    case 'trial/cancelled':
    case 'sweep/best':
      return { ...e, record: bare(e.record) };
    case 'sweep/done': {
      const result: SweepResult = {
        ...e.result,
        trials: e.result.trials.map(bare),
        best: e.result.best ? bare(e.result.best) : null,
      };
      return { ...e, result };
    }
    default:
      return e;
  }
}

/** The live-event buffer of one sweep. */
export class SweepEvents {
  #events: SweepEvent[] = [];
  #progress = new Map<number, Progress>();
  #last = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly sweepId: string,
    private readonly post: Post,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one event from the runner. */
  push(e: SweepEvent): void {
    if (e.type === 'trial/progress') {
      this.#progress.set(e.trial, e);
    } else {
      // A trial that ended (or reached a rung) has no progress left to show.
      if ('record' in e) this.#progress.delete(e.record.trial);
      this.#events.push(wireSweepEvent(e));
    }
    if (e.type === 'sweep/done') this.flush();
    else this.#maybeFlush();
  }

  /** Post everything buffered now. */
  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#last = this.now();
    if (this.#events.length === 0 && this.#progress.size === 0) return;
    const events = [...this.#events, ...this.#progress.values()];
    this.#events = [];
    this.#progress.clear();
    this.post({ type: 'sweep/events', sweepId: this.sweepId, events });
  }

  #maybeFlush(): void {
    if (this.now() - this.#last >= SWEEP_FLUSH_MS) this.flush();
    // A backstop for when the sweep goes quiet (one long epoch): fires once the loop yields.
    else if (this.#timer === null) this.#timer = setTimeout(() => this.flush(), SWEEP_FLUSH_MS);
  }
}
