/**
 * The two curves the learning-curve chart offers: the sweep's objective, and a loss that is not the
 * objective. When the objective is itself the validation loss, offering "Validation loss" twice showed the
 * same curve under two identical buttons; then the other choice is the training loss.
 */
import type { EpochPoint } from '../../../state/sweep-trials.ts';

/** The loss curve offered beside the objective. */
export interface LossCurve {
  label: string;
  pick(p: EpochPoint): number | null;
}

/** The loss curve for an objective metric (`valLoss`, `valAccuracy`, …); null when it would repeat the objective. */
export function lossCurve(objective: string | null, hasValidation: boolean): LossCurve | null {
  if (objective === 'valLoss') return { label: 'Training loss', pick: (p) => p.loss };
  if (objective === 'loss') return hasValidation ? { label: 'Validation loss', pick: (p) => p.valLoss } : null;
  return hasValidation
    ? { label: 'Validation loss', pick: (p) => p.valLoss ?? p.loss }
    : { label: 'Training loss', pick: (p) => p.loss };
}
