/** TrainSettings edits the project's training settings (from context); it is disabled while a run is active. */
export interface TrainSettingsProps {
  isDisabled: boolean;
}
