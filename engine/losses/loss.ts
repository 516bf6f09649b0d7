/** Shape of a loss: its per-element value and derivative, and how it pairs with the output activation. */
import type { ActivationName } from '../spec/types.ts';

/** The math of one loss. Elementwise losses are averaged over the k outputs of a row, then over rows. */
export interface LossMath {
  /** Shown in docs and the step-through view. */
  formula: string;
  /** 'elementwise': target [n, k]; 'sparse': target [n, 1] holds the class index. */
  kind: 'elementwise' | 'sparse';
  /** True when accuracy is meaningful (the loss is a classification loss). */
  isClassification: boolean;
  /** The output activation it fuses with in the backward pass (gradient becomes p − y). */
  fusesWith: ActivationName | null;
  /** Loss of one element (elementwise) given prediction p and target y. */
  value(p: number, y: number, delta: number): number;
  /** ∂value/∂p for one element. */
  grad(p: number, y: number, delta: number): number;
}

/** Probabilities are clipped to [ε, 1 − ε] before taking logs (Keras' ε). */
export const PROBABILITY_EPSILON = 1e-7;

/** Clip a probability away from 0 and 1. */
export function clipProbability(p: number): number {
  return p < PROBABILITY_EPSILON ? PROBABILITY_EPSILON : p > 1 - PROBABILITY_EPSILON ? 1 - PROBABILITY_EPSILON : p;
}
