/**
 * What the update did to the loss on the same rows, in words. Cross-entropy clips probabilities to
 * [ε, 1 − ε] so that ln never sees 0, so its loss has a floor of −ln(1 − ε) ≈ 1e-7: a row already fitted
 * (loss 2.3e-6) that the step pushes onto the floor "went down 96%", which reads as progress but is the clip.
 * At the floor the verdict says so instead of giving a percentage.
 */
import { PROBABILITY_EPSILON } from '../../../../engine/protocol/index.ts';
import { formatValue } from '../StepThrough/format.ts';

/** How the loss moved. */
export interface LossVerdict {
  kind: 'down' | 'up' | 'unchanged' | 'floor';
  /** The badge's words. */
  badge: string;
  /** Why, when the badge alone would mislead; null otherwise. */
  note: string | null;
}

/** Losses whose probabilities are clipped before the log. */
const CLIPPED = new Set(['categoricalCrossentropy', 'binaryCrossentropy']);

/**
 * The loss of a probability clipped to 1 − ε, the largest of float64's and float32's (a float32 kernel
 * rounds 1 − 1e-7 to 0.99999988): at or below this the loss is on its floor.
 */
export const LOSS_FLOOR = -Math.log(Math.fround(1 - PROBABILITY_EPSILON));

/** Changes smaller than this share of the loss do not show at four digits. */
const UNCHANGED = 1e-6;

/** The verdict for a loss going from `before` to `after` under loss `name`, on `rows` rows. */
export function lossVerdict(name: string, before: number, after: number, rows: number): LossVerdict {
  const change = after - before;
  if (Math.abs(change) <= UNCHANGED * Math.abs(before) + 1e-12)
    return { kind: 'unchanged', badge: 'unchanged', note: null };
  if (change > 0)
    return { kind: 'up', badge: `went up ${formatValue((change / Math.max(before, 1e-12)) * 100, 2)}%`, note: null };
  if (CLIPPED.has(name) && after <= LOSS_FLOOR * 1.001) {
    return {
      kind: 'floor',
      badge: 'down to its floor',
      note:
        `The loss is on its floor: probabilities are clipped to [${PROBABILITY_EPSILON}, 1 − ${PROBABILITY_EPSILON}] so that ln never sees 0, ` +
        `so it cannot go below about ${formatValue(LOSS_FLOOR, 1)}. It was already tiny (${formatValue(before, 4)}): the prediction was right and all but certain. ` +
        `The drop to ${formatValue(after, 4)} (${formatValue((-change / before) * 100, 2)}%) only means the step made it surer; there was nothing left to learn from ${rows === 1 ? 'this row' : 'these rows'}.`,
    };
  }
  return { kind: 'down', badge: `went down ${formatValue((-change / before) * 100, 2)}%`, note: null };
}
