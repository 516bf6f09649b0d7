/** A search space's run settings: the time budget (with a fake clock), enqueued trials, and the messages for bad folds, budgets and enqueued trials. */
import { describe, expect, it } from 'vitest';
import { syntheticExecutor } from './fixtures/synthetic-executor.ts';
import { BASE, SPACE, syntheticSetup, TASK } from './fixtures/spaces.ts';
import { trialsCsv } from './csv.ts';
import { parseTrialsCsv } from './csv-read.ts';
import { prepareSweep } from './prepare.ts';
import { runSweep } from './runner.ts';
import { checkSearchSpace, parseSearchSpace } from './space.ts';
import { suggest } from './strategies/index.ts';
import type { SweepEvent } from './types.ts';

const PARAMETERS = {
  'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-5, max: 1 },
  'layers[dense-1].units': { distribution: 'int', min: 2, max: 1024, log: true },
  hiddenLayers: { distribution: 'int', min: 0, max: 2 },
};
const space = (extra: Record<string, unknown>) => parseSearchSpace({ parameters: PARAMETERS, ...extra });
const problems = (extra: Record<string, unknown>) =>
  checkSearchSpace({ parameters: PARAMETERS, ...extra }).problems.map((p) => [p.path, p.message]);
const prepareProblems = (extra: Record<string, unknown>, strategy?: 'grid' | 'hyperband' | 'tpe') => {
  try {
    prepareSweep({
      space: space(extra),
      spec: BASE,
      data: { inputs: 4, task: TASK },
      hasValidation: true,
      cores: 2,
      overrides: strategy ? { strategy } : {},
    });
    return [];
  } catch (e) {
    return (e as { problems: { path: string; message: string }[] }).problems.map((p) => [p.path, p.message]);
  }
};

/** A clock that moves one second per trained epoch. */
function epochClock() {
  let ms = 0;
  return { now: () => ms, onEvent: (e: SweepEvent) => void (e.type === 'trial/epoch' && (ms += 1000)) };
}

describe('budgetSeconds', () => {
  it('starts no trial after the deadline and stops the running one', async () => {
    const clock = epochClock();
    const setup = syntheticSetup({ trials: 10, seed: 3, concurrency: 1 }, { ...SPACE, budgetSeconds: 30 });
    const r = await runSweep({ setup, executor: syntheticExecutor(), ...clock });
    // 9 epochs a trial, one second each: trials 1–3 end at 27 s; trial 4 starts, and at its first report
    // after 30 s (within epoch 4) it is stopped; trials 5–10 never start
    expect(r.trials.map((t) => t.status)).toEqual(['done', 'done', 'done', 'cancelled']);
    expect(r.trials[3].epochs).toBe(4);
    expect(r.plan.budgetSeconds).toBe(30);
  });

  it('keeps at least one finished trial: past the deadline, trials go on until one finishes, and no new one starts meanwhile', async () => {
    const clock = epochClock();
    const setup = syntheticSetup({ trials: 10, seed: 3, concurrency: 2 }, { ...SPACE, budgetSeconds: 0.5 });
    const r = await runSweep({ setup, executor: syntheticExecutor(), ...clock });
    expect(r.trials).toHaveLength(2);
    expect(r.trials.map((t) => t.status).sort()).toEqual(['cancelled', 'done']);
    expect(r.best).not.toBeNull();
  });

  it("ends the search when what is left of the budget is the host's reserve, measured from the trials' pace", async () => {
    const clock = epochClock();
    const setup = syntheticSetup({ trials: 10, seed: 3, concurrency: 1 }, { ...SPACE, budgetSeconds: 30 });
    const asked: [number[], number | null][] = [];
    const r = await runSweep({
      setup,
      executor: syntheticExecutor(),
      ...clock,
      // the refit takes 5 epochs at the best trial's pace
      reserveMs: (done, best) => {
        asked.push([done.map((t) => t.msPerEpoch), best?.record.trial ?? null]);
        return (best?.msPerEpoch ?? 0) * 5;
      },
    });
    // one second per epoch, 9 epochs a trial: trials 1 and 2 end at 18 s; trial 3 is stopped at its first report
    // from 25 s (25 + 5 s reaches the 30 s budget), within epoch 8, where without the reserve it would finish at 27 s
    expect(r.trials.map((t) => [t.status, t.epochs])).toEqual([
      ['done', 9],
      ['done', 9],
      ['cancelled', 8],
    ]);
    expect(asked.map(([paces]) => paces)).toEqual([[1000], [1000, 1000]]);
    expect(asked.every(([, best]) => best !== null && r.trials.some((t) => t.trial === best))).toBe(true);
  });

  it('counts the budget from when the host was asked (budgetStartedAt), not from when the runner started', async () => {
    const clock = epochClock();
    const setup = syntheticSetup({ trials: 10, seed: 3, concurrency: 1 }, { ...SPACE, budgetSeconds: 30 });
    // asked 12 s before the runner started: the deadline is at 18 s, so trial 2 (9–18 s) is the last
    const r = await runSweep({ setup, executor: syntheticExecutor(), ...clock, budgetStartedAt: -12_000 });
    expect(r.trials.map((t) => t.status)).toEqual(['done', 'done']);
  });

  it('lets the enqueued trials end before the budget stops the sweep: they are what the others are compared with', async () => {
    const clock = epochClock();
    const enqueue = [
      { label: 'default network', params: {} },
      { label: 'linear baseline', params: { hiddenLayers: 0 } },
    ];
    const setup = syntheticSetup({ trials: 10, seed: 3, concurrency: 1 }, space({ budgetSeconds: 0.5, enqueue }));
    const r = await runSweep({ setup, executor: syntheticExecutor(), ...clock });
    // past the deadline after trial 1's first epoch, trial 2 still runs to its end; trial 3 never starts
    expect(r.trials.map((t) => [t.label, t.status])).toEqual([
      ['default network', 'done'],
      ['linear baseline', 'done'],
    ]);
  });

  it('without a budget the clock does not matter', async () => {
    const clock = epochClock();
    const r = await runSweep({
      setup: syntheticSetup({ trials: 5, seed: 3, concurrency: 1 }),
      executor: syntheticExecutor(),
      ...clock,
    });
    expect(r.trials.map((t) => t.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });
});

describe('enqueue', () => {
  const enqueue = [
    { label: 'default network', params: {} },
    { label: 'linear baseline', params: { hiddenLayers: 0, 'training.optimizer.learningRate': 0.01 } },
    { params: { 'layers[dense-1].units': 64, 'training.optimizer.learningRate': 0.01 } },
  ];
  it.each(['random', 'tpe'] as const)(
    '%s: runs the enqueued trials first, with their values and labels',
    async (strategy) => {
      const starts: number[] = [];
      const setup = syntheticSetup({ trials: 6, seed: 3, concurrency: 2, strategy }, space({ enqueue }));
      const specs: string[] = [];
      const executor = syntheticExecutor({ onStart: (t) => starts.push(t) });
      const run = executor.run.bind(executor);
      executor.run = (job, hooks) => {
        specs[job.trial] = job.spec.layers.map((l) => `${l.id}${l.type === 'dense' ? `:${l.units}` : ''}`).join(' ');
        return run(job, hooks);
      };
      const startLabels = new Map<number, string | undefined>();
      const r = await runSweep({
        setup,
        executor,
        onEvent: (e) => {
          if (e.type === 'trial/start') startLabels.set(e.trial, e.label);
        },
      });
      expect(starts.slice(0, 2)).toEqual([1, 2]);
      // the label comes with the trial's start, so a host can show it while the trial runs
      expect([1, 2, 3, 4].map((t) => startLabels.get(t))).toEqual([
        'default network',
        'linear baseline',
        undefined,
        undefined,
      ]);
      expect(r.trials.slice(0, 3).map((t) => [t.params, t.label])).toEqual([
        [{}, 'default network'],
        [enqueue[1].params, 'linear baseline'],
        [enqueue[2].params, undefined],
      ]);
      expect(specs[1]).toBe('dense-1:32 dropout-1 output:auto');
      expect(specs[2]).toBe('output:auto');
      expect(r.trials[3].label).toBeUndefined();
    },
  );

  it('the trials CSV keeps labels and fold counts (columns only when a trial has them), and reads them back', async () => {
    const r = await runSweep({
      setup: syntheticSetup({ trials: 3, seed: 3, concurrency: 1 }, space({ enqueue })),
      executor: syntheticExecutor(),
    });
    const withFolds = { ...r, trials: r.trials.map((t) => ({ ...t, folds: 5 })) };
    const text = trialsCsv(withFolds);
    expect(text.split('\n')[0]).toMatch(/,error,label,folds$/);
    expect(parseTrialsCsv(text).trials.map((t) => [t.label, t.folds])).toEqual([
      ['default network', 5],
      ['linear baseline', 5],
      [undefined, 5],
    ]);
    const plain = await runSweep({ setup: syntheticSetup({ trials: 2, seed: 3 }), executor: syntheticExecutor() });
    expect(trialsCsv(plain).split('\n')[0]).toMatch(/,error$/);
  });

  it('tpe: the enqueued trials are observations of the next suggestion', async () => {
    const s = space({ enqueue, strategy: 'tpe', tpe: { initialTrials: 3, lag: 1 }, trials: 4, seed: 8 });
    const setup = syntheticSetup({ concurrency: 1 }, s);
    const r = await runSweep({ setup, executor: syntheticExecutor() });
    const expected = suggest(s.parameters, r.trials.slice(0, 3), setup.settings.objective, setup.settings.tpe, 8, 4);
    expect(r.trials[3].params).toEqual(expected);
  });
});

describe('messages', () => {
  it('folds must be a whole number from 2 to 10', () => {
    for (const folds of [1, 11, 2.5, '5'])
      expect(problems({ folds })).toEqual([
        ['folds', `folds must be a whole number from 2 to 10, got ${JSON.stringify(folds).replace(/"/g, "'")}.`],
      ]);
  });

  it('budgetSeconds must be a number of seconds > 0', () => {
    expect(problems({ budgetSeconds: 0 })).toEqual([
      ['budgetSeconds', 'budgetSeconds must be a number of seconds > 0, got 0.'],
    ]);
    expect(problems({ budgetSeconds: 'a minute' })).toEqual([
      ['budgetSeconds', "budgetSeconds must be a number of seconds > 0, got 'a minute'."],
    ]);
  });

  it('enqueue: a list of { label, params } whose values the space can draw', () => {
    expect(problems({ enqueue: { hiddenLayers: 0 } })).toEqual([
      [
        'enqueue',
        'enqueue must be a list of trials to run first, e.g. [{ "label": "linear baseline", "params": { "hiddenLayers": 0 } }], got {"hiddenLayers":0}.',
      ],
    ]);
    expect(
      problems({
        enqueue: [
          5,
          { label: '', params: {} },
          { name: 'x' },
          { params: { 'layers[dense-2].units': 3, hiddenLayers: 4, 'layers[dense-1].units': 2.5 } },
          { params: { 'training.optimizer.learningRate': 'fast' } },
        ],
      }),
    ).toEqual([
      ['enqueue[0]', 'enqueue[0] must be a JSON object, got 5.'],
      ['enqueue[1].label', "enqueue[1].label must be a non-empty text, got ''."],
      ['enqueue[2].name', "enqueue[2].name is not a known setting. Valid settings here: 'label', 'params'."],
      [
        'enqueue[2].params',
        'enqueue[2].params must be an object of values by parameter path, e.g. { "hiddenLayers": 0 } ({} runs the base network as it is).',
      ],
      [
        'enqueue[3].params["layers[dense-2].units"]',
        `enqueue[3].params["layers[dense-2].units"]: 'layers[dense-2].units' is not a parameter of this space. Parameters: 'training.optimizer.learningRate', 'layers[dense-1].units', 'hiddenLayers'. Add it to parameters or remove it here.`,
      ],
      [
        'enqueue[3].params["hiddenLayers"]',
        'enqueue[3].params["hiddenLayers"] is 4, which parameters["hiddenLayers"] cannot draw: it takes a whole number from 0 to 2. Use such a value, or widen the parameter.',
      ],
      [
        'enqueue[3].params["layers[dense-1].units"]',
        'enqueue[3].params["layers[dense-1].units"] is 2.5, which parameters["layers[dense-1].units"] cannot draw: it takes a whole number from 2 to 1024. Use such a value, or widen the parameter.',
      ],
      [
        'enqueue[4].params["training.optimizer.learningRate"]',
        `enqueue[4].params["training.optimizer.learningRate"] is 'fast', which parameters["training.optimizer.learningRate"] cannot draw: it takes a number from 0.00001 to 1. Use such a value, or widen the parameter.`,
      ],
    ]);
  });

  it('with the strategy, the trial count and the data', () => {
    expect(prepareProblems({ folds: 3 }, 'hyperband')).toEqual([
      [
        'folds',
        "folds cannot be used with the 'hyperband' strategy: it compares trials part-way through training, on one validation split. Use 'tpe' or 'random' with folds, or remove folds.",
      ],
    ]);
    expect(prepareProblems({ enqueue: [{ params: {} }] }, 'grid')).toEqual([
      [
        'enqueue',
        "enqueue works with the 'random' and 'tpe' strategies, not 'grid'. Choose one of them, or remove enqueue.",
      ],
    ]);
    expect(prepareProblems({ enqueue: [{ params: {} }, { params: {} }], trials: 1 })).toEqual([
      [
        'enqueue',
        'enqueue lists 2 trials, but the sweep runs only 1 (trials). Raise trials to at least 2, or enqueue fewer.',
      ],
    ]);
  });

  it('folds need no validation split (the folds hold rows out)', () => {
    const s = space({ folds: 3 });
    const setup = prepareSweep({
      space: s,
      spec: BASE,
      data: { inputs: 4, task: TASK },
      hasValidation: false,
      cores: 2,
    });
    expect(setup.settings.folds).toBe(3);
  });
});
