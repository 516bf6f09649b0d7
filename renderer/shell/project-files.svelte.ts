/**
 * The file commands: import a CSV, open, save, new project (asking Save / Discard / Cancel first when there is
 * unsaved work), a file dropped or handed over by the OS, and the desktop File and Edit menus.
 */
import type { UnsavedChoice } from '../components/shell/UnsavedPrompt/types.ts';
import { errorMessage } from '../lib/error-message.ts';
import type { SourcePage } from '../../extension/inbox.ts';
import type { MenuCommand, PickedFile, Platform } from '../platform/index.ts';
import type { AutosaveStore } from '../state/autosave.ts';
import type { ModelExport } from '../state/model-export.svelte.ts';
import { openModelMessages } from '../state/model-opener.svelte.ts';
import type { Notices } from '../state/notices.svelte.ts';
import { parseProjectFile, ProjectFileError } from '../state/project-file.ts';
import { baseName, followsDataset, keptRunsNote } from '../state/project-naming.ts';
import { openProject, projectFile, reportInterrupted, resetProject } from '../state/project-io.svelte.ts';
import type { Project } from '../state/project.svelte.ts';
import type { ReportExport } from '../state/report-export.svelte.ts';

/** Whether a `.json` file's first bytes name the project format (projects are written with it first). */
async function isProjectText(file: Blob): Promise<boolean> {
  return (await file.slice(0, 4096).text()).includes('"backprop-studio/project"');
}

/** A replacement of the project waiting for the user's answer to the unsaved-changes question. */
export interface PendingReplace {
  question: string;
  /** Replaces the project once the user has saved or discarded. */
  proceed: () => Promise<void>;
}

/** What the file commands work with. */
export interface ProjectFilesDeps {
  project: Project;
  platform: Platform;
  notices: Notices;
  autosave: AutosaveStore;
  modelExport: ModelExport;
  reportExport: ReportExport;
}

/** The app's file commands, shared by the toolbar, the keyboard, drag-and-drop and the desktop menus. */
export class ProjectFiles {
  /** New or Open project was asked for while there is unsaved work: the Save / Discard / Cancel prompt is open. */
  replacing = $state.raw<PendingReplace | null>(null);
  readonly #d: ProjectFilesDeps;

  constructor(deps: ProjectFilesDeps) {
    this.#d = deps;
  }

  #restored: Promise<unknown> = Promise.resolve();

  /** Replacing the project waits for `restored` (the autosave's restore at start-up). */
  waitForRestore(restored: Promise<unknown>): void {
    this.#restored = restored;
  }

  /** Open a CSV (picked, dropped, or from a web page: `sourcePage`) as the project's dataset. */
  async importCsv(
    name: string,
    blob: Blob,
    target: string | null = null,
    sourcePage: SourcePage | null = null,
  ): Promise<void> {
    const { project, notices } = this.#d;
    const nameBefore = project.name;
    const followName = followsDataset(nameBefore, project.dataset.table?.name ?? null);
    const ok = await project.dataset.load(name, blob, { target, sourcePage });
    void project.releaseRuns();
    if (ok) {
      // A name typed while the file was loading is the user's choice too: keep it.
      if (followName && project.name === nameBefore && project.name !== baseName(name)) {
        project.name = baseName(name);
        project.touch();
      }
      const kept = keptRunsNote(
        project.runs.map((r) => r.dataset),
        name,
      );
      notices.show('ok', `Loaded ${name}: ${project.dataset.table?.rows.toLocaleString()} rows.${kept}`);
    }
  }

  /** Open a project file's text; a file that cannot be opened is a notice saying why. */
  async openProjectText(text: string, fileName: string): Promise<void> {
    const { project, notices } = this.#d;
    try {
      const file = parseProjectFile(text, fileName);
      await openProject(project, file, null);
      notices.show('ok', `Opened ${fileName}.`);
      this.reportInterrupted();
    } catch (e) {
      notices.show(
        'danger',
        e instanceof ProjectFileError ? e.message : `Could not open ${fileName}: ${errorMessage(e)}`,
      );
    }
  }

  /** Open project (button, Ctrl+O, File ▸ Open): with unsaved work, ask Save / Discard / Cancel first. */
  async openProject(): Promise<void> {
    await this.#replaceProject('before opening another project', async () => {
      const picked = await this.#d.platform.pickProject();
      if (picked) await this.openProjectText(await picked.blob.text(), picked.name);
    });
  }

  /** Tell the user once about runs that were training when the project was last written. */
  reportInterrupted(): void {
    const lost = reportInterrupted(this.#d.project);
    if (lost) this.#d.notices.show('warn', lost);
  }

  /** Save the project to a file; false when the user cancelled or the save failed (it says why). */
  async saveProject(saveAs = false): Promise<boolean> {
    const { project, platform, notices } = this.#d;
    try {
      const csv = project.dataset.source ? await project.dataset.source.text() : undefined;
      const json = JSON.stringify(projectFile(project, csv));
      const fileName = `${project.name.replace(/[^\w\- ]+/g, '').trim() || 'project'}.bpstudio`;
      const where = await platform.saveProject(json, fileName, saveAs);
      if (!where) return false;
      project.isDirty = false;
      notices.show('ok', `Project saved as ${where}.`);
      return true;
    } catch (e) {
      notices.show('danger', `The project was not saved: ${errorMessage(e)}`);
      return false;
    }
  }

  /** New project (button, File ▸ New): with unsaved work, ask Save / Discard / Cancel first. */
  async newProject(): Promise<void> {
    await this.#replaceProject('before starting a new project', () => this.#startNewProject());
  }

  /** The user's answer to the unsaved-changes question. */
  async answerReplace(choice: UnsavedChoice): Promise<void> {
    const pending = this.replacing;
    this.replacing = null;
    if (!pending || choice === 'cancel') return;
    if (choice === 'save' && !(await this.saveProject(false))) return;
    await pending.proceed();
  }

  /** Import CSV (File ▸ Import CSV…): pick a file and load it. */
  async importCsvPicked(): Promise<void> {
    const picked = await this.#d.platform.pickCsv();
    if (picked) await this.importCsv(picked.name, picked.blob);
  }

  /** Open model file (File ▸ Open model file…, the Train and Evaluate views): pick a model file and add it as a run. */
  async openModelPicked(): Promise<void> {
    const picked = await this.#d.platform.pickModel();
    if (picked) await this.openModel(picked.name, picked.blob);
  }

  /** Open a model file as a run and show it on the Train view; a file that cannot be opened says why there. */
  async openModel(name: string, blob: Blob): Promise<void> {
    const { project, notices } = this.#d;
    const run = await project.opener.open(name, blob);
    // A file that cannot be opened says why beside the Open model file button of the view it lands on.
    if (run) notices.show('ok', openModelMessages.opened(name, run.name));
    if (project.view !== 'evaluate') project.view = 'train';
  }

  /**
   * A file dropped onto the window: a `.json` model file opens as a run; a project (`.bpstudio`, or `.json`
   * whose start names the project format) opens asking first; anything else imports as a CSV.
   */
  async openDropped(file: File): Promise<void> {
    if (/\.json$/i.test(file.name) && !(await isProjectText(file))) {
      await this.openModel(file.name, file);
    } else if (/\.(bpstudio|json)$/i.test(file.name)) {
      await this.#replaceProject('before opening another project', async () =>
        this.openProjectText(await file.text(), file.name),
      );
    } else {
      await this.importCsv(file.name, file);
    }
  }

  /** A file the OS hands over (double-click, Open With): it opens directly. */
  async openHanded(file: PickedFile & { kind: 'csv' | 'project' }): Promise<void> {
    if (file.kind === 'project') await this.openProjectText(await file.blob.text(), file.name);
    else await this.importCsv(file.name, file.blob);
  }

  /** A desktop menu command. */
  runMenu(command: MenuCommand): void {
    const { project, modelExport, reportExport } = this.#d;
    switch (command) {
      case 'new-project':
        void this.newProject();
        break;
      case 'open-project':
        void this.openProject();
        break;
      case 'save':
        void this.saveProject(false);
        break;
      case 'save-as':
        void this.saveProject(true);
        break;
      case 'import-csv':
        void this.importCsvPicked();
        break;
      case 'open-model':
        void this.openModelPicked();
        break;
      case 'export-model':
      case 'export-onnx-columns':
      case 'export-onnx-matrix':
      case 'export-tfjs':
      case 'export-pytorch':
      case 'export-predictions':
        void modelExport.runCommand(command);
        break;
      case 'export-report':
        void reportExport.runCommand(modelExport.run);
        break;
      case 'undo':
        project.network.undo();
        break;
      case 'redo':
        project.network.redo();
        break;
    }
  }

  /** Run `proceed` (which replaces the project) now, or after the unsaved-changes question. */
  async #replaceProject(before: string, proceed: () => Promise<void>): Promise<void> {
    // A New or Open while the last session is being restored would decide on a project half restored (not yet
    // marked unsaved) and then be overwritten by the rest of the restore: decide once it has finished.
    await this.#restored;
    if (this.replacing) return;
    if (!this.#d.project.hasUnsavedWork) {
      await proceed();
      return;
    }
    this.replacing = { question: `Save changes to "${this.#d.project.name}" ${before}?`, proceed };
  }

  async #startNewProject(): Promise<void> {
    resetProject(this.#d.project);
    // The new project belongs to no file yet, so its first Save asks where (the menu's New included).
    this.#d.platform.resetProjectPath();
    await this.#d.autosave.clear();
  }
}
