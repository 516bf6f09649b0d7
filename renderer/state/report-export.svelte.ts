/**
 * Export ▸ Report: the worker builds a run's shareable HTML report (engine/report, on the run's test split) as an
 * explain job, with progress and Cancel, and the platform saves it (a save dialog on the desktop, a download in the
 * browser).
 */
import type { WireError } from '../../engine/protocol/index.ts';
import { asWireError } from '../lib/wire-error.ts';
import type { Platform } from '../platform/index.ts';
import { modelFileName } from './model-export.svelte.ts';
import type { Notices } from './notices.svelte.ts';
import type { Project } from './project.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';
import { ExplainJob } from './why.svelte.ts';

/** The parts of the project a report needs: its name and view, and the worker holding the run's model. */
export type ReportProject = Pick<Project, 'name' | 'view' | 'engine' | 'ensureModel'>;

/** The file name a report suggests: project and run, e.g. `iris-run-2.report.html`. */
export function reportFileName(projectName: string, runName: string): string {
  return modelFileName(projectName, runName).replace(/\.model\.json$/, '.report.html');
}

/** Building and saving a run's report, with its progress, Cancel and error for the Export view. */
export class ReportExport {
  /** The worker's build of the report: its progress, Cancel, and the worker's refusal. */
  readonly job: ExplainJob<string>;
  #preparing = $state(false);
  #error = $state.raw<WireError | null>(null);

  readonly #project: ReportProject;
  readonly #platform: Pick<Platform, 'exportReport'>;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(project: ReportProject, platform: Pick<Platform, 'exportReport'>, notices: Pick<Notices, 'show'>) {
    this.#project = project;
    this.#platform = platform;
    this.#notices = notices;
    this.job = new ExplainJob<string>(project);
  }

  /** True from the request until the report is built (the save dialog may follow). */
  get isBuilding(): boolean {
    return this.#preparing || this.job.status === 'running';
  }

  /** Why the last report was not made: the worker's refusal, or the model or the save failing. */
  get error(): WireError | null {
    return this.#error ?? this.job.error;
  }

  /** Build `run`'s report in the worker and save it; true when saved (false when cancelled or refused). */
  async save(run: TrainingRun): Promise<boolean> {
    if (this.isBuilding) return false;
    this.#error = null;
    this.#preparing = true;
    try {
      await this.#project.ensureModel(run);
      const modelFile = modelFileName(this.#project.name, run.name);
      const built = this.job.run({ type: 'report/build', runId: run.id, modelFile }, (reply) => reply.html);
      this.#preparing = false;
      await built;
      const html = this.job.result;
      if (this.job.status !== 'done' || html === null) return false;
      const fileName = reportFileName(this.#project.name, run.name);
      if (!(await this.#platform.exportReport(html, fileName))) return false;
      this.#notices.show('ok', `Report of ${run.name} exported as ${fileName}.`);
      return true;
    } catch (e) {
      this.#error = asWireError(e);
      return false;
    } finally {
      this.#preparing = false;
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
