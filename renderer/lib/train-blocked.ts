/** Why training cannot start now, in words shown beside the disabled Start training and Next buttons. */
import { plural } from './format.ts';

/** What decides whether a run can start. */
export interface TrainReadiness {
  hasDataset: boolean;
  /** The engine has not answered the latest network check yet. */
  isChecking: boolean;
  problemCount: number;
  /** Name of the run that is training now, if any. */
  activeRunName: string | null;
}

/** The reason training is blocked, or null when a run can start. A network of only the output layer can train. */
export function trainBlockedReason(r: TrainReadiness): string | null {
  if (!r.hasDataset) return 'Load a dataset first (Data view).';
  if (r.activeRunName !== null) return `${r.activeRunName} is training. Stop it or wait for it to finish.`;
  if (r.isChecking) return 'Checking the network…';
  if (r.problemCount > 0) return `Fix ${plural(r.problemCount, 'problem')} in the network or settings first.`;
  return null;
}
