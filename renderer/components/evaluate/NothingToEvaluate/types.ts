/** Props of NothingToEvaluate: the Evaluate view before any run has a model. */
export interface NothingToEvaluateProps {
  /** Why the current run is not evaluated (it failed, is training, or has no model); null when there is no run. */
  notShown: string | null;
}
