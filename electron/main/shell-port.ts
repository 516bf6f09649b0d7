/**
 * The window-facing operations main's logic needs, as an interface. `electron-shell.ts` implements it
 * with Electron's dialogs and windows; tests pass a fake. `W` is the window type (a BrowserWindow in the app).
 */
import type { EventChannel } from '../ipc-channels.ts';
import type { UnsavedChoice, UnsavedPrompt } from './document-session.ts';
import type { OpenKind } from './project-files.ts';

/** What a save dialog is saving. */
export type SaveKind = 'project' | 'model' | 'predictions' | 'trials' | 'onnx' | 'tfjs' | 'pytorch' | 'report';

/** Dialogs, messages and window actions. */
export interface ShellPort<W> {
  /** An open dialog for one kind of file; the chosen path, or null when cancelled. */
  chooseFileToOpen(window: W, kind: OpenKind): Promise<string | null>;
  /** A save dialog starting at `defaultPath`; the chosen path, or null when cancelled. */
  chooseFileToSave(window: W, kind: SaveKind, defaultPath: string): Promise<string | null>;
  /** Asks whether to replace an existing file the dialog did not ask about; true: replace. */
  confirmReplace(window: W, question: { message: string; detail: string }): Promise<boolean>;
  /** The unsaved-changes message box. */
  askUnsaved(window: W, prompt: UnsavedPrompt): Promise<UnsavedChoice>;
  /** An error message box. */
  showError(window: W, message: string): Promise<void>;
  /** Sends an event to the window's renderer. */
  send(window: W, channel: EventChannel, payload: unknown): void;
  /** Closes the window (the close handler runs again and finds `closeApproved`). */
  close(window: W): void;
  /** The session's title or dirty flag changed: update the window title and OS markers. */
  documentChanged(window: W): void;
}
