import { describe, expect, it } from 'vitest';
import type { DatasetSummary, NetworkSpec, TableInfo } from '../../engine/protocol/index.ts';
import { changedSince, continueBlocker, continueNotes, parseMoreEpochs, type ContinuableRun } from './continue-run.ts';

const summary: DatasetSummary = {
  task: { kind: 'classification', classes: ['a', 'b'] },
  featureNames: ['x'],
  rows: { train: 100, validation: 20, test: 28 },
  droppedRows: 2,
  warnings: [],
};
const spec: NetworkSpec = {
  layers: [
    { id: 'dense_1', type: 'dense', units: 8 },
    { id: 'output', type: 'dense', units: 'auto' },
  ],
  training: { epochs: 30, seed: 42, optimizer: { type: 'adam', learningRate: 0.01 }, schedule: { type: 'constant' } },
};
const run = (patch: Partial<ContinuableRun> = {}): ContinuableRun => ({
  name: 'Run 1',
  status: 'done',
  isActive: false,
  hasModel: true,
  summary,
  settings: { target: 'species', columns: {} },
  spec,
  history: Array.from({ length: 30 }),
  stopReason: 'completed',
  bestEpoch: 30,
  ...patch,
});
const table = (patch: Partial<TableInfo> = {}): TableInfo => ({
  name: 'iris.csv',
  rows: 150,
  columns: [{ name: 'species' }, { name: 'x' }] as TableInfo['columns'],
  delimiter: ',',
  encoding: 'utf-8',
  reading: { decimal: '.', dateOrder: null },
  dateOrderFound: 'none',
  warnings: [],
  ...patch,
});

describe('continueBlocker', () => {
  it('lets a run with weights continue on its own dataset', () => {
    expect(continueBlocker(run(), { activeRun: null, table: table() })).toBeNull();
    expect(continueBlocker(run({ stopReason: 'stopped' }), { activeRun: null, table: table() })).toBeNull();
  });

  it('says why not: another run trains, no weights, no or another dataset', () => {
    expect(continueBlocker(run(), { activeRun: { name: 'Run 3' }, table: table() })).toBe(
      'Run 3 is training. Wait for it to end, or stop it, to continue Run 1.',
    );
    expect(continueBlocker(run({ hasModel: false, status: 'failed' }), { activeRun: null, table: table() })).toBe(
      'Run 1 failed, so it has no trained weights to continue from. Start a new run instead.',
    );
    expect(continueBlocker(run(), { activeRun: null, table: null })).toBe(
      'Load the dataset Run 1 was trained on (Data view) to continue it.',
    );
    expect(
      continueBlocker(run(), {
        activeRun: null,
        table: table({ name: 'penguins.csv', columns: [{ name: 'island' }] as TableInfo['columns'] }),
      }),
    ).toBe(
      "The loaded dataset (penguins.csv) has no column 'species', which Run 1 predicts, so its weights do not fit it. Load the dataset Run 1 was trained on (Data view).",
    );
    expect(continueBlocker(run(), { activeRun: null, table: table({ rows: 149 }) })).toBe(
      'The loaded dataset (iris.csv, 149 rows) is not the one Run 1 was trained on (150 rows), so its weights may not fit it. Load that dataset (Data view).',
    );
    const lacks =
      "The loaded dataset lacks the column 'x' that the model was trained on, so it cannot be evaluated on it.";
    expect(continueBlocker(run({ opened: { dataProblem: lacks } }), { activeRun: null, table: table() })).toBe(lacks);
  });
});

describe('parseMoreEpochs', () => {
  it('takes a whole number of 1 or more, else says what to enter', () => {
    expect(parseMoreEpochs(' 12 ')).toEqual({ epochs: 12, error: null });
    expect(parseMoreEpochs('0')).toEqual({ epochs: null, error: 'Enter a whole number of epochs, 1 or more (not 0).' });
    expect(parseMoreEpochs('2.5').error).toBe('Enter a whole number of epochs, 1 or more (not 2.5).');
    expect(parseMoreEpochs('').error).toBe('Enter a whole number of epochs, 1 or more.');
  });
});

describe('what continuing says', () => {
  it('names what changed since the run, whatever order the settings were written in', () => {
    const reordered: NetworkSpec = {
      layers: spec.layers,
      training: {
        schedule: { type: 'constant' },
        optimizer: { learningRate: 0.01, type: 'adam' },
        seed: 42,
        epochs: 80,
      },
    };
    expect(changedSince(run(), { spec: reordered, settings: { columns: {}, target: 'species' } })).toEqual([]);
    const edited: NetworkSpec = {
      layers: [{ ...spec.layers[0]!, units: 16 } as NetworkSpec['layers'][number], spec.layers[1]!],
      training: { ...spec.training, optimizer: { type: 'sgd', learningRate: 0.1 } },
    };
    expect(
      changedSince(run(), {
        spec: edited,
        settings: { target: 'species', columns: {}, split: { validation: 0.2, test: 0.2 } },
      }),
    ).toEqual(['network', 'training settings', 'data settings']);
    expect(continueNotes(run(), 10, ['network', 'data settings'])).toEqual([
      "The network and data settings changed since Run 1; continuing uses Run 1's own, which its weights fit. Start training for a run with the new ones.",
    ]);
  });

  it('says where restored weights come from, and that a cosine schedule is spread over the new total', () => {
    const early = run({
      stopReason: 'earlyStopping',
      bestEpoch: 22,
      spec: { ...spec, training: { ...spec.training, earlyStopping: { patience: 8 } } },
    });
    expect(continueNotes(early, 10, [])).toEqual([
      'It goes on from the weights of epoch 22 (the best, which early stopping kept), counting from epoch 31.',
    ]);
    const cosine = run({ spec: { ...spec, training: { ...spec.training, schedule: { type: 'cosine' } } } });
    expect(continueNotes(cosine, 10, [])).toEqual([
      'The cosine schedule is spread over all 40 epochs, so the learning rate rises again at epoch 31.',
    ]);
    expect(continueNotes(run(), 10, [])).toEqual([]);
  });
});
