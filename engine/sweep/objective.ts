/** The objective: which metric decides, which way, and how trials rank. */
import type { MonitorName, Task } from '../spec/types.ts';
import type { EpochSummary } from '../train/types.ts';
import type { Direction, Objective, TrialRecord } from './types.ts';

/** Metrics a task reports each epoch, validation ones first. */
export function objectiveMetrics(task: Task): MonitorName[] {
  return task.kind === 'classification'
    ? ['valAccuracy', 'valLoss', 'accuracy', 'loss']
    : ['valR2', 'valLoss', 'valMae', 'valRmse', 'r2', 'loss', 'mae', 'rmse'];
}

/** Accuracy and R² grow when better; losses and errors shrink. */
export function directionOf(metric: MonitorName): Direction {
  return /accuracy|r2/i.test(metric) ? 'maximize' : 'minimize';
}

/** Validation accuracy for classification, validation R² for regression. */
export function defaultObjective(task: Task): Objective {
  const metric: MonitorName = task.kind === 'classification' ? 'valAccuracy' : 'valR2';
  return { metric, direction: directionOf(metric) };
}

/** An epoch's numbers under their monitor names: `loss`, `accuracy`, `valLoss`, `valAccuracy`, …. */
export function epochMetrics(s: EpochSummary): Record<string, number> {
  const out: Record<string, number> = { loss: s.loss, ...s.metrics };
  if (s.valLoss !== null) out.valLoss = s.valLoss;
  for (const [k, v] of Object.entries(s.valMetrics ?? {})) out[`val${k.charAt(0).toUpperCase()}${k.slice(1)}`] = v;
  return out;
}

/** Mean of each key present in every record. */
export function meanMetrics(records: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(records[0] ?? {}))
    if (records.every((r) => typeof r[key] === 'number'))
      out[key] = records.reduce((s, r) => s + r[key], 0) / records.length;
  return out;
}

/** The objective's value in these metrics; null when missing or not finite. */
export function objectiveValue(metrics: Record<string, number>, objective: Objective): number | null {
  const v = metrics[objective.metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Better first: by the objective, then the lower validation loss (accuracy ties are common), then the lower trial number. */
export function compareTrials(a: TrialRecord, b: TrialRecord, objective: Objective): number {
  const sign = objective.direction === 'maximize' ? -1 : 1;
  if (a.objective !== b.objective) {
    if (a.objective === null) return 1;
    if (b.objective === null) return -1;
    return sign * (a.objective - b.objective);
  }
  const la = a.metrics.valLoss ?? a.metrics.loss ?? Infinity;
  const lb = b.metrics.valLoss ?? b.metrics.loss ?? Infinity;
  if (la !== lb) return Number.isNaN(la - lb) ? 0 : la - lb;
  return a.trial - b.trial;
}

/** The best finished (`done`) trial, or null. */
export function bestTrial(trials: readonly TrialRecord[], objective: Objective): TrialRecord | null {
  const done = trials.filter((t) => t.status === 'done' && t.objective !== null);
  return done.length ? [...done].sort((a, b) => compareTrials(a, b, objective))[0] : null;
}

/** Trials in table order: finished ones by the objective, then pruned, then the rest, each by rank. */
export function sortTrials(trials: readonly TrialRecord[], objective: Objective): TrialRecord[] {
  const group = (t: TrialRecord) => ({ done: 0, pruned: 1, running: 2, waiting: 2, cancelled: 3, failed: 4 })[t.status];
  return [...trials].sort((a, b) => group(a) - group(b) || compareTrials(a, b, objective));
}
