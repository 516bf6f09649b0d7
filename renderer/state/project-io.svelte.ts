/**
 * The project to and from its file object (project-file.ts holds the format): save, open, start over, and
 * the note about runs an opened file kept from an interrupted training.
 */
import { defaultTraining } from '../lib/default-training.ts';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectFile } from './project-file.ts';
import type { Project } from './project.svelte.ts';
import { readSweepRecord } from './sweep-record.ts';
import { TrainingRun } from './training-run.svelte.ts';

/** The project as a file object; `csv` is embedded when given. */
export function projectFile(project: Project, csv?: string): ProjectFile {
  const { dataset } = project;
  const table = dataset.table;
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: project.name,
    savedAt: new Date().toISOString(),
    dataset: table
      ? {
          name: table.name,
          ...(csv !== undefined ? { csv } : {}),
          settings: dataset.settings ? $state.snapshot(dataset.settings) : null,
          options: { ...dataset.options },
          ...(dataset.sourcePage ? { sourcePage: { ...dataset.sourcePage } } : {}),
        }
      : null,
    network: $state.snapshot(project.network.allLayers),
    training: $state.snapshot(project.training),
    // A run still training is kept with its epochs so far (as an interrupted, stopped run), so a reload
    // or crash during training does not lose it.
    runs: project.runs.map((r) => r.toRecord()),
    currentRunId: project.currentRunId,
    sweep: project.sweep.toRecord(),
  };
}

/** Replace everything with a project file's content; `csv` holds the dataset bytes when not embedded. */
export async function openProject(project: Project, file: ProjectFile, csv: Blob | null): Promise<void> {
  for (const r of project.runs) if (r.isActive) await project.control(r, 'stop');
  project.name = file.name;
  project.training = { ...defaultTraining(), ...file.training };
  project.network.restore(file.network);
  project.runs = file.runs.map((r) => TrainingRun.fromRecord(r));
  project.continueError = null;
  project.currentRunId = file.currentRunId;
  project.sweep.restore(readSweepRecord(file.sweep));
  project.check = null;
  const bytes = csv ?? (file.dataset?.csv !== undefined ? new Blob([file.dataset.csv], { type: 'text/csv' }) : null);
  if (file.dataset && bytes) {
    await project.dataset.load(file.dataset.name, bytes, {
      settings: file.dataset.settings,
      options: file.dataset.options ?? {},
      sourcePage: file.dataset.sourcePage ?? null,
    });
  } else {
    project.dataset.clear();
  }
  project.isDirty = false;
  void project.releaseRuns();
  await project.recheck();
  const run = project.currentRun;
  if (run && run.model) await project.evaluate(run);
}

/** Start over with an empty project. */
export function resetProject(project: Project): void {
  for (const r of project.runs) if (r.isActive) void project.control(r, 'stop');
  project.name = 'Untitled project';
  project.training = defaultTraining();
  project.network.restore([]);
  project.runs = [];
  project.continueError = null;
  project.currentRunId = null;
  project.sweep.restore(null);
  project.check = null;
  project.dataset.clear();
  project.view = 'data';
  project.isDirty = false;
  void project.releaseRuns(false);
}

/**
 * What the user has not been told yet about runs that were still training when the project was last
 * written (a reload or crash during training): their epochs are kept, their weights are lost. Marks them told.
 */
export function reportInterrupted(project: { readonly runs: readonly TrainingRun[]; revision: number }): string | null {
  const runs = project.runs.filter((r) => r.interrupted === 'unreported');
  if (!runs.length) return null;
  for (const r of runs) r.interrupted = 'reported';
  project.revision++;
  const what = runs
    .map((r) => `${r.name} (${r.history.length === 1 ? '1 epoch' : `${r.history.length} epochs`})`)
    .join(', ');
  const verb = runs.length === 1 ? 'was' : 'were';
  return (
    `${what} ${verb} still training when the page closed. The epochs so far are kept as a stopped run, ` +
    'but the weights were not saved, so it cannot be evaluated, continued or exported. Train again to get a model.'
  );
}
