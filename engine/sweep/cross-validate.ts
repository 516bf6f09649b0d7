/**
 * One cross-validated trial step: the trial's network trained once per fold (each fold's own early stopping
 * on its held-out rows ends it), reduced to a mean learning curve and the folds' metrics at one common epoch.
 */
import type { EpochSummary } from '../train/index.ts';
import type { FoldOutcome, TrialContext, TrialJob, TrialJobResult } from './executor.ts';
import { checkFoldRows, foldData, foldTargets, type FoldSetting } from './folds.ts';
import { epochMetrics, meanMetrics, objectiveValue } from './objective.ts';
import { SweepError } from './sweep-error.ts';
import type { Objective } from './types.ts';

/** Epoch e of the mean curve: the losses and metrics averaged over the folds that trained e epochs. */
function meanEpoch(at: EpochSummary[]): EpochSummary {
  const first = at[0];
  const mean = (f: (s: EpochSummary) => number) => at.reduce((s, x) => s + f(x), 0) / at.length;
  const vals = at.map((s) => s.valMetrics).filter((v): v is Record<string, number> => v !== null);
  return {
    ...first,
    loss: mean((s) => s.loss),
    metrics: meanMetrics(at.map((s) => s.metrics)),
    valLoss: at.every((s) => s.valLoss !== null) ? mean((s) => s.valLoss as number) : null,
    valMetrics: vals.length === at.length ? meanMetrics(vals) : null,
    elapsedMs: at.reduce((s, x) => s + x.elapsedMs, 0),
    layers: [],
  };
}

/**
 * The one epoch every fold is scored at (and the refit trains for): the best of the folds' mean curve, among
 * the epochs every fold trained. Scoring each fold at its own best epoch would pick each epoch on the rows it
 * is scored on, flattering erratic configurations (a high learning rate's lucky minimum) that a refit for a
 * fixed number of epochs cannot repeat.
 */
function commonEpoch(mean: readonly EpochSummary[], common: number, objective: Objective): number {
  const sign = objective.direction === 'maximize' ? 1 : -1;
  let kept = 1;
  let best = -Infinity;
  for (let e = 1; e <= Math.min(common, mean.length); e++) {
    const v = objectiveValue(epochMetrics(mean[e - 1]), objective);
    if (v !== null && sign * v > best) {
      best = sign * v;
      kept = e;
    }
  }
  return kept;
}

/** Train `job` on each fold with `once`, and reduce the folds to one result. */
export async function crossValidate(
  job: TrialJob,
  folds: FoldSetting,
  c: TrialContext,
  once: (job: TrialJob, c: TrialContext) => Promise<TrialJobResult>,
): Promise<TrialJobResult> {
  // hosts check this before the sweep (prepareSweep with trainingData); a host that did not gets the message here
  const few = checkFoldRows(foldTargets(c.data), c.data.task, folds.count);
  if (few) throw new SweepError([few]);
  const results: TrialJobResult[] = [];
  for (let f = 0; f < folds.count; f++) {
    const r = await once(
      { ...job, folds: undefined, returnWeights: false },
      {
        ...c,
        data: foldData(c.data, folds, f),
        // the mean curve is sent when every fold is done; progress runs on across the folds
        onEpoch: () => {},
        onProgress: (p) => c.onProgress?.({ ...p, epoch: f * p.epochs + p.epoch, epochs: folds.count * p.epochs }),
      },
    );
    results.push(r);
    if (r.stopReason === 'stopped') break;
  }
  const longest = Math.max(0, ...results.map((r) => r.history.length));
  const history = Array.from({ length: longest }, (_, e) =>
    meanEpoch(results.filter((r) => r.history.length > e).map((r) => r.history[e])),
  );
  const kept = commonEpoch(history, Math.min(...results.map((r) => r.history.length)), folds.objective);
  const outcomes: FoldOutcome[] = results.map((r) => {
    const at = r.history[kept - 1];
    return { metrics: at ? epochMetrics(at) : {}, keptEpoch: kept, epochs: r.history.length };
  });
  const stopped = results.some((r) => r.stopReason === 'stopped');
  return {
    history,
    weights: null,
    optimizer: null,
    stopReason: stopped
      ? 'stopped'
      : results.every((r) => r.stopReason === 'completed')
        ? 'completed'
        : 'earlyStopping',
    bestEpoch: kept,
    folds: outcomes,
  };
}
