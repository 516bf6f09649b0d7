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

/** One epoch of the mean curve: the losses and metrics averaged over the folds' summaries. */
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
 * The one epoch every fold is scored at (and the refit trains for): the best of the folds' mean curve (a fold
 * that stopped early counts with its last epoch). Scoring each fold at its own best epoch would pick each epoch
 * on the rows it is scored on, flattering erratic configurations (a high learning rate's lucky minimum) that a
 * refit for a fixed number of epochs cannot repeat.
 */
function commonEpoch(mean: readonly EpochSummary[], objective: Objective): number {
  const sign = objective.direction === 'maximize' ? 1 : -1;
  let kept = 1;
  let best = -Infinity;
  mean.forEach((m, i) => {
    const v = objectiveValue(epochMetrics(m), objective);
    if (v !== null && sign * v > best) {
      best = sign * v;
      kept = i + 1;
    }
  });
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
  // a fold that early-stopped stays at its last epoch: it stopped because its validation loss no longer improved
  const at = (r: TrialJobResult, e: number) => r.history[Math.min(e, r.history.length) - 1];
  const ready = results.filter((r) => r.history.length > 0);
  const history = Array.from({ length: longest }, (_, e) => ({
    ...meanEpoch(ready.map((r) => at(r, e + 1))),
    epoch: e + 1,
  }));
  const kept = commonEpoch(history, folds.objective);
  const outcomes: FoldOutcome[] = results.map((r) => {
    const summary = r.history.length ? at(r, kept) : undefined;
    return { metrics: summary ? epochMetrics(summary) : {}, keptEpoch: kept, epochs: r.history.length };
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
