/**
 * Divergence: the loss became NaN or infinite, or exploded, or the weights grew far past where they started.
 * Each ends the run with a TrainingError that suggests a learning rate likely to work.
 */
import { TrainingError } from '../errors.ts';
import type { OptimizerName } from '../spec/types.ts';
import { CLIPPING } from './diagnostics.ts';
import { trainMessages } from './messages.ts';
import type { EpochSummary, LayerNorms } from './types.ts';

/** A layer whose weight norm grows past this many times its starting norm (at least 1) has diverged. */
export const WEIGHT_GROWTH_LIMIT = 1e4;
/** An epoch loss this many times the lowest epoch loss so far (at least 1e-3) has exploded. */
export const LOSS_GROWTH_LIMIT = 1e4;

/** Rates above which each optimizer rarely trains steadily: a suggestion never goes above these. */
const SAFE_RATE: Record<OptimizerName, number> = {
  sgd: 0.01,
  rmsprop: 0.001,
  adagrad: 0.01,
  adam: 0.001,
  adamw: 0.001,
};

/** A learning rate likely to work after `lr` diverged: a tenth of it, and no more than the optimizer's safe rate. */
export function suggestedRate(optimizer: OptimizerName, lr: number): number {
  return Number(Math.min(lr / 10, SAFE_RATE[optimizer]).toPrecision(2));
}

function diverged(what: string, optimizer: OptimizerName, lr: number): TrainingError {
  return new TrainingError(trainMessages.diverged(what, lr, suggestedRate(optimizer, lr), CLIPPING));
}

/** The loss became NaN or infinite in a batch (`approximate`: noticed by that batch, not in it). */
export function nonFiniteLoss(
  epoch: number,
  batch: number,
  optimizer: OptimizerName,
  lr: number,
  approximate: boolean,
): TrainingError {
  const where = approximate ? `in epoch ${epoch}, by batch ${batch}` : `in epoch ${epoch}, batch ${batch}`;
  return diverged(`the loss became NaN or infinite ${where}`, optimizer, lr);
}

/** Watches each epoch's loss and weight norms against where the run started. */
export class DivergenceWatch {
  readonly #start: Map<string, number>;
  #lowestLoss = Infinity;

  /**
   * `start`: the layers' weight norms before the first step. For regression, weights may legitimately grow
   * large when the target is not standardized (preprocessing off), so there they count as exploding only
   * while the loss is not improving; class targets are bounded, so huge weights only saturate the outputs.
   */
  constructor(
    start: readonly LayerNorms[],
    private readonly optimizer: OptimizerName,
    private readonly regression = false,
  ) {
    this.#start = new Map(start.map((l) => [l.id, l.weightNorm]));
  }

  /** Throws a TrainingError when the epoch shows divergence. */
  check(s: EpochSummary): void {
    if (!Number.isFinite(s.loss))
      throw diverged(`the loss became NaN or infinite in epoch ${s.epoch}`, this.optimizer, s.learningRate);
    const improving = this.regression && s.loss < this.#lowestLoss;
    for (const l of s.layers) {
      const from = this.#start.get(l.id) ?? 0;
      if (!Number.isFinite(l.weightNorm) || (!improving && l.weightNorm > WEIGHT_GROWTH_LIMIT * Math.max(1, from))) {
        throw diverged(
          `the weights of layer '${l.id}' grew to norm ${fmt(l.weightNorm)} (from ${fmt(from)} at the start) by epoch ${s.epoch}`,
          this.optimizer,
          s.learningRate,
        );
      }
    }
    if (s.loss > LOSS_GROWTH_LIMIT * Math.max(this.#lowestLoss, 1e-3)) {
      throw diverged(
        `the loss exploded to ${fmt(s.loss)} in epoch ${s.epoch} (it was ${fmt(this.#lowestLoss)})`,
        this.optimizer,
        s.learningRate,
      );
    }
    this.#lowestLoss = Math.min(this.#lowestLoss, s.loss);
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) && Math.abs(x) < 1e4 && Math.abs(x) >= 1e-2
    ? String(Number(x.toPrecision(3)))
    : x.toExponential(2);
}
