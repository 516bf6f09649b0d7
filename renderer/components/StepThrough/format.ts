/** Number words of the step-through: values as the other views print them, without a "-0". */
import type { LossName } from '../../../engine/protocol.ts';
import { formatNumber } from '../../lib/format.ts';

/** A value with `digits` significant digits; −0 prints as 0. */
export function formatValue(v: number | null | undefined, digits = 4): string {
  return formatNumber(v === 0 ? 0 : v, digits);
}

/** Each loss in words. */
export const LOSS_WORDS: Readonly<Record<LossName, string>> = {
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
