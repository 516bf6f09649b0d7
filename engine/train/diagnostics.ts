/** Gradient-health checks in plain words: vanishing and exploding gradients per layer. */
import { diagnosticMessages } from './messages.ts';
import type { Diagnostic, LayerNorms } from './types.ts';

/** A layer whose gradient is this many times smaller than the largest layer's is "vanishing". */
export const VANISHING_RATIO = 1e-3;
/** Gradient norms above this (or growing past 10× the weight norm) are "exploding". */
export const EXPLODING_NORM = 1e3;

/** What the advice depends on: whether the network already has batch normalization, and the clipping norm (null: off). */
export interface GradientAdviceContext {
  hasBatchNorm: boolean;
  clipNorm: number | null;
}

/** How the clipping field is named where the user sets it: its label in the app, its field in a spec. */
export const CLIPPING = "'Gradient clipping (max norm)' (clipNorm in a spec)";

/** What to do about exploding gradients, leaving out what the network already has (lower case, no period). */
export function explodingAdvice(c: GradientAdviceContext): string {
  const steps = ['lower the learning rate'];
  steps.push(c.clipNorm === null ? `turn on ${CLIPPING}` : `lower ${CLIPPING}, now ${c.clipNorm}`);
  if (!c.hasBatchNorm) steps.push('add batch normalization');
  return `${steps.slice(0, -1).join(', ')}${steps.length > 1 ? ', or ' : ''}${steps[steps.length - 1]}`;
}

/**
 * Find layers with vanishing or exploding gradients this epoch. `reported` avoids repeating one warning;
 * `context` keeps the advice to what the network does not have yet.
 */
export function checkGradients(
  layers: readonly LayerNorms[],
  epoch: number,
  reported: Set<string>,
  context: GradientAdviceContext = { hasBatchNorm: false, clipNorm: null },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const trained = layers.filter((l) => l.weightNorm > 0);
  if (trained.length === 0) return out;
  const top = trained.reduce((a, b) => (b.gradNorm > a.gradNorm ? b : a));
  for (const l of trained) {
    const explode = l.gradNorm > EXPLODING_NORM || (l.gradNorm > 10 * (l.weightNorm + 1) && l.gradNorm > 10);
    if (explode && !reported.has(`x:${l.id}`)) {
      reported.add(`x:${l.id}`);
      out.push({
        kind: 'explodingGradients',
        layerId: l.id,
        epoch,
        message: diagnosticMessages.explodingGradients(
          l.id,
          fmt(l.gradNorm),
          fmt(l.weightNorm),
          cap(explodingAdvice(context)),
        ),
      });
    }
    const vanish = top.gradNorm > 0 && l.gradNorm < VANISHING_RATIO * top.gradNorm;
    if (vanish && !reported.has(`v:${l.id}`)) {
      reported.add(`v:${l.id}`);
      const ratio = top.gradNorm / Math.max(l.gradNorm, 1e-30);
      out.push({
        kind: 'vanishingGradients',
        layerId: l.id,
        epoch,
        message: diagnosticMessages.vanishingGradients(l.id, fmt(ratio), top.id, context.hasBatchNorm),
      });
    }
  }
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fmt(x: number): string {
  return x >= 1e4 || x < 1e-2 ? x.toExponential(1) : x.toPrecision(3);
}
