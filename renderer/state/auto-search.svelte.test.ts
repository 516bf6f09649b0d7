import { describe, expect, it, vi } from 'vitest';
import type { SweepEvent, SweepPlan, TrialRecord, WireError } from '../../engine/protocol/index.ts';
import type { RequestBody, RunEvent, SweepLiveEvent } from '../engine/engine-client.ts';
import { EngineRequestError } from '../engine/engine-client.ts';
import { NetworkEditor } from './network-editor.svelte.ts';
import type { Project } from './project.svelte.ts';
import { Sweep } from './sweep.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

const plan: SweepPlan = {
  strategy: 'tpe',
  trials: 500,
  epochBudget: null,
  seed: 7,
  concurrency: 1,
  objective: { metric: 'valLoss', direction: 'minimize' },
  parameters: [],
  budgetSeconds: 8,
};
const trial = (n: number, objective: number, label?: string): TrialRecord => ({
  trial: n,
  params: { hiddenLayers: n - 1 },
  status: 'done',
  objective,
  metrics: { valLoss: objective },
  epochs: 5,
  keptEpoch: 4,
  durationMs: 3,
  seed: n,
  rung: null,
  bracket: null,
  error: null,
  history: [],
  ...(label ? { label } : {}),
});
const started = (t: TrialRecord): SweepEvent => ({
  type: 'trial/start',
  trial: t.trial,
  params: t.params,
  seed: t.seed,
  rung: null,
  bracket: null,
  epochs: 5,
});

/** The parts of a Project the search uses, with an engine that answers from fixtures and records what it was sent. */
function fakeProject(o: { refuse?: WireError } = {}) {
  const sent: RequestBody[] = [];
  let sweepListener: (e: SweepLiveEvent) => void = () => {};
  const runListeners = new Map<string, (e: RunEvent) => void>();
  const project = {
    spec: { layers: [{ id: 'output', type: 'dense', units: 'auto' }], training: { seed: 7 } },
    training: { seed: 7, backend: 'wasm' },
    network: null as unknown as NetworkEditor,
    dataset: {
      settings: { target: 'species' } as { target: string } | null,
      table: {
        name: 'iris.csv',
        rows: 150,
        columns: [
          {
            name: 'species',
            topCategories: ['a', 'b', 'c'].map((value) => ({ value, count: 50 })),
          },
        ],
      } as unknown,
      summary: {
        task: { kind: 'classification', classes: ['a', 'b', 'c'] },
        featureNames: ['x1', 'x2', 'x3', 'x4'],
        rows: { train: 105, validation: 15, test: 30 },
      } as unknown,
    },
    check: null,
    runs: [] as TrainingRun[],
    currentRunId: null as string | null,
    get activeRun() {
      return this.runs.find((r) => r.isActive) ?? null;
    },
    touch() {},
    modelJson: async () => '{}',
    evaluate: async () => {},
    control: async (run: TrainingRun) => {
      sent.push({ type: 'train/stop', runId: run.id });
    },
    engine: {
      onCrash: () => () => {},
      onSweep: (_id: string, l: (e: SweepLiveEvent) => void) => {
        sweepListener = l;
        return () => {};
      },
      onRun: (id: string, l: (e: RunEvent) => void) => {
        runListeners.set(id, l);
        return () => runListeners.delete(id);
      },
      request: async (body: RequestBody) => {
        sent.push(body);
        if (body.type === 'sweep/start') {
          if (o.refuse) throw new EngineRequestError(o.refuse);
          return {
            type: 'sweep/started',
            id: 1,
            sweepId: body.sweepId,
            plan,
            backend: 'CPU',
            rows: { train: 105, validation: 15 },
          };
        }
        if (body.type === 'sweep/stop') return { type: 'sweep/state', id: 2, sweepId: body.sweepId, state: 'stopping' };
        if (body.type === 'sweep/apply')
          return {
            type: 'sweep/applied',
            id: 3,
            spec: {
              layers: [
                { id: 'dense-1', type: 'dense', units: 24 },
                { id: 'output', type: 'dense', units: 'auto' },
              ],
              training: { seed: 7, epochs: 40 },
            },
          };
        if (body.type === 'sweep/retrain') {
          runListeners.get(body.runId)?.({
            type: 'train/started',
            runId: body.runId,
            spec: body.spec,
            backend: 'cpu',
            backendLabel: 'CPU',
            reason: '',
            summary: null,
          } as unknown as RunEvent);
          return { type: 'train/state', id: 4, runId: body.runId, state: 'running' };
        }
        throw new Error(`unexpected ${body.type}`);
      },
    },
  };
  project.network = new NetworkEditor(() => {}, {
    get: () => project.training as Project['training'],
    set: (training) => {
      project.training = training as typeof project.training;
    },
  });
  project.network.restore([{ id: 'output', type: 'dense', units: 'auto' }]);
  return {
    project: project as unknown as Project,
    fake: project,
    sent,
    emit: (events: SweepEvent[]) => sweepListener({ type: 'sweep/events', sweepId: 's', events }),
    finish: (runId: string) =>
      runListeners.get(runId)?.({
        type: 'train/done',
        runId,
        weights: [],
        stopReason: 'completed',
        bestEpoch: 4,
        error: null,
      } as unknown as RunEvent),
  };
}

describe('"Find a good network"', () => {
  it('says why it cannot start: no data, a bad budget, a run or a sweep going', () => {
    const { project, fake } = fakeProject();
    const auto = new Sweep(project).auto;
    expect(auto.blocked).toBeNull();
    auto.budget = 'abc';
    expect(auto.blocked).toBe(
      'Time budget “abc” is not a number of seconds. Enter a number from 5 to 86,400, such as 60.',
    );
    auto.budget = '8';
    fake.runs = [{ name: 'Run 3', isActive: true } as TrainingRun];
    expect(auto.blocked).toBe('Run 3 is training. Stop it or wait for it to finish, then search.');
    fake.runs = [];
    fake.dataset.summary = null;
    expect(auto.blocked).toBe('Load a dataset and choose its target column on the Data view first.');
  });

  it('runs the auto preset as the sweep, then applies and retrains the best trial beside the linear baseline', async () => {
    const { project, fake, sent, emit, finish } = fakeProject();
    const sweep = new Sweep(project);
    const said: string[] = [];
    sweep.auto.budget = '8';
    expect(await sweep.auto.start((kind, message) => said.push(`${kind}: ${message}`))).toBe(true);
    expect(sweep.auto.phase).toBe('searching');
    const start = sent[0] as Extract<RequestBody, { type: 'sweep/start' }>;
    expect(start.type).toBe('sweep/start');
    // The preset's space carries the budget and its labelled first trials; its network keeps the project's seed
    // (so the data split is the project's) and backend.
    // The budget is the whole search's, refit included: the engine ends the search in time to refit
    // (refitReserve); 40 training + validation rows of each class (the profile's 50, less the test share) fill 5 folds.
    expect(start.space).toMatchObject({ strategy: 'tpe', folds: 5, budgetSeconds: 8 });
    expect(start.refitReserve).toBe(true);
    expect(sweep.auto.budgetMs).toBe(8000);
    // the progress bar follows the budget's time while searching, below 1: the refit is still to come
    expect(sweep.auto.fraction).toBeGreaterThanOrEqual(0);
    expect(sweep.auto.fraction).toBeLessThan(1);
    expect(JSON.stringify(start.space)).toContain('linear baseline');
    expect(start.spec.training?.seed).toBe(7);
    expect(start.spec.training?.backend).toBe('wasm');
    expect(start.settings).toEqual({ target: 'species' });
    expect(sweep.auto.blocked).toBe(
      'A search is running. Cancel it on the Train view’s Sweep tab, or wait for it to finish.',
    );

    const records = [trial(1, 0.3, 'default network'), trial(2, 0.5, 'linear baseline'), trial(3, 0.2)];
    emit([
      { type: 'sweep/start', plan },
      ...records.map(started),
      ...records.map((record): SweepEvent => ({ type: 'trial/done', record })),
      { type: 'sweep/best', record: records[2] as TrialRecord },
      {
        type: 'sweep/done',
        result: { status: 'completed', plan, trials: records, best: records[2] ?? null, durationMs: 8000 },
      },
    ]);
    await vi.waitFor(() => expect(sent.some((b) => b.type === 'sweep/retrain')).toBe(true));
    expect(sent.find((b) => b.type === 'sweep/apply')).toMatchObject({ params: { hiddenLayers: 2 } });
    expect(project.network.layers).toEqual([{ id: 'dense-1', type: 'dense', units: 24 }]);
    const retrain = sent.find((b) => b.type === 'sweep/retrain') as Extract<RequestBody, { type: 'sweep/retrain' }>;
    expect(retrain).toMatchObject({ params: { hiddenLayers: 2 }, epochs: 4 });
    const run = fake.runs[0];
    expect(run?.name).toBe('Found network: trial 3 (train+val)');
    expect(fake.currentRunId).toBe(run?.id);
    expect(sweep.auto.phase).toBe('retraining');
    expect(sweep.auto.outcome).toBe(
      'Chosen: trial 3, validation loss 0.2 (linear baseline 0.5). It is retrained on the training and validation rows as the current run, and the Model view has its network (Undo restores yours).',
    );
    expect(said.at(-1)).toBe(`ok: ${sweep.auto.outcome}`);
    // the refit's epochs move the bar on from where the search left it, short of 1 until the run is loaded
    const before = sweep.auto.fraction ?? 0;
    if (run) run.progress = { epoch: 4, epochs: 4, batch: 1, batches: 1, loss: 0.1, rowsPerSecond: 1, runMs: 1 };
    expect(sweep.auto.fraction).toBeGreaterThan(before);
    expect(sweep.auto.fraction).toBeLessThan(1);
    finish(run?.id ?? '');
    expect(sweep.auto.phase).toBe('done');
    expect(sweep.auto.fraction).toBe(1);
  });

  it('keeps the default network when the search’s best is not ahead of it by more than the folds’ noise', async () => {
    const { project, fake, sent, emit } = fakeProject();
    const sweep = new Sweep(project);
    await sweep.auto.start(() => {});
    const defaults = { ...trial(1, 0.3, 'default network'), folds: 5, foldObjectives: [0.3, 0.3, 0.3, 0.3, 0.3] };
    const best = { ...trial(3, 0.29), folds: 5, foldObjectives: [0.2, 0.4, 0.25, 0.35, 0.25] };
    const records = [defaults, trial(2, 0.5, 'linear baseline'), best];
    emit([
      { type: 'sweep/start', plan },
      ...records.map(started),
      ...records.map((record): SweepEvent => ({ type: 'trial/done', record })),
      { type: 'sweep/done', result: { status: 'completed', plan, trials: records, best, durationMs: 8000 } },
    ]);
    await vi.waitFor(() => expect(sent.some((b) => b.type === 'sweep/retrain')).toBe(true));
    expect(sweep.best).toBe(3);
    expect(sent.find((b) => b.type === 'sweep/apply')).toMatchObject({ params: { hiddenLayers: 0 } });
    expect(sent.find((b) => b.type === 'sweep/retrain')).toMatchObject({ params: { hiddenLayers: 0 } });
    expect(fake.runs[0]?.name).toBe('Found network: trial 1 (train+val)');
    expect(sweep.auto.outcome).toBe(
      'Chosen: trial 1 (the default network), validation loss 0.3 (linear baseline 0.5). It is retrained on the training and validation rows as the current run, and the Model view has its network (Undo restores yours). The search’s best, trial 3 (0.29), was not ahead of the default network by more than the noise of the folds (one standard error), so the default network is kept.',
    );
  });

  it('cancels the retrain of the best network: the run is stopped, not removed', async () => {
    const { project, fake, sent, emit } = fakeProject();
    const sweep = new Sweep(project);
    const said: string[] = [];
    await sweep.auto.start((kind, message) => said.push(`${kind}: ${message}`));
    const best = trial(1, 0.3, 'default network');
    emit([
      { type: 'sweep/start', plan },
      started(best),
      { type: 'trial/done', record: best },
      { type: 'sweep/done', result: { status: 'completed', plan, trials: [best], best, durationMs: 8000 } },
    ]);
    await vi.waitFor(() => expect(sweep.auto.phase).toBe('retraining'));
    expect(sweep.auto.outcome).toContain('Chosen: trial 1 (the default network), validation loss 0.3.');
    await sweep.auto.cancel();
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'train/stop', runId: fake.runs[0]?.id }));
    expect(fake.runs).toHaveLength(1);
    expect(said.at(-1)).toBe(
      'info: Stopped “Found network: trial 1 (train+val)”. The trials stay on the Sweep tab; Retrain best on train+validation trains it again.',
    );
  });

  it('cancels the search: the finished trials stay, and nothing is applied or retrained', async () => {
    const { project, sent, emit } = fakeProject();
    const sweep = new Sweep(project);
    const said: string[] = [];
    await sweep.auto.start((kind, message) => said.push(`${kind}: ${message}`));
    const records = [trial(1, 0.3, 'default network')];
    await sweep.auto.cancel();
    expect(sent.at(-1)?.type).toBe('sweep/stop');
    emit([
      { type: 'sweep/start', plan },
      ...records.map(started),
      { type: 'trial/done', record: records[0] as TrialRecord },
      {
        type: 'sweep/done',
        result: { status: 'cancelled', plan, trials: records, best: records[0] ?? null, durationMs: 900 },
      },
    ]);
    expect(sweep.auto.phase).toBe('cancelled');
    expect(sweep.trials).toHaveLength(1);
    expect(sent.some((b) => b.type === 'sweep/apply' || b.type === 'sweep/retrain')).toBe(false);
    expect(said.at(-1)).toBe(
      'info: Search cancelled. The finished trial stays on the Sweep tab; your network and runs are unchanged.',
    );
  });

  it('shows a refused start beside the form, not in the sweep editor', async () => {
    const refuse: WireError = {
      name: 'DatasetError',
      code: 'data/none',
      path: '',
      message: 'Load a dataset first.',
      problems: [{ code: 'data/none', path: '', message: 'Load a dataset first.' }],
    };
    const { project } = fakeProject({ refuse });
    const sweep = new Sweep(project);
    const said: string[] = [];
    expect(await sweep.auto.start((kind, message) => said.push(`${kind}: ${message}`))).toBe(false);
    expect(sweep.auto.phase).toBe('failed');
    expect(sweep.phase).toBe('idle');
    expect(sweep.checker.problems).toEqual([]);
    expect(said).toEqual(['danger: Load a dataset first.']);
  });
});
