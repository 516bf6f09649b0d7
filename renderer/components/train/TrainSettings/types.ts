import type { Problem } from '../../../../engine/protocol/index.ts';

/** TrainSettings edits the project's training settings (from context); it is disabled while a run is active. */
export interface TrainSettingsProps {
  isDisabled: boolean;
}

/** Props of the settings' field groups (OptimizerFields, ScheduleFields, RunFields), which edit the project's training. */
export interface TrainingFieldsProps {
  /** The engine's problem with a training field (path relative to `training.`). */
  problem: (path: string) => Problem | undefined;
}
