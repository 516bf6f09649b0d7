import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetSettings, EpochRecord, NetworkSpec } from '../../engine/protocol/index.ts';
import { TrainingRun } from './training-run.svelte.ts';

const settings: DatasetSettings = { target: 'species', columns: {} };
const spec = (epochs: number): NetworkSpec => ({
  layers: [{ id: 'output', type: 'dense', units: 'auto' }],
  training: { epochs },
});
const epoch = (n: number, epochs: number): EpochRecord => ({
  epoch: n,
  epochs,
  loss: 1 / n,
  metrics: {},
  valLoss: null,
  valMetrics: null,
  learningRate: 0.01,
  elapsedMs: 10,
  layers: [],
});

function finished(): TrainingRun {
  const run = TrainingRun.fromRecord({
    id: 'r1',
    name: 'Run 1',
    createdAt: 1,
    spec: spec(3),
    settings,
    status: 'done',
    backend: null,
    summary: null,
    history: [epoch(1, 3), epoch(2, 3), epoch(3, 3)],
    batches: { x: [0.5, 1, 2, 3], loss: [1, 0.9, 0.5, 0.3] },
    diagnostics: [],
    stopReason: 'completed',
    bestEpoch: 3,
    error: null,
    model: '{}',
  });
  return run;
}

describe('TrainingRun.continuing', () => {
  // Live events are applied on an animation frame; the run's end applies them at once, so frames never come here.
  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.stubGlobal('window', { setTimeout: () => 1 });
  });
  afterAll(() => vi.unstubAllGlobals());

  it("starts with the earlier run's epochs, curve and time, so the counter and charts go on from there", () => {
    const from = finished();
    expect(from.continues).toBeNull();
    const run = TrainingRun.continuing(from, { id: 'r2', name: 'Run 2 (continues Run 1)', spec: spec(5) });
    expect(run.continues).toEqual({ runId: 'r1', name: 'Run 1', epochs: 3 });
    expect(run.settings).toBe(from.settings);
    expect(run.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(run.progress).toMatchObject({ epoch: 3, epochs: 5, runMs: 30 });
    run.handle({
      type: 'train/progress',
      runId: 'r2',
      epoch: 4,
      epochs: 5,
      batch: 1,
      batches: 2,
      loss: 0.2,
      rowsPerSecond: 100,
      elapsedMs: 4,
    });
    run.handle({ type: 'train/epoch', runId: 'r2', summaries: [epoch(4, 5)] });
    run.handle({
      type: 'train/done',
      runId: 'r2',
      stopReason: 'completed',
      bestEpoch: 4,
      backend: 'CPU',
      weights: [],
      spec: spec(5),
      error: null,
    });
    expect(run.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4]);
    expect(run.batches.x).toEqual([0.5, 1, 2, 3, 3.5]);
    expect(run.progress).toMatchObject({ epoch: 4, epochs: 5, runMs: 34 });
    // The earlier run is left as it was.
    expect(from.history).toHaveLength(3);
  });

  it('keeps the link in the project file, and older records read as continuing nothing', () => {
    const run = TrainingRun.continuing(finished(), { id: 'r2', name: 'Run 2 (continues Run 1)', spec: spec(5) });
    const record = run.toRecord();
    expect(record.continues).toEqual({ runId: 'r1', name: 'Run 1', epochs: 3 });
    expect(TrainingRun.fromRecord(record).continues).toEqual({ runId: 'r1', name: 'Run 1', epochs: 3 });
    const { continues: _, ...old } = record;
    expect(TrainingRun.fromRecord(old).continues).toBeNull();
  });

  it('a run still training is written with its epochs so far as an interrupted, stopped run', () => {
    const run = new TrainingRun({ id: 'r3', name: 'Run 3', spec: spec(100), settings });
    run.handle({ type: 'train/epoch', runId: 'r3', summaries: [epoch(1, 100), epoch(2, 100)] });
    // Frames never come in tests: a record of a run at rest applies the buffered epochs, as a frame would.
    run.status = 'done';
    run.toRecord();
    run.status = 'running';
    run.handle({
      type: 'train/progress',
      runId: 'r3',
      epoch: 3,
      epochs: 100,
      batch: 1,
      batches: 2,
      loss: 0.2,
      rowsPerSecond: 100,
      elapsedMs: 4,
    });
    const record = run.toRecord();
    // As shown: the epochs applied so far, without the per-batch curve.
    expect(record.batches).toEqual({ x: [], loss: [] });
    expect(record).toMatchObject({ status: 'done', stopReason: 'stopped', model: null, interrupted: 'unreported' });
    expect(record.history.map((h) => h.epoch)).toEqual([1, 2]);
    const restored = TrainingRun.fromRecord(record);
    expect(restored.interrupted).toBe('unreported');
    expect(restored.isActive).toBe(false);
    expect(restored.hasModel).toBe(false);
    // A finished run is not marked.
    expect(finished().toRecord().interrupted).toBeUndefined();
  });

  it('keeps the dataset a run was trained on; a continuation inherits it; older records know none', () => {
    const run = new TrainingRun({ id: 'r4', name: 'Run 4', spec: spec(3), settings, dataset: 'iris.csv' });
    expect(TrainingRun.fromRecord(run.toRecord()).dataset).toBe('iris.csv');
    expect(TrainingRun.continuing(run, { id: 'r5', name: 'Run 5 (continues Run 4)', spec: spec(5) }).dataset).toBe(
      'iris.csv',
    );
    const { dataset: _, ...old } = run.toRecord();
    expect(TrainingRun.fromRecord(old).dataset).toBeNull();
  });
});

describe('TrainingRun live state', () => {
  // Frames never come here: what is shown without one is what the user sees at that moment.
  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.stubGlobal('window', { setTimeout: () => 1 });
  });
  afterAll(() => vi.unstubAllGlobals());

  const progress = (n: number) =>
    ({
      type: 'train/progress',
      runId: 'r1',
      epoch: n,
      epochs: 100,
      batch: 2,
      batches: 2,
      loss: 0.2,
      rowsPerSecond: 100,
      elapsedMs: 4,
    }) as const;

  it('shows the epochs the worker sent before it paused together with "Paused", not a frame later', () => {
    const run = new TrainingRun({ id: 'r1', name: 'Run 1', spec: spec(100), settings });
    run.setState('running');
    run.handle({ type: 'train/epoch', runId: 'r1', summaries: [epoch(1, 100), epoch(2, 100)] });
    run.handle(progress(2));
    // Still waiting for a frame while it trains.
    expect(run.history).toHaveLength(0);
    run.handle({ type: 'train/state', id: 1, runId: 'r1', state: 'paused' });
    expect(run.status).toBe('paused');
    expect(run.history.map((h) => h.epoch)).toEqual([1, 2]);
    expect(run.progress?.epoch).toBe(2);

    // The pause request's answer does the same.
    run.setState('running');
    run.handle({ type: 'train/epoch', runId: 'r1', summaries: [epoch(3, 100)] });
    run.handle(progress(3));
    expect(run.history).toHaveLength(2);
    run.setState('paused');
    expect(run.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(run.progress?.epoch).toBe(3);
  });
});
