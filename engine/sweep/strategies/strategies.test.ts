/** Each strategy's sampling: grid covers the grid, random is reproducible, halving and Hyperband prune, TPE concentrates on good regions. */
import { describe, expect, it } from 'vitest';
import { syntheticExecutor } from '../fixtures/synthetic-executor.ts';
import { SPACE, syntheticSetup } from '../fixtures/spaces.ts';
import { runSweep } from '../runner.ts';
import { parseSearchSpace } from '../space.ts';
import { createStrategy } from './index.ts';
import { rungEpochs, rungSizes } from './halving.ts';
import { bracketEpochs, hyperbandBrackets, hyperbandMaxBracket, hyperbandSizes, splitTrials } from './hyperband.ts';
import { randomParams } from './random.ts';

const SPACE_JSON = {
  parameters: {
    'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-5, max: 1 },
    'layers[dense-1].units': { distribution: 'int', min: 2, max: 1024, log: true },
    'layers[*dropout].rate': { distribution: 'uniform', min: 0, max: 0.9 },
  },
};

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
    expect([...new Set(r.trials.map((t) => t.params['training.optimizer.learningRate']))]).toEqual([
      0.0001, 0.001, 0.01,
    ]);
    expect([...new Set(r.trials.map((t) => t.params['layers[dense-1].units']))]).toEqual([8, 16, 32, 64]);
  });

  it('with fewer trials, takes a seeded sample of the grid, in grid order', () => {
    const pick = (seed: number) =>
      createStrategy(GRID.parameters, syntheticSetup({ strategy: 'grid', trials: 5, seed }, GRID).settings)
        .next(new Map())
        ?.run.map((s) => Object.values(s.params).join(' '));
    expect(pick(1)).toHaveLength(5);
    expect(pick(1)).toEqual(pick(1));
    expect(pick(1)).not.toEqual(pick(2));
  });
});

describe('random', () => {
  const draw = (seed: number, trials: number) =>
    createStrategy(SPACE.parameters, syntheticSetup({ strategy: 'random', trials, seed }).settings)
      .next(new Map())
      ?.run.map((s) => s.params) ?? [];

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
    const r = await runSweep({
      setup,
      executor: syntheticExecutor(),
      onEvent: (e) => {
        if (e.type === 'trial/pruned') events.push(`${e.record.trial}@${e.record.epochs}`);
      },
    });
    expect(r.plan.epochBudget).toBe(9 * 1 + 3 * 2 + 1 * 6);
    const by = (s: string) => r.trials.filter((t) => t.status === s);
    expect(by('done')).toHaveLength(1);
    expect(by('pruned')).toHaveLength(8);
    expect(
      by('pruned')
        .map((t) => t.epochs)
        .sort(),
    ).toEqual([1, 1, 1, 1, 1, 1, 3, 3]);
    expect(by('done')[0].epochs).toBe(9);
    expect(by('done')[0].history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The three promoted after rung 0 were the three best at 1 epoch.
    const promoted = r.trials
      .filter((t) => t.epochs >= 3)
      .map((t) => t.trial)
      .sort();
    const atRung0 = r.trials
      .map((t) => ({ trial: t.trial, score: t.history[0].valMetrics?.accuracy ?? 0 }))
      .sort((a, b) => b.score - a.score);
    expect(promoted).toEqual(
      atRung0
        .slice(0, 3)
        .map((t) => t.trial)
        .sort(),
    );
    expect(r.best?.trial).toBe(by('done')[0].trial);
  });
});

describe('Hyperband', () => {
  it('plans the brackets of the paper for R = 81, eta = 3: n = 81, 34, 15, 8, 5 starting at 1, 3, 9, 27, 81 epochs', () => {
    const h = { eta: 3, minEpochs: 1, maxEpochs: 81 };
    expect(hyperbandMaxBracket(h)).toBe(4);
    expect(hyperbandSizes(h)).toEqual([81, 34, 15, 8, 5]);
    // Li et al. 2017, table 1: each bracket's rungs (n_i configurations trained to r_i epochs).
    expect(hyperbandBrackets(h, 143)).toEqual([
      { bracket: 4, first: 1, sizes: [81, 27, 9, 3, 1], epochs: [1, 3, 9, 27, 81] },
      { bracket: 3, first: 82, sizes: [34, 11, 3, 1], epochs: [3, 9, 27, 81] },
      { bracket: 2, first: 116, sizes: [15, 5, 1], epochs: [9, 27, 81] },
      { bracket: 1, first: 131, sizes: [8, 2], epochs: [27, 81] },
      { bracket: 0, first: 139, sizes: [5], epochs: [81] },
    ]);
    // The standard plan is the default trial count.
    const space = parseSearchSpace({ ...SPACE_JSON, halving: { minEpochs: 1, maxEpochs: 81 } });
    const setup = syntheticSetup({ strategy: 'hyperband' }, space);
    expect(setup.settings.trials).toBe(143);
    const strategy = createStrategy(space.parameters, setup.settings);
    // Σ over brackets and rungs of n_i·(r_i − r_{i−1}): each bracket about 5 R.
    expect(strategy.epochBudget(81)).toBe(
      81 +
        27 * 2 +
        9 * 6 +
        3 * 18 +
        54 +
        (34 * 3 + 11 * 6 + 3 * 18 + 54) +
        (15 * 9 + 5 * 18 + 54) +
        (8 * 27 + 2 * 54) +
        5 * 81,
    );
  });

  it('starts each bracket at R·eta^−s epochs (rounded, at least r_min), with s + 1 rungs up to R', () => {
    expect(hyperbandMaxBracket({ eta: 3, minEpochs: 1, maxEpochs: 40 })).toBe(3);
    expect(bracketEpochs({ eta: 3, minEpochs: 1, maxEpochs: 40 }, 3)).toEqual([1, 4, 13, 40]);
    expect(hyperbandMaxBracket({ eta: 3, minEpochs: 2, maxEpochs: 17 })).toBe(1);
    expect(bracketEpochs({ eta: 3, minEpochs: 2, maxEpochs: 17 }, 1)).toEqual([6, 17]);
    expect(hyperbandMaxBracket({ eta: 2, minEpochs: 5, maxEpochs: 60 })).toBe(3);
    expect(hyperbandSizes({ eta: 2, minEpochs: 5, maxEpochs: 60 })).toEqual([8, 6, 4, 4]);
    expect(bracketEpochs({ eta: 2, minEpochs: 5, maxEpochs: 60 }, 3)).toEqual([8, 15, 30, 60]);
  });

  it('scales the brackets to another trial count in the standard proportions, each keeping a trial', () => {
    expect(splitTrials([9, 5, 3], 17)).toEqual([9, 5, 3]);
    expect(splitTrials([9, 5, 3], 12)).toEqual([6, 4, 2]);
    expect(splitTrials([9, 5, 3], 34)).toEqual([18, 10, 6]);
    expect(splitTrials([9, 5, 3], 3)).toEqual([1, 1, 1]);
    expect(splitTrials([81, 34, 15, 8, 5], 6)).toEqual([2, 1, 1, 1, 1]);
    expect(hyperbandBrackets({ eta: 3, minEpochs: 1, maxEpochs: 9 }, 12).map((b) => [b.first, b.sizes])).toEqual([
      [1, [6, 2, 1]],
      [7, [4, 1]],
      [11, [2]],
    ]);
    expect(syntheticSetup({ strategy: 'hyperband', trials: 12 }).settings.trials).toBe(12);
  });

  it('runs every bracket as successive halving, trial numbers unique across brackets, values drawn per trial number', async () => {
    const setup = syntheticSetup({ strategy: 'hyperband', seed: 3, concurrency: 1 });
    expect(setup.settings).toMatchObject({ trials: 17, halving: { eta: 3, minEpochs: 1, maxEpochs: 9 } });
    const starts: [number, number | null, number | null, number][] = [];
    const r = await runSweep({
      setup,
      executor: syntheticExecutor(),
      onEvent: (e) => {
        if (e.type === 'trial/start') starts.push([e.trial, e.bracket, e.rung, e.epochs]);
      },
    });
    // Brackets run together: every bracket's first rung starts before any promotion.
    expect(starts.slice(0, 17)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => [i + 1, 2, 0, 1]),
      ...Array.from({ length: 5 }, (_, i) => [i + 10, 1, 0, 3]),
      [15, 0, 0, 9],
      [16, 0, 0, 9],
      [17, 0, 0, 9],
    ]);
    expect(r.trials.map((t) => t.trial)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(
      r.trials.every((t) => JSON.stringify(t.params) === JSON.stringify(randomParams(SPACE.parameters, 3, t.trial))),
    ).toBe(true);
    // The exact budget: 9·1 + 3·2 + 1·6 (bracket 2), 5·3 + 1·6 (bracket 1), 3·9 (bracket 0).
    expect(r.plan.epochBudget).toBe(21 + 21 + 27);
    expect(r.trials.reduce((sum, t) => sum + t.epochs, 0)).toBe(69);
    const inBracket = (s: number) => r.trials.filter((t) => t.bracket === s);
    const summary = (s: number) =>
      inBracket(s)
        .map((t) => `${t.status}@${t.epochs}/rung ${t.rung}`)
        .sort();
    expect(summary(2)).toEqual([
      'done@9/rung 2',
      ...Array(6).fill('pruned@1/rung 0'),
      ...Array(2).fill('pruned@3/rung 1'),
    ]);
    expect(summary(1)).toEqual(['done@9/rung 1', ...Array(4).fill('pruned@3/rung 0')]);
    expect(summary(0)).toEqual(Array(3).fill('done@9/rung 0'));
    // Each promotion took the best of its own bracket's first rung (the synthetic score ranks the same at every epoch).
    const best = (s: number, n: number) =>
      inBracket(s)
        .sort((a, b) => (b.history[0].valMetrics?.accuracy ?? 0) - (a.history[0].valMetrics?.accuracy ?? 0))
        .slice(0, n)
        .map((t) => t.trial)
        .sort();
    expect(
      inBracket(2)
        .filter((t) => t.epochs >= 3)
        .map((t) => t.trial)
        .sort(),
    ).toEqual(best(2, 3));
    expect(
      inBracket(1)
        .filter((t) => t.status === 'done')
        .map((t) => t.trial),
    ).toEqual(best(1, 1));
    expect(r.best?.status).toBe('done');
  });
});

describe('TPE', () => {
  it('concentrates near the good region: later trials score far better than random ones', async () => {
    for (const seed of [1, 2, 3]) {
      const late = async (strategy: 'random' | 'tpe') => {
        const r = await runSweep({
          setup: syntheticSetup({ strategy, trials: 40, seed, concurrency: 2 }),
          executor: syntheticExecutor(),
        });
        const xs = r.trials.slice(20);
        return {
          score: xs.reduce((s, t) => s + (t.objective ?? 0), 0) / xs.length,
          // Median distance, in decades, of the learning rate from the optimum 0.01.
          lrDistance: xs
            .map((t) => Math.abs(Math.log10(t.params['training.optimizer.learningRate'] as number) + 2))
            .sort((a, b) => a - b)[10],
        };
      };
      const [random, tpe] = [await late('random'), await late('tpe')];
      expect(tpe.score).toBeGreaterThan(3 * random.score);
      expect(tpe.lrDistance).toBeLessThan(random.lrDistance / 2);
    }
  });
});
