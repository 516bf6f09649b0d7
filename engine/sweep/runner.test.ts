/** The runner: determinism whatever the concurrency, events, failures, cancellation, CSV. */
import { describe, expect, it } from 'vitest';
import { SweepControl } from './control.ts';
import { trialsCsv } from './csv.ts';
import { syntheticExecutor } from './fixtures/synthetic-executor.ts';
import { syntheticSetup } from './fixtures/spaces.ts';
import { runSweep } from './runner.ts';
import type { StrategyName, SweepEvent, SweepResult } from './types.ts';

/** The trial table without timings (the only part that may differ between runs). */
const table = (r: SweepResult) =>
  r.trials.map(({ durationMs, history, ...t }) => ({ ...t, history: history.map(({ elapsedMs, ...h }) => h) }));

describe('determinism', () => {
  for (const strategy of ['random', 'grid', 'halving', 'hyperband', 'tpe'] as StrategyName[]) {
    it(`${strategy}: the same seed gives the same trial table with concurrency 1, 2 and 5`, async () => {
      const run = async (concurrency: number) => {
        const executor = syntheticExecutor();
        const r = await runSweep({ setup: syntheticSetup({ strategy, trials: 12, seed: 9, concurrency }), executor });
        expect(executor.peak).toBeLessThanOrEqual(concurrency);
        return r;
      };
      const [one, two, five] = [await run(1), await run(2), await run(5)];
      expect(table(two)).toEqual(table(one));
      expect(table(five)).toEqual(table(one));
      expect(two.best?.trial).toBe(one.best?.trial);
    });
  }

  it('runs trials in parallel up to the concurrency, and trial completion order does vary', async () => {
    const starts: number[] = [];
    const ends: number[] = [];
    const executor = syntheticExecutor({ onStart: (t) => starts.push(t) });
    await runSweep({
      setup: syntheticSetup({ trials: 12, seed: 9, concurrency: 3 }),
      executor,
      onEvent: (e) => {
        if (e.type === 'trial/done') ends.push(e.record.trial);
      },
    });
    expect(executor.peak).toBe(3);
    expect(starts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(ends).not.toEqual(starts);
  });
});

describe('events and records', () => {
  it('streams start, progress and epochs, and an end per trial, the best as it improves, and the result last', async () => {
    const events: SweepEvent[] = [];
    const r = await runSweep({
      setup: syntheticSetup({ trials: 4, seed: 1, concurrency: 2 }),
      executor: syntheticExecutor(),
      onEvent: (e) => events.push(e),
    });
    expect(events[0]).toMatchObject({
      type: 'sweep/start',
      plan: {
        strategy: 'random',
        trials: 4,
        epochBudget: 36,
        concurrency: 2,
        objective: { metric: 'valAccuracy', direction: 'maximize' },
      },
    });
    expect(events.at(-1)).toEqual({ type: 'sweep/done', result: r });
    for (const t of [1, 2, 3, 4]) {
      const mine = events.filter((e) =>
        'trial' in e ? e.trial === t : 'record' in e && e.record.trial === t && e.type !== 'sweep/best',
      );
      expect(mine.map((e) => e.type)).toEqual([
        'trial/start',
        ...Array.from({ length: 9 }, () => ['trial/progress', 'trial/epoch']).flat(),
        'trial/done',
      ]);
    }
    const bests = events
      .filter((e) => e.type === 'sweep/best')
      .map((e) => (e.type === 'sweep/best' ? (e.record.objective ?? 0) : 0));
    expect(bests).toEqual([...bests].sort((a, b) => a - b));
    expect(r.best?.objective).toBe(Math.max(...r.trials.map((t) => t.objective ?? 0)));
    const t1 = r.trials[0];
    expect(t1).toMatchObject({ trial: 1, status: 'done', epochs: 9, keptEpoch: 9, rung: null, error: null });
    expect(Object.keys(t1.metrics).sort()).toEqual(['accuracy', 'loss', 'valAccuracy', 'valLoss']);
    expect(t1.objective).toBe(t1.metrics.valAccuracy);
  });

  it('records a failed trial with its message and goes on', async () => {
    const r = await runSweep({
      setup: syntheticSetup({ trials: 5, seed: 2, concurrency: 2 }),
      executor: syntheticExecutor({ fail: new Set([2]) }),
    });
    expect(r.status).toBe('completed');
    expect(r.trials.map((t) => t.status)).toEqual(['done', 'failed', 'done', 'done', 'done']);
    expect(r.trials[1]).toMatchObject({
      epochs: 1,
      error: { code: 'train/diverged', message: 'Training diverged in trial 2.' },
    });
    expect(r.best?.trial).not.toBe(2);
  });

  it('writes one CSV row per trial with parameters, metrics, epochs, status and duration', async () => {
    const r = await runSweep({
      setup: syntheticSetup({ trials: 3, seed: 4 }),
      executor: syntheticExecutor({ fail: new Set([3]) }),
    });
    const lines = trialsCsv(r).trim().split('\n');
    expect(lines[0]).toBe(
      'trial,rank,status,objective (valAccuracy),training.optimizer.learningRate,layers[dense-1].units,layers[*dropout].rate,epochs,keptEpoch,accuracy,loss,valAccuracy,valLoss,bracket,rung,seed,durationMs,error',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^3,,failed,[^,]*,.*,Training diverged in trial 3\.$/);
    expect(lines[1].split(',')[4]).toBe(String(r.trials[0].params['training.optimizer.learningRate']));
  });
});

describe('cancelling', () => {
  it('cancel() stops running trials, starts no more, and resolves with what is done', async () => {
    const control = new SweepControl();
    let done = 0;
    const r = await runSweep({
      setup: syntheticSetup({ trials: 10, seed: 1, concurrency: 2 }),
      executor: syntheticExecutor(),
      control,
      onEvent: (e) => {
        if (e.type === 'trial/done' && ++done === 3) control.cancel();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(r.trials.filter((t) => t.status === 'done')).toHaveLength(3);
    expect(r.trials.filter((t) => t.status === 'cancelled')).toHaveLength(1);
    expect(r.trials).toHaveLength(4);
  });

  it('cancelTrial() stops one running or queued trial; the sweep goes on', async () => {
    const control = new SweepControl();
    const r = await runSweep({
      setup: syntheticSetup({ trials: 6, seed: 1, concurrency: 2 }),
      executor: syntheticExecutor(),
      control,
      onEvent: (e) => {
        if (e.type === 'trial/epoch' && e.trial === 1 && e.summary.epoch === 2) {
          control.cancelTrial(1);
          control.cancelTrial(5);
        }
      },
    });
    expect(r.status).toBe('completed');
    expect(r.trials.map((t) => t.status)).toEqual(['cancelled', 'done', 'done', 'done', 'cancelled', 'done']);
    expect(r.trials[0].epochs).toBe(2);
    expect(r.trials[4].epochs).toBe(0);
    expect(r.best?.status).toBe('done');
  });

  it('a halving trial cancelled while waiting for its rung is not promoted', async () => {
    const control = new SweepControl();
    const r = await runSweep({
      setup: syntheticSetup({ strategy: 'halving', trials: 9, seed: 3, concurrency: 1 }),
      executor: syntheticExecutor(),
      control,
      onEvent: (e) => {
        if (e.type === 'trial/rung' && e.record.rung === 0 && e.record.trial === 1) control.cancelTrial(1);
      },
    });
    expect(r.trials[0].status).toBe('cancelled');
    expect(r.trials[0].epochs).toBe(1);
    expect(r.trials.filter((t) => t.status === 'done')).toHaveLength(1);
  });

  it('a promoted halving trial cancelled before its step starts does not stall the rung', async () => {
    const control = new SweepControl();
    const pruned = new Set<number>();
    let cancelled = 0;
    const r = await runSweep({
      setup: syntheticSetup({ strategy: 'halving', trials: 9, seed: 3, concurrency: 1 }),
      executor: syntheticExecutor(),
      control,
      onEvent: (e) => {
        if (e.type === 'trial/pruned') pruned.add(e.record.trial);
        // Rung 1's first step has started (the rung-0 losers are pruned by then); the two other promoted trials are queued.
        if (e.type === 'trial/start' && e.rung === 1 && cancelled === 0) {
          cancelled = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((t) => t !== e.trial && !pruned.has(t)) ?? 0;
          control.cancelTrial(cancelled);
        }
      },
    });
    expect(r.status).toBe('completed');
    expect(r.trials.find((t) => t.trial === cancelled)).toMatchObject({ status: 'cancelled', epochs: 1, rung: 0 });
    expect(r.trials.filter((t) => t.status === 'done')).toHaveLength(1);
    expect(r.trials.filter((t) => t.epochs === 3)).toHaveLength(1);
  });
});
