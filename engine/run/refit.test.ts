/** The refit: after early stopping chose the epochs, the final model trains afresh on training + validation rows. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset } from '../data/index.ts';
import { parseModelFile, stringifyModelFile } from '../export/index.ts';
import { parseSpec, type TrainingSpec } from '../spec/index.ts';
import { trainRun, type RunEvent } from './train.ts';

const csv = `x,z,label\n${Array.from({ length: 60 }, (_, i) => `${i % 13},${(i * 7) % 5},${(i % 13) + ((i * 7) % 5) > 8 ? 'a' : 'b'}`).join('\n')}\n`;

async function run(training: TrainingSpec) {
  const spec = parseSpec({
    layers: [
      { id: 'h', type: 'dense', units: 4 },
      { id: 'output', type: 'dense', units: 'auto' },
    ],
    training: { epochs: 6, batchSize: 8, earlyStopping: { patience: 1, minDelta: 10 }, ...training },
  });
  const prepared = prepareDataset(parseCsv(csv), { target: 'label', split: { validation: 0.2, test: 0.2 } }, 3);
  const events: RunEvent[] = [];
  const backend = new CpuBackend();
  const out = await trainRun({ spec, prepared, backend, onEvent: (e) => events.push(e) }).finally(() =>
    backend.destroy(),
  );
  return { ...out, prepared, events };
}

describe('refit on training + validation rows', () => {
  it('refits for the epochs early stopping chose, on the merged rows, says so, and scores the merged rows as train', async () => {
    const { result, model, prepared, events } = await run({});
    const rows = prepared.train.rows + prepared.validation.rows;
    // minDelta 10 means no epoch after the first improves: early stopping keeps epoch 1 and stops once patience runs out
    expect([result.stopReason, result.bestEpoch]).toEqual(['earlyStopping', 1]);
    expect(result.history.length).toBeGreaterThan(1);
    expect(result.refit).toEqual({ epochs: 1, rows });
    const notes = events.flatMap((e) => (e.type === 'diagnostic' ? [e.diagnostic] : []));
    expect(notes.map((d) => [d.kind, d.message])).toEqual([
      [
        'refit',
        `Early stopping chose 1 epoch; training the final model afresh on the training and validation rows together (${rows} rows) for 1 epoch. ` +
          'Its validation rows are now training rows, so judge it by the test split. Set training.refit to false to keep the early-stopped model.',
      ],
    ]);
    expect(Object.keys(model.metrics)).toEqual(['train', 'test']);
    const train = model.metrics.train;
    expect(train?.kind === 'classification' ? train.confusion.flat().reduce((a, b) => a + b, 0) : 0).toBe(rows);
    expect(parseModelFile(JSON.parse(stringifyModelFile(model))).training.refit).toEqual({ epochs: 1, rows });
  });

  it('keeps the early-stopped model with refit off, or without early stopping', async () => {
    for (const training of [{ refit: false }, { earlyStopping: null }]) {
      const { result, model, events } = await run(training);
      expect(result.refit).toBeUndefined();
      expect(Object.keys(model.metrics)).toEqual(['train', 'validation', 'test']);
      expect(events.some((e) => e.type === 'diagnostic' && e.diagnostic.kind === 'refit')).toBe(false);
    }
  });
});
