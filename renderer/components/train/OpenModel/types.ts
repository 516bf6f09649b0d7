/** Props of OpenModel: the Open model file… button and why the last file did not open. */
export interface OpenModelProps {
  /** A short line beside the button (what opening a model is for, where it sits). */
  hint?: string;
}
