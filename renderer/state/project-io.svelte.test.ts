import { describe, expect, it } from 'vitest';
import type { DatasetSettings, EpochRecord, NetworkSpec } from '../../engine/protocol/index.ts';
import { reportInterrupted } from './project-io.svelte.ts';
import type { RunRecord } from './run-record.ts';
import { TrainingRun } from './training-run.svelte.ts';

const settings: DatasetSettings = { target: 'species', columns: {} };
const spec: NetworkSpec = { layers: [{ id: 'output', type: 'dense', units: 'auto' }], training: { epochs: 9 } };
const epoch = (n: number): EpochRecord => ({
  epoch: n,
  epochs: 9,
  loss: 1 / n,
  metrics: {},
  valLoss: null,
  valMetrics: null,
  learningRate: 0.01,
  elapsedMs: 10,
  layers: [],
});

/** A run as a project file keeps it; `interrupted` as written while it trained, or after it was reported. */
function run(name: string, epochs: number, interrupted?: RunRecord['interrupted']): TrainingRun {
  return TrainingRun.fromRecord({
    id: name,
    name,
    createdAt: 1,
    spec,
    settings,
    status: 'done',
    backend: null,
    summary: null,
    history: Array.from({ length: epochs }, (_, i) => epoch(i + 1)),
    batches: { x: [], loss: [] },
    diagnostics: [],
    stopReason: 'stopped',
    bestEpoch: 0,
    error: null,
    model: null,
    ...(interrupted ? { interrupted } : {}),
  });
}

describe('reportInterrupted', () => {
  it('says nothing when no run was cut off', () => {
    const project = { runs: [run('Run 1', 3), run('Run 2', 2, 'reported')], revision: 4 };
    expect(reportInterrupted(project)).toBeNull();
    expect(project.revision).toBe(4);
  });

  it('names each run cut off by a reload or crash once, with its epochs, and says how to get a model', () => {
    const project = {
      runs: [run('Run 1', 1, 'unreported'), run('Run 2', 5), run('Run 3', 4, 'unreported')],
      revision: 0,
    };
    expect(reportInterrupted(project)).toBe(
      'Run 1 (1 epoch), Run 3 (4 epochs) were still training when the page closed. The epochs so far are kept as a ' +
        'stopped run, but the weights were not saved, so it cannot be evaluated, continued or exported. Train again to get a model.',
    );
    expect(project.runs.map((r) => r.interrupted)).toEqual(['reported', null, 'reported']);
    expect(project.revision).toBe(1);
    expect(reportInterrupted(project)).toBeNull();
  });

  it('says "was" for one run', () => {
    expect(reportInterrupted({ runs: [run('Run 7', 2, 'unreported')], revision: 0 })).toMatch(
      /^Run 7 \(2 epochs\) was still training when the page closed\./,
    );
  });
});
