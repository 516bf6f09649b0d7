/**
 * The sweep requests: check and run search spaces with trials in trial workers this worker
 * owns (one per concurrent trial, through the engine's pool executor), stop a sweep or one trial, apply a
 * trial's parameters to a spec, and retrain a configuration on train+validation as a run.
 */
import type { PreparedDataset } from '../data/index.ts';
import { DatasetError, isUserError, type Problem } from '../errors.ts';
import { toWireError, type EngineEvent } from '../protocol/index.ts';
import type { SweepCheck, SweepRequest } from '../protocol/index.ts';
import { parseSpec, TRAINING_DEFAULTS, type NetworkSpec } from '../spec/index.ts';
import {
  autoRefitReserveMs,
  checkSearchSpace,
  createPoolExecutor,
  createStrategy,
  parsePath,
  prepareSweep,
  runSweep,
  SweepControl,
  SweepError,
  trialSpec,
  type SweepSetup,
  type TrialParams,
  type TrialPort,
} from '../sweep/index.ts';
import { trainingDataOf } from '../run/index.ts';
import { resolveTraining } from '../train/index.ts';
import { sweepRequestMessages } from './messages.ts';
import type { RunEntry } from './run-entry.ts';
import { retrainRun } from './sweep-retrain.ts';
import { SweepEvents } from './sweep-events.ts';
import type { TableStore } from './table-store.ts';

type Post = (event: EngineEvent) => void;

/**
 * Milliseconds "Find a good network" needs after its search besides the refit's training: the app asks for the
 * refit, the data is prepared again, and the model is built and scored.
 */
const APP_OVERHEAD_MS = 1500;

/** Most trials one sweep trains at once: each is a worker with its own copy of the data. */
export const MAX_CONCURRENCY = 32;

/** What the sweeps need from the service. */
export interface SweepHostOptions {
  tables: TableStore;
  post: Post;
  /** Starts one trial worker. */
  spawn: () => TrialPort;
  /** Register a run under `runId` (the retrained configuration). */
  addRun: (runId: string, run: RunEntry) => void;
}

interface Prepared {
  setup: SweepSetup;
  prepared: PreparedDataset;
  spec: NetworkSpec;
}

function seedOf(spec: NetworkSpec): number {
  return spec.training?.seed ?? TRAINING_DEFAULTS.seed;
}

function notRunning(): SweepError {
  return new SweepError(sweepRequestMessages.notRunning());
}

function concurrencyProblem(value: number | null, cores: number): Problem | null {
  if (value === null || (Number.isInteger(value) && value >= 1 && value <= MAX_CONCURRENCY)) return null;
  return sweepRequestMessages.badConcurrency(value, MAX_CONCURRENCY, cores);
}

/** Serves the sweep requests. */
export class SweepHost {
  readonly #o: SweepHostOptions;
  readonly #active = new Map<string, { control: SweepControl; events: SweepEvents }>();

  constructor(o: SweepHostOptions) {
    this.#o = o;
  }

  /** Answer one sweep request (a sweep's start resolves when the sweep has ended). */
  async handle(req: SweepRequest): Promise<void> {
    const post = this.#o.post;
    switch (req.type) {
      case 'sweep/check': {
        let problems: Problem[] = [];
        let check: SweepCheck | null = null;
        try {
          check = this.#check(this.#prepare(req));
        } catch (e) {
          if (!isUserError(e)) throw e;
          problems = [...e.problems];
        }
        post({ type: 'sweep/checked', id: req.id, problems, check });
        return;
      }
      case 'sweep/start':
        await this.#start(req);
        return;
      case 'sweep/stop': {
        const s = this.#active.get(req.sweepId);
        if (!s) throw notRunning();
        s.control.cancel();
        s.events.flush();
        post({ type: 'sweep/state', id: req.id, sweepId: req.sweepId, state: 'stopping' });
        return;
      }
      case 'trial/cancel': {
        const s = this.#active.get(req.sweepId);
        if (!s) throw notRunning();
        s.control.cancelTrial(req.trial);
        post({ type: 'sweep/state', id: req.id, sweepId: req.sweepId, state: 'running' });
        return;
      }
      case 'sweep/apply': {
        const base = parseSpec(req.spec);
        post({ type: 'sweep/applied', id: req.id, spec: trialSpec(base, checkParams(req.params), seedOf(base)) });
        return;
      }
      case 'sweep/retrain':
        await retrainRun({ ...req, params: checkParams(req.params) }, this.#o);
        return;
    }
  }

  /** Decide the sweep's settings; throws a user error listing every problem. */
  #prepare(req: Extract<SweepRequest, { type: 'sweep/check' | 'sweep/start' }>): Prepared {
    const { space, problems } = checkSearchSpace(req.space);
    const concurrency = concurrencyProblem(req.concurrency, req.cores);
    if (concurrency) problems.push(concurrency);
    if (!space || problems.length) throw new SweepError(problems);
    if (!this.#o.tables.table) {
      throw new DatasetError(sweepRequestMessages.noData());
    }
    const spec = parseSpec(req.spec);
    const prepared = this.#o.tables.prepare(req.settings, seedOf(spec));
    const setup = prepareSweep({
      space,
      spec,
      data: { inputs: prepared.featureNames.length, task: prepared.task },
      hasValidation: prepared.validation.rows > 0,
      trainingData: trainingDataOf(prepared),
      cores: req.cores,
      overrides: req.concurrency === null ? {} : { concurrency: req.concurrency },
    });
    return { setup, prepared, spec };
  }

  #check({ setup, prepared, spec }: Prepared): SweepCheck {
    const { settings, space } = setup;
    const strategy = createStrategy(space.parameters, settings);
    const searchesEpochs = space.parameters.some((p) => p.path === 'training.epochs');
    return {
      strategy: settings.strategy,
      trials: strategy.trials,
      concurrency: settings.concurrency,
      seed: settings.seed,
      objective: settings.objective,
      epochBudget: searchesEpochs
        ? null
        : strategy.epochBudget(resolveTraining(spec.training).epochs) * (settings.folds ?? 1),
      rows: { train: prepared.train.rows, validation: prepared.validation.rows },
      ...(settings.folds === null ? {} : { folds: settings.folds }),
      ...(settings.budgetSeconds === null ? {} : { budgetSeconds: settings.budgetSeconds }),
    };
  }

  async #start(req: Extract<SweepRequest, { type: 'sweep/start' }>): Promise<void> {
    const asked = Date.now();
    const { post, spawn } = this.#o;
    const { sweepId } = req;
    if (this.#active.has(sweepId)) throw new SweepError(sweepRequestMessages.alreadyRunning());
    const p = this.#prepare(req);
    const { settings } = p.setup;
    const pool = createPoolExecutor({
      size: Math.min(settings.concurrency, settings.trials),
      spawn,
      data: trainingDataOf(p.prepared),
      backend: p.spec.training?.backend ?? 'auto',
    });
    let backend: string;
    try {
      backend = await pool.ready;
    } catch (e) {
      await pool.close();
      throw e;
    }
    const control = new SweepControl();
    const events = new SweepEvents(sweepId, post);
    this.#active.set(sweepId, { control, events });
    let started = false;
    try {
      await runSweep({
        setup: p.setup,
        executor: pool,
        control,
        ...(req.refitReserve
          ? {
              budgetStartedAt: asked,
              reserveMs: (done, best) => autoRefitReserveMs(done, best, { linear: false, overheadMs: APP_OVERHEAD_MS }),
            }
          : {}),
        onEvent: (e) => {
          if (e.type === 'sweep/start' && !started) {
            started = true;
            post({
              type: 'sweep/started',
              id: req.id,
              sweepId,
              plan: e.plan,
              backend,
              rows: { train: p.prepared.train.rows, validation: p.prepared.validation.rows },
            });
          }
          events.push(e);
        },
      });
    } catch (e) {
      if (!started) throw e;
      events.flush();
      post({ type: 'sweep/failed', sweepId, error: toWireError(e) });
    } finally {
      this.#active.delete(sweepId);
      await pool.close();
    }
  }
}

/** A trial's parameters as sent: every value a number, text or boolean, every key a parameter path. */
function checkParams(params: unknown): TrialParams {
  const out: TrialParams = {};
  if (typeof params !== 'object' || params === null) throw new SweepError(sweepRequestMessages.paramsNotObject());
  for (const [path, v] of Object.entries(params)) {
    if (!parsePath(path) || !(typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')) {
      throw new SweepError(sweepRequestMessages.badParam(path, v));
    }
    out[path] = v;
  }
  return out;
}
