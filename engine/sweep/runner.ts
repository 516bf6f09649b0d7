/**
 * The sweep runner: asks the strategy for work, trains up to `concurrency` trial steps at once through
 * the injected executor, records every trial, streams events, and honours cancellation. Failed trials
 * are recorded with their message and the sweep goes on.
 */
import { assert } from '../errors.ts';
import { resolveTraining, type OptimizerCheckpoint, type WeightTensor } from '../train/index.ts';
import { trialSpec } from './apply.ts';
import type { SweepControl } from './control.ts';
import type { TrialExecution, TrialExecutor, TrialJobResult } from './executor.ts';
import { bestTrial, compareTrials, epochMetrics, objectiveValue } from './objective.ts';
import { END_EVENT, failureOf, newRecord, settleRecord } from './runner-records.ts';
import type { SweepSetup } from './prepare.ts';
import { trialSeed } from './seeds.ts';
import { createStrategy, type TrialStep } from './strategies/index.ts';
import type { SweepEvent, SweepPlan, SweepResult, TrialPace, TrialRecord, TrialStatus } from './types.ts';

/** Options of `runSweep`. */
export interface RunSweepOptions {
  setup: SweepSetup;
  /** Trains the trials; the host creates it (with the data) and closes it after the sweep. */
  executor: TrialExecutor;
  onEvent?: (event: SweepEvent) => void;
  control?: SweepControl;
  /** Milliseconds clock (injectable for tests). */
  now?: () => number;
  /** When the time budget started, on `now`'s clock (the host's request or command); default: now. */
  budgetStartedAt?: number;
  /**
   * Milliseconds the host needs after the sweep, out of its time budget (the auto search's refit), from the
   * finished trials' pace: the search ends that long before the budget does. Asked after each finished trial.
   */
  reserveMs?: (done: readonly TrialPace[], best: TrialPace | null) => number;
}

/** Run a prepared sweep to the end (or until cancelled); resolves with every trial and the best one. */
export function runSweep(o: RunSweepOptions): Promise<SweepResult> {
  const { setup, executor } = o;
  const { settings, spec: base, space } = setup;
  const now = o.now ?? Date.now;
  const emit = o.onEvent ?? (() => {});
  const strategy = createStrategy(space.parameters, settings);
  const fullEpochs = resolveTraining(base.training).epochs;
  const plan: SweepPlan = {
    strategy: settings.strategy,
    trials: strategy.trials,
    seed: settings.seed,
    concurrency: settings.concurrency,
    objective: settings.objective,
    parameters: space.parameters,
    epochBudget: space.parameters.some((p) => p.path === 'training.epochs')
      ? null
      : strategy.epochBudget(fullEpochs) * (settings.folds ?? 1),
    ...(settings.folds === null ? {} : { folds: settings.folds }),
    ...(settings.budgetSeconds === null ? {} : { budgetSeconds: settings.budgetSeconds }),
  };
  const started = now();
  const budgetStart = o.budgetStartedAt ?? started;
  const deadline = settings.budgetSeconds === null ? Infinity : budgetStart + settings.budgetSeconds * 1000;
  const folds =
    settings.folds === null ? undefined : { count: settings.folds, seed: settings.seed, objective: settings.objective };
  const records = new Map<number, TrialRecord>();
  // a waiting (halving) trial's weights and optimizer state, to continue from when promoted
  const weights = new Map<number, { weights: WeightTensor[]; optimizer: OptimizerCheckpoint | null }>();
  const running = new Map<number, TrialExecution>();
  const queue: TrialStep[] = [];
  let strategyDone = false;
  let cancelled = false;
  // the time budget ran out once a trial had finished: nothing more starts, and running trials stop
  let spent = false;
  let best: TrialRecord | null = null;
  // each trial's last step's milliseconds per epoch, and the time the host keeps for after the sweep
  const paces = new Map<number, number>();
  let reserve = 0;
  const paced = (r: TrialRecord): TrialPace => ({ record: r, msPerEpoch: paces.get(r.trial) ?? 0 });

  const finish = (status: Exclude<TrialStatus, 'running'>, r: TrialRecord) => {
    r.status = status;
    if (status !== 'waiting') weights.delete(r.trial);
    emit({ type: END_EVENT[status], record: r });
    if (status === 'done' && (!best || compareTrials(r, best, settings.objective) < 0) && r.objective !== null) {
      best = r;
      emit({ type: 'sweep/best', record: r });
    }
    if (status === 'done' && o.reserveMs) {
      const done = [...records.values()].filter((x) => x.status === 'done').map(paced);
      reserve = o.reserveMs(done, best && paced(best));
    }
  };

  const hasDone = () => [...records.values()].some((r) => r.status === 'done');
  // the enqueued trials (the auto search's default network and linear baseline) are compared against: the
  // budget lets each of them end before it stops the sweep
  const enqueuedEnded = () =>
    settings.enqueue.every((_, i) => {
      const status = records.get(i + 1)?.status;
      return status !== undefined && status !== 'running' && status !== 'waiting';
    });
  /** Past the deadline with a finished trial and the enqueued ones ended: stop for good (true when the budget is spent). */
  const checkBudget = (): boolean => {
    if (!spent && now() + reserve >= deadline && hasDone() && enqueuedEnded()) {
      spent = true;
      queue.length = 0;
      for (const e of running.values()) e.stop();
    }
    return spent;
  };

  return new Promise<SweepResult>((resolve, reject) => {
    const start = (step: TrialStep) => {
      const seed = trialSeed(settings.seed, step.trial);
      const r = records.get(step.trial) ?? newRecord(step, seed, settings.enqueue);
      records.set(step.trial, r);
      r.status = 'running';
      r.rung = step.rung;
      r.bracket = step.bracket;
      const offset = r.epochs;
      const begun = now();
      let execution: TrialExecution;
      let epochs: number;
      try {
        const spec = trialSpec(
          base,
          step.params,
          trialSeed(settings.seed, step.trial, step.rung ?? 0),
          step.epochs === null ? undefined : step.epochs - offset,
        );
        epochs = offset + resolveTraining(spec.training).epochs;
        emit({
          type: 'trial/start',
          trial: step.trial,
          params: step.params,
          seed,
          rung: step.rung,
          bracket: step.bracket,
          epochs,
          ...(r.label === undefined ? {} : { label: r.label }),
        });
        const saved = weights.get(step.trial);
        execution = executor.run(
          {
            trial: step.trial,
            spec,
            initialWeights: saved?.weights ?? null,
            initialOptimizer: saved?.optimizer ?? null,
            returnWeights: !step.final,
            ...(folds ? { folds } : {}),
          },
          {
            onEpoch: (s) => {
              checkBudget();
              const summary = { ...s, epoch: offset + s.epoch, epochs };
              r.history.push(summary);
              r.epochs = r.history.length;
              emit({
                type: 'trial/epoch',
                trial: step.trial,
                summary,
                objective: objectiveValue(epochMetrics(summary), settings.objective),
              });
            },
            onProgress: (p) => {
              checkBudget();
              emit({ type: 'trial/progress', trial: step.trial, ...p, epoch: offset + p.epoch, epochs });
            },
          },
        );
      } catch (e) {
        r.error = failureOf(e);
        finish('failed', r);
        return;
      }
      running.set(step.trial, execution);
      execution.result
        .then(
          (res: TrialJobResult) => {
            const history = res.history.map((s) => ({ ...s, epoch: offset + s.epoch, epochs }));
            settleRecord(r, settings.objective, { offset, history, kept: res.bestEpoch, folds: res.folds });
            // a cross-validated trial's curve (the folds' mean) is known only now
            if (res.folds)
              for (const summary of history)
                emit({
                  type: 'trial/epoch',
                  trial: step.trial,
                  summary,
                  objective: objectiveValue(epochMetrics(summary), settings.objective),
                });
            r.durationMs += now() - begun;
            const trained = res.folds ? res.folds.reduce((n, f) => n + f.epochs, 0) : res.history.length;
            paces.set(step.trial, (now() - begun) / Math.max(1, trained));
            if (res.stopReason === 'stopped') finish('cancelled', r);
            else if (step.final) finish('done', r);
            else {
              if (res.weights) weights.set(step.trial, { weights: res.weights, optimizer: res.optimizer });
              finish('waiting', r);
            }
          },
          (e: unknown) => {
            settleRecord(r, settings.objective, { offset, history: r.history.slice(offset), kept: 0 });
            r.durationMs += now() - begun;
            r.error = failureOf(e);
            finish('failed', r);
          },
        )
        .finally(() => {
          running.delete(step.trial);
          pump();
        })
        .catch(reject);
    };

    /** Ask the strategy for work; true when that changed anything. */
    const pull = (): boolean => {
      const step = strategy.next(records);
      if (step === null) {
        strategyDone = true;
        return true;
      }
      for (const t of step.prune) {
        const r = records.get(t);
        if (r && r.status === 'waiting') finish('pruned', r);
      }
      queue.push(...step.run.filter((s) => records.get(s.trial)?.status !== 'cancelled'));
      return step.run.length > 0 || step.prune.length > 0;
    };

    const pump = () => {
      for (;;) {
        const stopped = () => cancelled || checkBudget();
        let progressed = !stopped() && !strategyDone && pull();
        // past the deadline with nothing finished yet, one trial at a time runs until one finishes
        const room = () => (now() >= deadline ? 1 : settings.concurrency);
        while (!stopped() && running.size < room() && queue.length) {
          start(queue.shift() as TrialStep);
          progressed = true;
        }
        if (running.size > 0) return;
        if (stopped() || (strategyDone && queue.length === 0)) break;
        assert(progressed, 'the sweep strategy is waiting, but no trial is running');
      }
      o.control?.detach();
      for (const r of records.values()) if (r.status === 'waiting') finish('cancelled', r);
      const trials = [...records.values()].sort((a, b) => a.trial - b.trial);
      const result: SweepResult = {
        status: cancelled ? 'cancelled' : 'completed',
        plan,
        trials,
        best: bestTrial(trials, settings.objective),
        durationMs: now() - started,
      };
      emit({ type: 'sweep/done', result });
      resolve(result);
    };

    o.control?.attach({
      cancel: () => {
        cancelled = true;
        queue.length = 0;
        for (const e of running.values()) e.stop();
      },
      cancelTrial: (trial) => {
        const r = records.get(trial);
        const exec = running.get(trial);
        if (exec && r?.status === 'running') return exec.stop();
        const queued = queue.findIndex((s) => s.trial === trial);
        const step = queued >= 0 ? queue.splice(queued, 1)[0] : null;
        if (r?.status === 'waiting') finish('cancelled', r);
        else if (!r && step) {
          // Never started: recorded (and announced) as cancelled so the table shows it.
          const fresh = newRecord(step, trialSeed(settings.seed, trial), settings.enqueue);
          records.set(trial, fresh);
          finish('cancelled', fresh);
        }
      },
    });
    emit({ type: 'sweep/start', plan });
    try {
      pump();
    } catch (e) {
      reject(e);
    }
  });
}
