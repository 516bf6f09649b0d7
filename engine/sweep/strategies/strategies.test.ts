/** Each strategy's sampling: grid covers the grid, random is reproducible, halving prunes, TPE concentrates on good regions. */
import { describe, expect, it } from 'vitest';
import { syntheticExecutor } from '../fixtures/synthetic-executor.ts';
import { SPACE, syntheticSetup } from '../fixtures/spaces.ts';
import { runSweep } from '../runner.ts';
import { parseSearchSpace } from '../space.ts';
import { createStrategy } from './index.ts';
import { rungEpochs, rungSizes } from './halving.ts';

const GRID = parseSearchSpace({
  parameters: {
    'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-4, max: 1e-2 },
    'layers[dense-1].units': { distribution: 'int', min: 8, max: 64, log: true, gridPoints: 4 },
    'layers[*dropout].rate': { distribution: 'choice', values: [0, 0.25] },
  },
});

describe('grid', () => {
  it('covers every combination once, the last parameter fastest', async () => {
    const setup = syntheticSetup({ strategy: 'grid' }, GRID);
    expect(setup.settings.trials).toBe(24);
    const r = await runSweep({ setup, executor: syntheticExecutor() });
    const points = r.trials.map((t) => Object.values(t.params).join(' '));
    expect(new Set(points).size).toBe(24);
    expect(points.slice(0, 3)).toEqual(['0.0001 8 0', '0.0001 8 0.25', '0.0001 16 0']);
    expect([...new Set(r.trials.map((t) => t.params['training.optimizer.learningRate']))]).toEqual([0.0001, 0.001, 0.01]);
    expect([...new Set(r.trials.map((t) => t.params['layers[dense-1].units']))]).toEqual([8, 16, 32, 64]);
  });

  it('with fewer trials, takes a seeded sample of the grid, in grid order', () => {
    const pick = (seed: number) => createStrategy(GRID.parameters, syntheticSetup({ strategy: 'grid', trials: 5, seed }, GRID).settings).next(new Map())?.run.map((s) => Object.values(s.params).join(' '));
    expect(pick(1)).toHaveLength(5);
    expect(pick(1)).toEqual(pick(1));
    expect(pick(1)).not.toEqual(pick(2));
  });
});

describe('random', () => {
  const draw = (seed: number, trials: number) => createStrategy(SPACE.parameters, syntheticSetup({ strategy: 'random', trials, seed }).settings).next(new Map())?.run.map((s) => s.params) ?? [];

  it('is the same for the same seed, different for another, and trial t does not depend on the trial count', () => {
    expect(draw(5, 8)).toEqual(draw(5, 8));
    expect(draw(5, 8)).not.toEqual(draw(6, 8));
    expect(draw(5, 20).slice(0, 8)).toEqual(draw(5, 8));
  });

  it('draws within bounds: whole numbers for int, log-spread for log scales', () => {
    const all = draw(1, 400);
    const lr = all.map((p) => p['training.optimizer.learningRate'] as number);
    const units = all.map((p) => p['layers[dense-1].units'] as number);
    expect(Math.min(...lr)).toBeGreaterThanOrEqual(1e-5);
    expect(Math.max(...lr)).toBeLessThanOrEqual(1);
    expect(units.every((u) => Number.isInteger(u) && u >= 2 && u <= 1024)).toBe(true);
    // Log-uniform over 5 decades: about a fifth below 1e-4, not the 0.01% a uniform draw would give.
    expect(lr.filter((v) => v < 1e-4).length / lr.length).toBeGreaterThan(0.12);
  });
});

describe('successive halving', () => {
  it('plans rungs of eta× epochs and 1/eta trials', () => {
    expect(rungEpochs({ eta: 3, minEpochs: 1, maxEpochs: 9 })).toEqual([1, 3, 9]);
    expect(rungEpochs({ eta: 3, minEpochs: 7, maxEpochs: 60 })).toEqual([7, 21, 60]);
    expect(rungSizes(9, 3, 3)).toEqual([9, 3, 1]);
  });

  it('prunes all but the best third after each rung; survivors continue from their epochs to the full budget', async () => {
    const setup = syntheticSetup({ strategy: 'halving', trials: 9, seed: 3 });
    expect(setup.settings.halving).toEqual({ eta: 3, minEpochs: 1, maxEpochs: 9 });
    const events: string[] = [];
    const r = await runSweep({ setup, executor: syntheticExecutor(), onEvent: (e) => { if (e.type === 'trial/pruned') events.push(`${e.record.trial}@${e.record.epochs}`); } });
    expect(r.plan.epochBudget).toBe(9 * 1 + 3 * 2 + 1 * 6);
    const by = (s: string) => r.trials.filter((t) => t.status === s);
    expect(by('done')).toHaveLength(1);
    expect(by('pruned')).toHaveLength(8);
    expect(by('pruned').map((t) => t.epochs).sort()).toEqual([1, 1, 1, 1, 1, 1, 3, 3]);
    expect(by('done')[0].epochs).toBe(9);
    expect(by('done')[0].history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The three promoted after rung 0 were the three best at 1 epoch.
    const promoted = r.trials.filter((t) => t.epochs >= 3).map((t) => t.trial).sort();
    const atRung0 = r.trials.map((t) => ({ trial: t.trial, score: t.history[0].valMetrics?.accuracy ?? 0 })).sort((a, b) => b.score - a.score);
    expect(promoted).toEqual(atRung0.slice(0, 3).map((t) => t.trial).sort());
    expect(r.best?.trial).toBe(by('done')[0].trial);
  });
});

describe('TPE', () => {
  it('concentrates near the good region: later trials score far better than random ones', async () => {
    for (const seed of [1, 2, 3]) {
      const late = async (strategy: 'random' | 'tpe') => {
        const r = await runSweep({ setup: syntheticSetup({ strategy, trials: 40, seed, concurrency: 2 }), executor: syntheticExecutor() });
        const xs = r.trials.slice(20);
        return {
          score: xs.reduce((s, t) => s + (t.objective ?? 0), 0) / xs.length,
          // Median distance, in decades, of the learning rate from the optimum 0.01.
          lrDistance: xs.map((t) => Math.abs(Math.log10(t.params['training.optimizer.learningRate'] as number) + 2)).sort((a, b) => a - b)[10],
        };
      };
      const [random, tpe] = [await late('random'), await late('tpe')];
      expect(tpe.score).toBeGreaterThan(3 * random.score);
      expect(tpe.lrDistance).toBeLessThan(random.lrDistance / 2);
    }
  });
});
