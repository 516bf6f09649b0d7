/** The worker_threads pool: trials trained in threads match the same training in this thread, and a stop reaches the thread. */
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend/index.ts';
import { parseSpec } from '../spec/index.ts';
import { trainTrialJob, type TrialJob } from '../sweep/index.ts';
import { TrainControl, type TrainingData } from '../train/index.ts';
import { createNodeTrialPool } from './sweep-pool.ts';

const rows = 200;
const x = new Float32Array(rows * 3).map((_, i) => Math.sin(i * 1.7));
const y = new Float32Array(rows).map((_, r) => (x[3 * r] - x[3 * r + 2] > 0 ? 1 : 0));
const data: TrainingData = {
  task: { kind: 'classification', classes: ['no', 'yes'] },
  featureNames: ['a', 'b', 'c'],
  train: { x: x.slice(0, 150 * 3), y: y.slice(0, 150), rows: 150, features: 3 },
  validation: { x: x.slice(150 * 3), y: y.slice(150), rows: 50, features: 3 },
};
const job = (trial: number, epochs: number): TrialJob => ({
  trial,
  initialWeights: null,
  initialOptimizer: null,
  returnWeights: true,
  spec: parseSpec({
    layers: [
      { id: 'h', type: 'dense', units: 8 },
      { id: 'out', type: 'dense', units: 'auto' },
    ],
    training: { epochs, seed: trial, batchSize: 16 },
  }),
});

describe('Node trial pool (worker_threads)', () => {
  it('trains in worker threads exactly as in this thread, and stops a running trial', async () => {
    const pool = createNodeTrialPool({ size: 2, data, backend: 'auto' });
    try {
      const label = await pool.ready;
      const { backend } = await createBackend('auto');
      expect(label).toBe(backend.label);
      const [a, b] = [pool.run(job(1, 5), { onEpoch: () => {} }), pool.run(job(2, 5), { onEpoch: () => {} })];
      const [ra, rb] = [await a.result, await b.result];
      for (const [j, r] of [
        [job(1, 5), ra],
        [job(2, 5), rb],
      ] as const) {
        const here = await trainTrialJob(j, { data, backend, onEpoch: () => {}, control: new TrainControl() });
        expect(r.weights).toEqual(here.weights);
        expect(r.history.map((h) => [h.loss, h.valLoss, h.valMetrics])).toEqual(
          here.history.map((h) => [h.loss, h.valLoss, h.valMetrics]),
        );
      }
      backend.destroy();
      const long = pool.run(job(3, 100000), {
        onEpoch: (s) => {
          if (s.epoch === 3) long.stop();
        },
      });
      const stopped = await long.result;
      expect(stopped.stopReason).toBe('stopped');
      expect(stopped.history.length).toBeLessThan(100000);
    } finally {
      await pool.close();
    }
  });
});
