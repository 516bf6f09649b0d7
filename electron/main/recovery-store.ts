/**
 * The crash-recovery copy of the open project, in the app-data folder.
 *
 * - `save` (autosave) writes `recovery.bpstudio` atomically; `clear` removes it when the app closes cleanly
 *   or the project is saved, so a leftover copy means the app or its window died.
 * - At launch `claimLeftover` moves a leftover copy to `recovery-pending.bpstudio`, out of the way of this
 *   session's autosaves; `markCrashed` does the same when the window's renderer dies.
 * - `take` hands the pending copy to the renderer once and deletes it.
 *
 * Operations run one at a time in call order, so a late autosave can never land after a clear.
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

/** The autosave and recovery files of one app-data folder. */
export class RecoveryStore {
  /** This session's autosave. */
  readonly currentPath: string;
  /** A copy left by a crash, waiting for the renderer to take it. */
  readonly pendingPath: string;
  readonly #directory: string;
  #tail: Promise<void> = Promise.resolve();

  constructor(directory: string) {
    this.#directory = directory;
    this.currentPath = path.join(directory, 'recovery.bpstudio');
    this.pendingPath = path.join(directory, 'recovery-pending.bpstudio');
  }

  #enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(operation);
    // The tail only orders the work; each caller still gets its own error through `run`.
    this.#tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async #moveCurrentToPending(): Promise<boolean> {
    try {
      await rename(this.currentPath, this.pendingPath);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** At launch: keeps a copy left by a crashed session for `take`. True when there was one. */
  claimLeftover(): Promise<boolean> {
    return this.#enqueue(() => this.#moveCurrentToPending());
  }

  /** After the window's renderer died: keeps this session's autosave for `take` after the reload. */
  markCrashed(): Promise<boolean> {
    return this.#enqueue(() => this.#moveCurrentToPending());
  }

  /** Autosave: replaces the recovery copy atomically. */
  save(json: string): Promise<void> {
    return this.#enqueue(async () => {
      await mkdir(this.#directory, { recursive: true });
      await writeFileAtomic(this.currentPath, json);
    });
  }

  /** Removes this session's copy: the project was saved, discarded, or the app closed cleanly. */
  clear(): Promise<void> {
    return this.#enqueue(() => rm(this.currentPath, { force: true }));
  }

  /** The copy a crash left, once: it is deleted as it is returned. Null when there is none. */
  take(): Promise<string | null> {
    return this.#enqueue(async () => {
      let text: string;
      try {
        text = await readFile(this.pendingPath, 'utf8');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      await rm(this.pendingPath, { force: true });
      return text;
    });
  }

  /** Resolves when every operation queued so far has finished. */
  idle(): Promise<void> {
    return this.#tail;
  }
}
