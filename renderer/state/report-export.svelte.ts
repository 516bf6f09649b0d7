/**
 * Export ▸ Report: the worker builds a run's shareable HTML report (engine/report, on the run's test split),
 * and the platform saves it (a save dialog on the desktop, a download in the browser).
 */
import type { WireError } from '../../engine/protocol/index.ts';
import { asWireError } from '../lib/wire-error.ts';
import type { Platform } from '../platform/index.ts';
import { modelFileName } from './model-export.svelte.ts';
import type { Notices } from './notices.svelte.ts';
import type { Project } from './project.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

/** The parts of the project a report needs: its name and view, and the worker holding the run's model. */
export type ReportProject = Pick<Project, 'name' | 'view' | 'engine' | 'ensureModel'>;

/** The file name a report suggests: project and run, e.g. `iris-run-2.report.html`. */
export function reportFileName(projectName: string, runName: string): string {
  return modelFileName(projectName, runName).replace(/\.model\.json$/, '.report.html');
}

/** Building and saving a run's report, with its progress and error for the Export view. */
export class ReportExport {
  isBuilding = $state(false);
  error = $state.raw<WireError | null>(null);

  readonly #project: ReportProject;
  readonly #platform: Pick<Platform, 'exportReport'>;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(project: ReportProject, platform: Pick<Platform, 'exportReport'>, notices: Pick<Notices, 'show'>) {
    this.#project = project;
    this.#platform = platform;
    this.#notices = notices;
  }

  /** Build `run`'s report in the worker and save it; true when saved. */
  async save(run: TrainingRun): Promise<boolean> {
    if (this.isBuilding) return false;
    this.isBuilding = true;
    this.error = null;
    try {
      await this.#project.ensureModel(run);
      const modelFile = modelFileName(this.#project.name, run.name);
      const reply = await this.#project.engine.request({ type: 'report/build', runId: run.id, modelFile });
      const fileName = reportFileName(this.#project.name, run.name);
      if (!(await this.#platform.exportReport(reply.html, fileName))) return false;
      this.#notices.show('ok', `Report of ${run.name} exported as ${fileName}.`);
      return true;
    } catch (e) {
      this.error = asWireError(e);
      return false;
    } finally {
      this.isBuilding = false;
    }
  }

  /**
   * File ▸ Export report…: save `run`'s report straight away. Without a trained run, and when saving fails,
   * open the Export view, which says what to do.
   */
  async runCommand(run: TrainingRun | null): Promise<void> {
    if (!run) {
      this.#project.view = 'export';
      this.#notices.show('info', 'Train a model first, then export its report.');
      return;
    }
    if (!(await this.save(run)) && this.error) this.#project.view = 'export';
  }
}
