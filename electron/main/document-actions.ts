/**
 * Actions that replace or close the document, where main must ask about unsaved changes first:
 * closing the window, and opening a project handed over by the OS (drop, Open recent, file association).
 * Menu commands and the renderer's own buttons go through the renderer, which asks itself.
 */
import path from 'node:path';
import { EVENT } from '../ipc-channels.ts';
import type { ChosenPaths } from './chosen-paths.ts';
import { type DocumentSession, type OpenFileEvent, unsavedPrompt } from './document-session.ts';
import { readOpenedFile } from './project-files.ts';
import type { ShellPort } from './shell-port.ts';
import { errorMessage } from './error-message.ts';

/** The stores the actions update. */
export interface DocumentServices {
  platform: string;
  chosen: ChosenPaths;
  recent: { add(filePath: string): Promise<unknown>; remove(filePath: string): Promise<unknown> };
}

/** Open-from-OS and close, for one kind of window. */
export class DocumentActions<W> {
  readonly #shell: ShellPort<W>;
  readonly #services: DocumentServices;

  constructor(shell: ShellPort<W>, services: DocumentServices) {
    this.#shell = shell;
    this.#services = services;
  }

  /** Sends a file event to the renderer, or queues it until the renderer listens. */
  deliver(window: W, session: DocumentSession, file: OpenFileEvent): void {
    session.deliver(file, (ready) => this.#shell.send(window, EVENT.openFile, ready));
  }

  /**
   * Opens a path the user chose outside the window's own dialogs. Unreadable files are reported and dropped
   * from Open recent; a project replaces the document only after the unsaved-changes prompt.
   */
  async openFromOs(window: W, session: DocumentSession, filePath: string): Promise<void> {
    let file: OpenFileEvent;
    try {
      file = await readOpenedFile(filePath);
    } catch (error) {
      await this.#services.recent.remove(filePath);
      await this.#shell.showError(window, errorMessage(error));
      return;
    }
    const open = async (): Promise<void> => {
      this.#services.chosen.allow(file.path);
      await this.#services.recent.add(file.path);
      if (file.kind === 'project') {
        session.path = file.path;
        session.title = path.basename(file.path, path.extname(file.path));
        this.#shell.documentChanged(window);
      }
      this.deliver(window, session, file);
    };
    if (file.kind === 'csv' || !session.dirty) {
      await open();
      return;
    }
    const choice = await this.#shell.askUnsaved(window, unsavedPrompt(session.title, 'open', this.#services.platform));
    if (choice === 'cancel') return;
    if (choice === 'discard') {
      await open();
      return;
    }
    session.afterSave = () => {
      void open().catch((error: unknown) => this.#shell.showError(window, errorMessage(error)));
    };
    this.#shell.send(window, EVENT.menuCommand, 'save');
  }

  /**
   * The window is about to close. Returns true when it may close now; otherwise the caller cancels this
   * close, and the window closes later if the user chose "Don't Save", or "Save" and the save succeeded.
   */
  allowClose(window: W, session: DocumentSession): boolean {
    if (session.closeApproved || !session.dirty) return true;
    this.#askBeforeClose(window, session).catch((error: unknown) =>
      this.#shell.showError(window, `Could not ask about unsaved changes: ${errorMessage(error)}`),
    );
    return false;
  }

  async #askBeforeClose(window: W, session: DocumentSession): Promise<void> {
    const choice = await this.#shell.askUnsaved(window, unsavedPrompt(session.title, 'close', this.#services.platform));
    if (choice === 'cancel') return;
    if (choice === 'discard') {
      session.closeApproved = true;
      this.#shell.close(window);
      return;
    }
    session.afterSave = () => {
      session.closeApproved = true;
      this.#shell.close(window);
    };
    this.#shell.send(window, EVENT.menuCommand, 'save');
  }
}
