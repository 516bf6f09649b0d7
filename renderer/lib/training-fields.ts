/**
 * Which training settings the Train view's form has a field for, so that a problem at one of them shows beside it
 * and every other problem (a setting opened from a file that the form has no field for) shows in the list below
 * the form instead of nowhere.
 */
import type { Problem } from '../../engine/protocol/index.ts';

/** Paths under `training.` that OptimizerFields, ScheduleFields and RunFields show with a FieldError. */
const TRAINING_FIELDS: readonly string[] = [
  'epochs',
  'batchSize',
  'seed',
  'backend',
  'classWeight',
  'optimizer.learningRate',
  'optimizer.momentum',
  'optimizer.beta1',
  'optimizer.beta2',
  'optimizer.rho',
  'optimizer.weightDecay',
  'optimizer.clipNorm',
  'schedule.stepSize',
  'schedule.gamma',
  'schedule.minLearningRate',
  'schedule.factor',
  'schedule.patience',
  'earlyStopping.patience',
];

/** The problem shown beside the field at `path` (relative to `training.`), if any. */
export function fieldProblem(problems: readonly Problem[], path: string): Problem | undefined {
  return problems.find((p) => p.path === `training.${path}`);
}

/** The problems no field shows: listed under the form. */
export function unplacedProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => !TRAINING_FIELDS.some((k) => p.path === `training.${k}`));
}
