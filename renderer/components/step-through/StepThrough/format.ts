/** Number words of the step-through: values as the other views print them, without a "-0". */
import type { LossName } from '../../../../engine/protocol/index.ts';
import { formatNumber } from '../../../lib/format.ts';

/** A value with `digits` significant digits; −0 prints as 0. */
export function formatValue(v: number | null | undefined, digits = 4): string {
  return formatNumber(v === 0 ? 0 : v, digits);
}

/**
 * A value with `digits` significant digits, every one printed (formatValue stops at six decimals, so
 * 0.99995732 would print as 1): for operands that need more digits than usual. Whole numbers print whole.
 */
export function formatDigits(v: number, digits: number): string {
  if (v === 0 || !Number.isFinite(v) || Number.isInteger(v)) return formatValue(v, digits);
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toLocaleString('en-US', { maximumSignificantDigits: digits });
}

/** Each loss in words. */
const LOSS_WORDS: Readonly<Record<LossName, string>> = {
  categoricalCrossentropy: 'categorical cross-entropy',
  binaryCrossentropy: 'binary cross-entropy',
  meanSquaredError: 'mean squared error',
  meanAbsoluteError: 'mean absolute error',
  huber: 'Huber loss',
};

/** A loss name in words (the name itself when unknown). */
export function lossWords(name: string): string {
  return Object.hasOwn(LOSS_WORDS, name) ? LOSS_WORDS[name as LossName] : name;
}
