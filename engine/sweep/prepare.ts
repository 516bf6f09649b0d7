/** Decide every sweep setting from the space file, the host's overrides and the defaults, and check the lot. */
import { SpecError, type Problem } from '../errors.ts';
import { checkResolve, LIMITS, type NetworkSpec, type Task } from '../spec/index.ts';
import { resolveTraining, type TrainingData } from '../train/index.ts';
import { checkEnqueued } from './enqueue.ts';
import { checkFoldRows, foldTargets } from './folds.ts';
import { settingMessages as sm } from './settings-messages.ts';
import { checkParameters, type DataShape } from './check-space.ts';
import { gridSize } from './strategies/grid.ts';
import { hyperbandSizes } from './strategies/hyperband.ts';
import { sweepMessages as m } from './messages.ts';
import { defaultObjective, directionOf, objectiveMetrics } from './objective.ts';
import { SweepError } from './sweep-error.ts';
import type { Objective, SearchSpace, StrategyName, SweepSettings } from './types.ts';

/** Settings the host (CLI flags, the Sweep view) sets over those of the space file. */
export interface SweepOverrides {
  strategy?: StrategyName;
  trials?: number;
  seed?: number;
  concurrency?: number;
  objective?: Partial<Objective>;
}

/** Everything `prepareSweep` needs. */
export interface PrepareOptions {
  space: SearchSpace;
  /** The base network: the host's (the app's current model, `--spec`), else the space's `spec`. */
  spec: NetworkSpec;
  /** The data's task and number of features. */
  data: DataShape;
  /** Whether the data has validation rows (validation objectives need them). */
  hasValidation: boolean;
  /** CPU cores of the machine, for the default concurrency (cores − 1, at least 1). */
  cores: number;
  overrides?: SweepOverrides;
  /** The data trials train on, when the host has it: checks that `folds` can be dealt from its rows. */
  trainingData?: TrainingData;
}

/** A checked sweep, ready to run. */
export interface SweepSetup {
  space: SearchSpace;
  spec: NetworkSpec;
  settings: SweepSettings;
}

/** Trials of random, halving and TPE sweeps when nobody says (grid: the whole grid; hyperband: its standard plan). */
export const DEFAULT_TRIALS = 16;

/** Trials running at once by default: all cores but one (which serves the UI or the CLI), at least 1. */
export function defaultConcurrency(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

function resolveObjective(space: SearchSpace, o: Partial<Objective> | undefined, task: Task): Objective {
  const metric = o?.metric ?? space.objective?.metric ?? defaultObjective(task).metric;
  const direction = o?.direction ?? (o?.metric ? undefined : space.objective?.direction) ?? directionOf(metric);
  return { metric, direction };
}

/** Problems of the space's folds and enqueued trials with this strategy, trial count, network and data. */
function settingProblems(o: PrepareOptions, strategy: StrategyName, trials: number): Problem[] {
  const { space } = o;
  const problems: Problem[] = [];
  const halving = strategy === 'halving' || strategy === 'hyperband';
  if (space.folds !== undefined && halving) problems.push(sm.foldsWithHalving(strategy));
  else if (space.folds !== undefined && o.trainingData) {
    const p = checkFoldRows(foldTargets(o.trainingData), o.data.task, space.folds);
    if (p) problems.push(p);
  }
  const enqueue = space.enqueue ?? [];
  if (enqueue.length && strategy !== 'random' && strategy !== 'tpe') problems.push(sm.enqueueStrategy(strategy));
  else if (enqueue.length > trials) problems.push(sm.enqueueTooMany(enqueue.length, trials));
  problems.push(...checkEnqueued(enqueue, o.spec, o.data));
  return problems;
}

/** Decide the settings; throws SweepError listing every problem (SpecError when the base network itself is invalid). */
export function prepareSweep(o: PrepareOptions): SweepSetup {
  const { space, spec, data } = o;
  const base = checkResolve(spec, data.inputs, data.task).problems;
  if (base.length) throw new SpecError(base);
  const problems: Problem[] = checkParameters(space.parameters, spec, data);
  const v = o.overrides ?? {};
  const strategy = v.strategy ?? space.strategy ?? 'random';
  const eta = space.halving?.eta ?? 3;
  const maxEpochs = space.halving?.maxEpochs ?? resolveTraining(spec.training).epochs;
  const minEpochs = space.halving?.minEpochs ?? Math.max(1, Math.round(maxEpochs / eta ** 2));
  const halving = { eta, minEpochs, maxEpochs };
  if (strategy === 'halving' || strategy === 'hyperband') {
    const epochs = space.parameters.find((p) => p.path === 'training.epochs');
    if (epochs) problems.push(m.epochsWithHalving(epochs.path, strategy));
    if (minEpochs >= maxEpochs) problems.push(m.halvingRange(minEpochs, maxEpochs));
  }
  // Hyperband's standard plan fixes its configurations; a given count scales its brackets.
  const brackets = strategy === 'hyperband' && minEpochs < maxEpochs ? hyperbandSizes(halving) : null;
  const grid = gridSize(space.parameters);
  if (v.trials !== undefined && v.trials > LIMITS.trials)
    problems.push(m.tooManyTrials('trials', v.trials, LIMITS.trials));
  if (strategy === 'grid' && grid > LIMITS.trials) problems.push(m.gridTooLarge(grid, LIMITS.trials));
  const wanted =
    v.trials ??
    space.trials ??
    (strategy === 'grid' ? grid : brackets ? brackets.reduce((a, b) => a + b, 0) : DEFAULT_TRIALS);
  const trials = strategy === 'grid' ? Math.min(wanted, grid) : wanted;
  if (brackets && trials < brackets.length) problems.push(m.hyperbandTrials(trials, brackets, halving));
  const objective = resolveObjective(space, v.objective, data.task);
  const valid = objectiveMetrics(data.task);
  const folds = space.folds ?? null;
  if (!valid.includes(objective.metric)) problems.push(m.objectiveNotReported(objective.metric, data.task.kind, valid));
  else if (objective.metric.startsWith('val') && !o.hasValidation && folds === null)
    problems.push(m.noValidation(objective.metric));
  problems.push(...settingProblems(o, strategy, trials));
  if (problems.length) throw new SweepError(problems);
  const t = space.tpe ?? {};
  return {
    space,
    spec,
    settings: {
      strategy,
      trials,
      objective,
      seed: v.seed ?? space.seed ?? resolveTraining(spec.training).seed,
      concurrency: v.concurrency ?? defaultConcurrency(o.cores),
      halving,
      tpe: {
        initialTrials: Math.min(trials, t.initialTrials ?? Math.max(4, Math.min(10, Math.round(trials / 3)))),
        lag: t.lag ?? 4,
        candidates: t.candidates ?? 24,
        gamma: t.gamma ?? 0.25,
      },
      folds,
      budgetSeconds: space.budgetSeconds ?? null,
      enqueue: space.enqueue ?? [],
    },
  };
}
