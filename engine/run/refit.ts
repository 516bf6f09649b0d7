/**
 * The refit step of the run pipeline: once early stopping has chosen the number of epochs on the validation
 * rows, the final model is trained afresh on training + validation rows for that many epochs (the sweep's best
 * model is retrained the same way). The test rows stay out, so the test score stays honest.
 */
import type { PreparedDataset } from '../data/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import { resolveTraining, type TrainResult } from '../train/index.ts';

/** The epochs to refit for, or null when this run keeps its own model (no early stopping, refit off, no validation rows). */
export function refitEpochs(
  spec: NetworkSpec,
  prepared: PreparedDataset,
  result: TrainResult,
  continued: boolean,
): number | null {
  const cfg = resolveTraining(spec.training);
  if (!cfg.refit || !cfg.earlyStopping || continued || prepared.validation.rows === 0) return null;
  if (result.stopReason === 'stopped' || result.bestEpoch < 1) return null;
  return result.bestEpoch;
}

/** The spec the refit trains: what ran (class weights resolved), for `epochs` epochs, without early stopping. */
export function refitSpec(ran: NetworkSpec, epochs: number): NetworkSpec {
  return { ...ran, training: { ...ran.training, epochs, earlyStopping: null } };
}

/**
 * The run's result after a refit: the refit's weights, and the first run's history (its validation curve chose
 * the epochs) with `refit` saying how the final weights were made. A refit the user stopped keeps the first
 * run's model.
 */
export function refitResult(first: TrainResult, refit: TrainResult, rows: number): TrainResult {
  if (refit.stopReason === 'stopped') return first;
  return {
    spec: first.spec,
    weights: refit.weights,
    history: first.history,
    stopReason: first.stopReason,
    bestEpoch: first.bestEpoch,
    backend: refit.backend,
    outputs: refit.outputs,
    refit: { epochs: refit.history.length, rows },
  };
}
