import { describe, expect, it } from 'vitest';
import type { SweepEvent, SweepPlan, TrialRecord, WireError } from '../../engine/protocol/index.ts';
import type { RequestBody, SweepLiveEvent } from '../engine/engine-client.ts';
import { NetworkEditor } from './network-editor.svelte.ts';
import type { Project } from './project.svelte.ts';
import { readSweepRecord } from './sweep-record.ts';
import { Sweep } from './sweep.svelte.ts';

const LR = 'training.optimizer.learningRate';
const plan: SweepPlan = {
  strategy: 'random',
  trials: 2,
  epochBudget: 4,
  seed: 3,
  concurrency: 2,
  objective: { metric: 'valAccuracy', direction: 'maximize' },
  parameters: [{ path: LR, distribution: { type: 'logUniform', min: 0.001, max: 0.1 }, gridPoints: 3 }],
};
const summary = (epoch: number) => ({
  epoch,
  epochs: 2,
  loss: 1 / epoch,
  metrics: {},
  valLoss: 1 / epoch,
  valMetrics: { accuracy: 0.5 },
  learningRate: 0.01,
  elapsedMs: 1,
  layers: [],
});
const done = (trial: number, objective: number): TrialRecord => ({
  trial,
  params: { [LR]: 0.01 * trial },
  status: 'done',
  objective,
  metrics: { valAccuracy: objective },
  epochs: 2,
  keptEpoch: 2,
  durationMs: 3,
  seed: trial,
  rung: null,
  bracket: null,
  error: null,
  history: [],
});

/** The parts of a Project the sweep uses, with an engine that answers from fixtures. */
function fakeProject() {
  const sent: RequestBody[] = [];
  let listener: (e: SweepLiveEvent) => void = () => {};
  const project = {
    spec: {
      layers: [
        { id: 'dense_1', type: 'dense', units: 16 },
        { id: 'output', type: 'dense', units: 'auto' },
      ],
      training: { seed: 42, epochs: 2 },
    },
    training: { seed: 42, epochs: 2, backend: 'wasm', optimizer: { type: 'adam', learningRate: 0.01 } },
    network: null as unknown as NetworkEditor,
    dataset: {
      settings: { target: 'y' },
      table: { rows: 10 },
      summary: { task: { kind: 'classification', classes: ['a', 'b'] } },
    },
    check: null,
    activeRun: null,
    touched: 0,
    touch() {
      this.touched++;
    },
    engine: {
      onCrash: () => () => {},
      onSweep: (_id: string, l: (e: SweepLiveEvent) => void) => {
        listener = l;
        return () => {};
      },
      request: async (body: RequestBody) => {
        sent.push(body);
        if (body.type === 'sweep/start')
          return {
            type: 'sweep/started',
            id: 1,
            sweepId: body.sweepId,
            plan,
            backend: 'CPU',
            rows: { train: 8, validation: 2 },
          };
        if (body.type === 'sweep/apply') {
          return {
            type: 'sweep/applied',
            id: 2,
            spec: {
              layers: [
                { id: 'dense_1', type: 'dense', units: 32 },
                { id: 'output', type: 'dense', units: 'auto' },
              ],
              training: { seed: 42, epochs: 2, optimizer: { type: 'adam', learningRate: 0.02 } },
            },
          };
        }
        throw new Error(`unexpected ${body.type}`);
      },
    },
  };
  project.network = new NetworkEditor(() => project.touch(), {
    get: () => project.training as Project['training'],
    set: (training) => {
      project.training = training as typeof project.training;
    },
  });
  project.network.restore([
    { id: 'dense_1', type: 'dense', units: 16 },
    { id: 'output', type: 'dense', units: 'auto' },
  ]);
  return {
    project: project as unknown as Project & { touched: number },
    sent,
    emit: (events: SweepEvent[]) => listener({ type: 'sweep/events', sweepId: 's', events }),
  };
}

describe('Sweep state', () => {
  it('runs a sweep from its events, applies the best trial and keeps the results in the project file', async () => {
    const { project, sent, emit } = fakeProject();
    const sweep = new Sweep(project);
    sweep.space.seedDefaults();
    await sweep.start();
    expect(sweep.phase).toBe('running');
    expect(sent[0]).toMatchObject({
      type: 'sweep/start',
      spec: project.spec,
      settings: { target: 'y' },
      concurrency: null,
      // a sweep of the editor's space keeps its budget (if any) for the search alone
      refitReserve: false,
    });
    emit([
      { type: 'sweep/start', plan },
      { type: 'trial/start', trial: 1, params: { [LR]: 0.01 }, seed: 1, rung: null, bracket: null, epochs: 2 },
      { type: 'trial/start', trial: 2, params: { [LR]: 0.02 }, seed: 2, rung: null, bracket: null, epochs: 2 },
      { type: 'trial/epoch', trial: 1, summary: summary(1), objective: 0.5 },
      { type: 'trial/epoch', trial: 2, summary: summary(1), objective: 0.7 },
      { type: 'trial/epoch', trial: 1, summary: summary(2), objective: 0.6 },
      { type: 'trial/epoch', trial: 2, summary: summary(2), objective: 0.9 },
      { type: 'trial/done', record: done(1, 0.6) },
      { type: 'trial/done', record: done(2, 0.9) },
      { type: 'sweep/best', record: done(2, 0.9) },
      {
        type: 'sweep/done',
        result: { status: 'completed', plan, trials: [done(1, 0.6), done(2, 0.9)], best: done(2, 0.9), durationMs: 40 },
      },
    ]);
    expect(sweep.phase).toBe('completed');
    expect(sweep.best).toBe(2);
    expect(sweep.trials.map((t) => t.points.length)).toEqual([2, 2]);
    expect(sweep.fraction).toBe(1);
    expect(project.touched).toBe(1);
    expect(sweep.csv()?.split('\n')[0]).toBe(
      `trial,rank,status,objective (valAccuracy),${LR},epochs,keptEpoch,valAccuracy,bracket,rung,seed,durationMs,error`,
    );

    expect(await sweep.useTrial(2)).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'sweep/apply', spec: project.spec, params: { [LR]: 0.02 } });
    expect(project.network.layers).toEqual([{ id: 'dense_1', type: 'dense', units: 32 }]);
    // The searched values land in the training settings; the project's seed and backend stay.
    expect(project.training).toEqual({
      seed: 42,
      epochs: 2,
      backend: 'wasm',
      optimizer: { type: 'adam', learningRate: 0.02 },
    });
    // Undo brings back the layers and every training setting the trial changed, as one step; Redo applies them again.
    project.network.undo();
    expect(project.network.layers).toEqual([{ id: 'dense_1', type: 'dense', units: 16 }]);
    expect(project.training).toEqual({
      seed: 42,
      epochs: 2,
      backend: 'wasm',
      optimizer: { type: 'adam', learningRate: 0.01 },
    });
    expect(project.network.canUndo).toBe(false);
    project.network.redo();
    expect(project.network.layers).toEqual([{ id: 'dense_1', type: 'dense', units: 32 }]);
    expect(project.training.optimizer).toEqual({ type: 'adam', learningRate: 0.02 });
    // A later layer edit's undo leaves the training settings as they are.
    project.training = { ...project.training, epochs: 9 };
    project.network.add('dropout');
    project.network.undo();
    expect(project.training.epochs).toBe(9);

    const record = readSweepRecord(JSON.parse(JSON.stringify(sweep.toRecord())));
    expect(record?.result?.trials).toHaveLength(2);
    const again = new Sweep(project);
    again.restore(record);
    expect(again.phase).toBe('completed');
    expect(again.bestTrial?.record.objective).toBe(0.9);
    expect(again.trials[1]?.points.map((p) => p.objective)).toEqual([0.7, 0.9]);
    expect(readSweepRecord({ space: {} })).toBeNull();
    // A project saved before Hyperband has no bracket in its records.
    const old = JSON.parse(JSON.stringify(sweep.toRecord())) as {
      result: { trials: { record: Record<string, unknown> }[] };
    };
    for (const t of old.result.trials) delete t.record.bracket;
    again.restore(readSweepRecord(old));
    expect(again.trials.map((t) => t.record.bracket)).toEqual([null, null]);
  });

  it('shows a refused start as problems beside the fields', async () => {
    const { project } = fakeProject();
    const wire: WireError = {
      name: 'SweepError',
      code: 'sweep/empty-range',
      path: 'trials',
      message: 'trials must be a whole number ≥ 1, got 0.',
      problems: [{ code: 'sweep/out-of-range', path: 'trials', message: 'trials must be a whole number ≥ 1, got 0.' }],
    };
    const { EngineRequestError } = await import('../engine/engine-client.ts');
    (project.engine as unknown as { request: () => Promise<never> }).request = async () => {
      throw new EngineRequestError(wire);
    };
    const sweep = new Sweep(project);
    await sweep.start();
    expect(sweep.phase).toBe('idle');
    expect(sweep.checker.problems.map((p) => p.path)).toEqual(['trials']);
  });

  it('opens a trials CSV (an Optuna study’s export) as a finished sweep: table, best, CSV again, Use best on the current network', async () => {
    const { project, sent } = fakeProject();
    const sweep = new Sweep(project);
    const csv =
      `trial,rank,status,objective (valAccuracy),${LR},epochs,keptEpoch,valAccuracy,valLoss,bracket,rung,seed,durationMs,error\n` +
      '1,2,done,0.8,0.001,5,5,0.8,0.4,,,43,120,\n2,1,done,0.9,0.002,5,5,0.9,0.3,,,44,130,\n3,,pruned,0.5,0.1,1,1,0.5,0.9,,,45,20,\n';
    sweep.openTrials(csv, 'study-trials.csv');
    expect(sweep.phase).toBe('completed');
    expect(sweep.openedFrom).toBe('study-trials.csv');
    expect(sweep.trials.map((t) => [t.record.trial, t.record.status])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [3, 'pruned'],
    ]);
    expect(sweep.bestTrial?.record.params).toEqual({ [LR]: 0.002 });
    expect(sweep.plan?.parameters[0].distribution).toEqual({ type: 'logUniform', min: 0.001, max: 0.1 });
    expect(sweep.csv()).toBe(csv);
    expect(project.touched).toBe(1);
    expect(await sweep.useTrial(2)).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'sweep/apply', spec: project.spec, params: { [LR]: 0.002 } });
    expect(() => sweep.openTrials('a,b\n1,2\n', 'iris.csv')).toThrow(
      "Line 1: the trials CSV has no 'trial', 'rank', 'status'",
    );
    expect(sweep.trials).toHaveLength(3);
  });
});
