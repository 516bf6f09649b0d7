/**
 * The browser autosave: restore the last session on start, then after each change settles write the project
 * (and its CSV bytes) to IndexedDB. While a run trains, its epochs so far are written too (at most every
 * TRAINING_SAVE_MS), so a reload keeps them.
 */
import { errorMessage } from '../lib/error-message.ts';
import type { AutosaveStore } from '../state/autosave.ts';
import type { Notices } from '../state/notices.svelte.ts';
import { openProject, projectFile } from '../state/project-io.svelte.ts';
import type { Project } from '../state/project.svelte.ts';

/** State of the autosave indicator. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** While a run trains, the autosave (with its epochs so far) is written at most this often. */
const TRAINING_SAVE_MS = 5_000;
/** Quiet time after a change before it is written. */
const SETTLE_MS = 300;

/** The autosave of one app session. */
export class SessionAutosave {
  /** The last session is being restored (the views wait for it). */
  isRestoring = $state(true);
  saveState = $state<SaveState>('idle');
  /** The project revision the last autosave wrote. */
  savedRevision = $state(0);
  /** The dataset revision whose CSV the autosave holds (-1: none yet this session). */
  #savedDatasetRevision = -1;
  #lastAutosaveAt = 0;
  readonly #project: Project;
  readonly #store: AutosaveStore;
  readonly #notices: Notices;
  readonly #afterWrite: () => void;

  /** `afterWrite` runs each time an autosave starts (the desktop crash copy piggybacks on it). */
  constructor(project: Project, store: AutosaveStore, notices: Notices, afterWrite: () => void) {
    this.#project = project;
    this.#store = store;
    this.#notices = notices;
    this.#afterWrite = afterWrite;
  }

  /** Whether everything up to the project's current revision is written. */
  get isUpToDate(): boolean {
    return this.saveState === 'saved' && this.savedRevision === this.#project.revision;
  }

  /** Restore the autosaved project, if any; a record that cannot be restored is a warning and a new project. */
  restore(reportInterrupted: () => void): Promise<void> {
    return this.#store
      .load()
      .then(async (record) => {
        if (record) {
          await openProject(this.#project, record.project, record.csv);
          this.#project.isDirty = record.dirty;
          reportInterrupted();
          this.#savedDatasetRevision = this.#project.dataset.revision;
        }
      })
      .catch((e: unknown) => {
        this.#notices.show(
          'warn',
          `The autosaved project could not be restored (${errorMessage(e)}). Starting a new one.`,
        );
      })
      .finally(() => {
        this.isRestoring = false;
      });
  }

  /** Write the project after each change (call while the root component initialises: it sets up an effect). */
  track(): void {
    $effect(() => {
      const project = this.#project;
      const revision = project.revision;
      const active = project.activeRun;
      const epochs = active?.history.length ?? 0;
      if (this.isRestoring || (revision === 0 && epochs === 0)) return;
      // A fixed deadline while training (the epochs keep re-running this effect, which must not push it back),
      // counted from the run's start, so a short run is written once, when it ends.
      const wait = active
        ? Math.max(0, Math.max(this.#lastAutosaveAt, active.createdAt) + TRAINING_SAVE_MS - Date.now())
        : SETTLE_MS;
      const timer = setTimeout(() => this.#write(revision), wait);
      return () => clearTimeout(timer);
    });
  }

  #write(revision: number): void {
    const project = this.#project;
    this.#lastAutosaveAt = Date.now();
    this.saveState = 'saving';
    const file = projectFile(project);
    const datasetRevision = project.dataset.revision;
    const record = { savedAt: Date.now(), project: file, dirty: project.isDirty, csv: project.dataset.source };
    this.#store
      .save(record, datasetRevision !== this.#savedDatasetRevision)
      .then(() => {
        this.#savedDatasetRevision = datasetRevision;
        this.saveState = 'saved';
        this.savedRevision = revision;
      })
      .catch((e: unknown) => {
        this.saveState = 'error';
        this.#notices.show(
          'danger',
          `Autosave failed: ${errorMessage(e)}. Save the project to a file to keep your work.`,
        );
      });
    this.#afterWrite();
  }
}
