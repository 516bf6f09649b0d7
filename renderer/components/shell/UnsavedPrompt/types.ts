/** The user's answer to "save changes first?". */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** Props of the unsaved-changes prompt. */
export interface UnsavedPromptProps {
  /** The question, e.g. `Save changes to "iris" before starting a new project?`. */
  message: string;
  /** What would be lost, in words. */
  detail: string;
  /** Called once with the answer; Escape and closing the dialog answer `cancel`. */
  onanswer: (choice: UnsavedChoice) => void;
}
