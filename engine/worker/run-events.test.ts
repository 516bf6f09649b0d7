import { describe, expect, it } from 'vitest';
import type { EngineEvent, EpochRecord } from '../protocol/index.ts';
import { FLUSH_MS, RunEvents } from './run-events.ts';

const epoch = (n: number): EpochRecord => ({
  epoch: n,
  epochs: 10,
  loss: 1 / n,
  metrics: {},
  valLoss: null,
  valMetrics: null,
  learningRate: 0.1,
  elapsedMs: 1,
  layers: [],
});
const progress = (epochN: number) => ({
  epoch: epochN,
  epochs: 10,
  batch: 1,
  batches: 1,
  loss: 1,
  rowsPerSecond: 1,
  elapsedMs: 1,
});

describe('RunEvents', () => {
  it('coalesces epochs and keeps only the latest progress between flushes', () => {
    const posted: EngineEvent[] = [];
    let now = 1000;
    const events = new RunEvents(
      'r1',
      (e) => posted.push(e),
      () => now,
    );
    events.epoch(epoch(1));
    expect(posted.map((e) => e.type)).toEqual(['train/epoch']);
    for (let n = 2; n <= 5; n++) {
      now += 1;
      events.progress(progress(n));
      events.epoch(epoch(n));
    }
    expect(posted).toHaveLength(1);
    now += FLUSH_MS;
    events.epoch(epoch(6));
    const batch = posted[1];
    expect(batch?.type === 'train/epoch' && batch.summaries.map((s) => s.epoch)).toEqual([2, 3, 4, 5, 6]);
    expect(posted[2]?.type === 'train/progress' && posted[2].epoch).toBe(5);
    events.flush();
    expect(posted).toHaveLength(3);
  });
});
