/**
 * A checked sweep as an Optuna 3.1 study: the settings `study.py` reads (`study.json`). Distributions map to
 * Optuna's (`uniform` → FloatDistribution, `logUniform` → FloatDistribution(log=True), `int` → IntDistribution,
 * `choice` → CategoricalDistribution); strategies to samplers and pruners (`random` → RandomSampler, `tpe` →
 * TPESampler, `grid` → GridSampler over the same grid values, `halving` → SuccessiveHalvingPruner and `hyperband`
 * → HyperbandPruner, both with RandomSampler and per-epoch reports). What the study cannot do is refused (`problems`,
 * with the path: an objective train.py does not report, a fractional eta); what it does differently is noted
 * (`notes`: `tpe.lag`).
 * Values the spec validator accepts are all Optuna values (no field takes both true and 1, which Python mixes up).
 */
import type { Problem } from '../../errors.ts';
import type { MonitorName } from '../../spec/index.ts';
import { gridValues } from '../distributions.ts';
import { optunaMessages as m } from '../messages.ts';
import { settingMessages as sm } from '../settings-messages.ts';
import type { SweepSetup } from '../prepare.ts';
import type { Parameter, ParamValue } from '../types.ts';

/** Identifies study settings files. */
export const STUDY_FORMAT = 'backprop-studio/optuna-study';

/** An Optuna distribution, as `study.py` builds it. */
export type OptunaDistribution =
  | { type: 'float'; low: number; high: number; log: boolean }
  | { type: 'int'; low: number; high: number; log: boolean }
  | { type: 'categorical'; choices: readonly ParamValue[] };

/** How `study.py` picks each trial's values. */
export type OptunaSampler =
  | { type: 'random'; seed: number }
  | { type: 'tpe'; seed: number; nStartupTrials: number; nEiCandidates: number; gamma: number }
  | { type: 'grid'; seed: number; grid: Record<string, readonly ParamValue[]> };

/** Whether and how `study.py` stops unpromising trials early, from the per-epoch reports. */
export type OptunaPruner =
  | { type: 'successiveHalving'; minResource: number; reductionFactor: number }
  | { type: 'hyperband'; minResource: number; maxResource: number; reductionFactor: number };

/** What `study.py` reads from `study.json`. */
export interface OptunaStudyConfig {
  format: typeof STUDY_FORMAT;
  version: 1;
  objective: {
    metric: MonitorName;
    direction: 'maximize' | 'minimize';
    /** The key of train_model's per-epoch report that holds the metric. */
    report: string;
  };
  parameters: { path: string; distribution: OptunaDistribution }[];
  sampler: OptunaSampler;
  pruner: OptunaPruner | null;
  /** Epochs of a trial whose spec does not decide them (halving, hyperband: the most a trial trains). */
  epochs: number | null;
  /** The seed every trial trains with (train.py draws the validation rows from it, so all trials share them). */
  seed: number;
}

/** The per-epoch report keys of the PyTorch package's train_model (on_epoch), by our metric names. */
const REPORTED: Readonly<Partial<Record<MonitorName, string>>> = {
  loss: 'loss',
  valLoss: 'val_loss',
  valAccuracy: 'accuracy',
  valR2: 'r2',
};

function distributionOf(p: Parameter): OptunaDistribution {
  const d = p.distribution;
  if (d.type === 'choice') return { type: 'categorical', choices: d.values };
  if (d.type === 'int') return { type: 'int', low: d.min, high: d.max, log: d.log };
  return { type: 'float', low: d.min, high: d.max, log: d.type === 'logUniform' };
}

/** The study settings of a checked sweep, or the problems that keep it from being an Optuna study. */
export function optunaStudy(setup: SweepSetup): {
  config: OptunaStudyConfig | null;
  problems: Problem[];
  notes: string[];
} {
  const { settings, space } = setup;
  const problems: Problem[] = [];
  const notes: string[] = [];
  const report = REPORTED[settings.objective.metric];
  if (!report) problems.push(m.objectiveNotReported(settings.objective.metric, Object.keys(REPORTED)));
  const pruned = settings.strategy === 'halving' || settings.strategy === 'hyperband';
  if (pruned && !Number.isInteger(settings.halving.eta)) {
    problems.push(m.fractionalEta(settings.halving.eta, settings.strategy));
  }
  if (space.tpe?.lag !== undefined && settings.strategy === 'tpe') notes.push(m.lagIgnored());
  if (settings.folds !== null) problems.push(sm.optunaFolds(settings.folds));
  const ignored = [settings.budgetSeconds === null ? '' : 'budgetSeconds', settings.enqueue.length ? 'enqueue' : ''];
  if (ignored.some(Boolean)) notes.push(sm.optunaIgnored(ignored.filter(Boolean)));
  if (problems.length || !report) return { config: null, problems, notes };
  const { seed, tpe, halving } = settings;
  const sampler: OptunaSampler =
    settings.strategy === 'tpe'
      ? { type: 'tpe', seed, nStartupTrials: tpe.initialTrials, nEiCandidates: tpe.candidates, gamma: tpe.gamma }
      : settings.strategy === 'grid'
        ? { type: 'grid', seed, grid: Object.fromEntries(space.parameters.map((p) => [p.path, gridValues(p)])) }
        : { type: 'random', seed };
  const pruner: OptunaPruner | null =
    settings.strategy === 'halving'
      ? { type: 'successiveHalving', minResource: halving.minEpochs, reductionFactor: halving.eta }
      : settings.strategy === 'hyperband'
        ? {
            type: 'hyperband',
            minResource: halving.minEpochs,
            maxResource: halving.maxEpochs,
            reductionFactor: halving.eta,
          }
        : null;
  return {
    problems,
    notes,
    config: {
      format: STUDY_FORMAT,
      version: 1,
      objective: { ...settings.objective, report },
      parameters: space.parameters.map((p) => ({ path: p.path, distribution: distributionOf(p) })),
      sampler,
      pruner,
      epochs: pruner ? halving.maxEpochs : null,
      seed,
    },
  };
}
