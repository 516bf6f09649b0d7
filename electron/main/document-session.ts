/**
 * What main knows about the project shown in a window: the file it belongs to, whether it has unsaved
 * changes, its title, and files waiting for the renderer to listen. The renderer owns the project itself.
 */
import type { OpenedFile } from '../preload/api.ts';
import type { FileKind } from './project-files.ts';

/** A file handed to the renderer through `onOpenFile`. */
export type OpenFileEvent = OpenedFile & { kind: FileKind };

/** Per-window document state. */
export class DocumentSession {
  /** The project file Save writes to; null until the user opens or saves one. Always a user-chosen path. */
  path: string | null = null;
  dirty = false;
  title = 'Untitled';
  /** Set once the user answered the unsaved-changes prompt, so the next close goes through. */
  closeApproved = false;
  /** Runs after the next successful project save: the user chose "Save" in an unsaved-changes prompt. */
  afterSave: (() => void) | null = null;
  #rendererReady = false;
  #pending: OpenFileEvent[] = [];

  /** Hands a file to the renderer now, or keeps it until the renderer listens. */
  deliver(file: OpenFileEvent, send: (file: OpenFileEvent) => void): void {
    if (this.#rendererReady) send(file);
    else this.#pending.push(file);
  }

  /** The renderer listens for files now: sends what waited. */
  markRendererReady(send: (file: OpenFileEvent) => void): void {
    this.#rendererReady = true;
    const waiting = this.#pending;
    this.#pending = [];
    for (const file of waiting) send(file);
  }

  /** The page reloaded or its process died: hold files until the new page listens. */
  markRendererGone(): void {
    this.#rendererReady = false;
  }
}

/** The window title: `• iris — Backprop Studio` when dirty (macOS marks the close button instead). */
export function windowTitle(
  session: Pick<DocumentSession, 'dirty' | 'title'>,
  appName: string,
  platform: string,
): string {
  const name = session.title.trim() === '' ? 'Untitled' : session.title.trim();
  const marker = session.dirty && platform !== 'darwin' ? '• ' : '';
  return `${marker}${name} — ${appName}`;
}

/** The user's answer to "save changes first?". */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** A message box, as plain data. `choices[i]` is what button `i` means. */
export interface UnsavedPrompt {
  message: string;
  detail: string;
  buttons: string[];
  choices: UnsavedChoice[];
  defaultId: number;
  cancelId: number;
}

/** The unsaved-changes prompt, with buttons in each OS's usual order. */
export function unsavedPrompt(title: string, reason: 'close' | 'open', platform: string): UnsavedPrompt {
  const name = title.trim() === '' ? 'Untitled' : title.trim();
  const message =
    reason === 'close'
      ? `Save changes to "${name}" before closing?`
      : `Save changes to "${name}" before opening another project?`;
  const detail = 'Your changes will be lost if you don’t save them.';
  // macOS puts the default rightmost and "Don't Save" on the left; Windows and Linux read Save, Don't Save, Cancel.
  const choices: UnsavedChoice[] =
    platform === 'darwin' ? ['save', 'cancel', 'discard'] : ['save', 'discard', 'cancel'];
  const labels: Record<UnsavedChoice, string> = { save: 'Save', discard: 'Don’t Save', cancel: 'Cancel' };
  return {
    message,
    detail,
    buttons: choices.map((choice) => labels[choice]),
    choices,
    defaultId: choices.indexOf('save'),
    cancelId: choices.indexOf('cancel'),
  };
}
