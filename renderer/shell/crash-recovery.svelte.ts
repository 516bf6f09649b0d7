/**
 * Desktop crash recovery: a copy of the whole project (CSV embedded) written now and then while the app runs,
 * and offered for restoring when the previous session closed unexpectedly. The browser has no such copy
 * (its IndexedDB autosave covers it).
 */
import { errorMessage } from '../lib/error-message.ts';
import type { Platform } from '../platform/index.ts';
import type { Notices } from '../state/notices.svelte.ts';
import { projectFile } from '../state/project-io.svelte.ts';
import type { Project } from '../state/project.svelte.ts';

/** Desktop crash copies (with the CSV embedded) are written at most this often. */
const RECOVERY_EVERY_MS = 60_000;

/** The crash copy: writing it, and offering the previous session's. */
export class CrashRecovery {
  /** A crash copy left by the previous desktop session, offered for restoring. */
  offered = $state<string | null>(null);
  #lastWrittenAt = 0;
  readonly #project: Project;
  readonly #platform: Platform;
  readonly #notices: Notices;
  readonly #open: (text: string, fileName: string) => Promise<void>;

  /** `open` opens a project file's text (the recovered copy is one). */
  constructor(
    project: Project,
    platform: Platform,
    notices: Notices,
    open: (text: string, fileName: string) => Promise<void>,
  ) {
    this.#project = project;
    this.#platform = platform;
    this.#notices = notices;
    this.#open = open;
  }

  /** On desktop, take the copy the previous session left (if it crashed) to offer it. */
  load(): void {
    if (!this.#platform.isDesktop) return;
    this.#platform
      .takeRecovery()
      .then((text) => {
        this.offered = text;
      })
      .catch((e: unknown) =>
        this.#notices.show('warn', `The crash-recovery copy could not be read: ${errorMessage(e)}.`),
      );
  }

  /** On desktop, write the crash copy unless one was written in the last RECOVERY_EVERY_MS. */
  writeSoon(): void {
    if (!this.#platform.isDesktop || Date.now() - this.#lastWrittenAt <= RECOVERY_EVERY_MS) return;
    this.#lastWrittenAt = Date.now();
    void this.#write();
  }

  /** Open the offered copy; it belongs to no file, so the next Save asks where. */
  async restore(): Promise<void> {
    const text = this.offered;
    this.offered = null;
    if (!text) return;
    await this.#open(text, 'The recovered project');
    this.#platform.resetProjectPath();
  }

  /** Decline the offered copy. */
  discard(): void {
    this.offered = null;
  }

  /** The whole project with its CSV, like a saved file. */
  async #write(): Promise<void> {
    const csv = this.#project.dataset.source ? await this.#project.dataset.source.text() : undefined;
    await this.#platform.writeRecoveryCopy(JSON.stringify(projectFile(this.#project, csv)));
  }
}
