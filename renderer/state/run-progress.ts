/** A run's progress line: the latest batch while it trains, its last epoch once it rests. */
import type { EpochRecord } from '../../engine/protocol/index.ts';

/** Latest batch progress. */
export interface RunProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Running mean loss over the epoch so far. */
  loss: number;
  rowsPerSecond: number;
  /** Milliseconds since the run started (wall clock, pauses excluded). */
  runMs: number;
}

/**
 * The progress of a run that is not training (restored from a file, or about to continue): its last epoch,
 * complete, out of `epochs` (the last epoch's own count when not given), after the history's training time.
 * Null for a run without epochs.
 */
export function restingProgress(history: readonly EpochRecord[], epochs?: number): RunProgress | null {
  const last = history.at(-1);
  if (!last) return null;
  return {
    epoch: last.epoch,
    epochs: epochs ?? last.epochs,
    batch: 1,
    batches: 1,
    loss: last.loss,
    rowsPerSecond: 0,
    runMs: history.reduce((s, h) => s + h.elapsedMs, 0),
  };
}
