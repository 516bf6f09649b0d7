/**
 * Exporting a trained model and the predictions it makes: the Export view's work, shared with the desktop
 * File menu, so that File ▸ Export model… and Export predictions… save straight away when there is
 * something to save, and otherwise open the Export view saying what to do first.
 */
import type { ModelFormat, Problem, WireError } from '../../engine/protocol/index.ts';
import type { MenuCommand, Platform } from '../platform/index.ts';
import { previewOf, type PredictionPreview } from '../lib/prediction-preview.ts';
import { asWireError } from '../lib/wire-error.ts';
import { exportBaseName, FORMAT_TITLES, formatFiles } from './model-formats.ts';
import type { Notices } from './notices.svelte.ts';
import type { Project } from './project.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

/** The parts of the project exporting reads and drives. */
export type ExportProject = Pick<
  Project,
  'name' | 'view' | 'runs' | 'currentRun' | 'modelJson' | 'convertModel' | 'predict'
>;

/** The File menu commands handled here. */
export type ExportCommand = Extract<
  MenuCommand,
  | 'export-model'
  | 'export-onnx-columns'
  | 'export-onnx-matrix'
  | 'export-tfjs'
  | 'export-pytorch'
  | 'export-predictions'
>;

/** The formats for other runtimes (the model file is `exportModel`). */
export type RuntimeFormat = Exclude<ModelFormat, 'json'>;

const COMMAND_FORMATS: Partial<Record<ExportCommand, RuntimeFormat>> = {
  'export-onnx-columns': 'onnx-columns',
  'export-onnx-matrix': 'onnx-matrix',
  'export-tfjs': 'tfjs',
  'export-pytorch': 'pytorch',
};

/** The platform's saving functions exporting uses. */
export type ExportPlatform = Pick<Platform, 'exportModel' | 'exportModelFiles' | 'exportPredictions'>;

/** One CSV predicted by one run's model, kept so it can be shown and saved again. */
export interface Predictions {
  run: TrainingRun;
  /** The predicted file's name. */
  name: string;
  csv: string;
  rows: number;
  warnings: Problem[];
  preview: PredictionPreview;
  /** The last save went through (false until then, and when the user cancelled the dialog). */
  isSaved: boolean;
}

/** The file name a model export suggests: project and run, e.g. `iris-run-2.model.json`. */
export function modelFileName(projectName: string, runName: string): string {
  return `${fileBaseName(projectName)}-${runName.replace(/\s+/g, '-').toLowerCase()}.model.json`;
}

/** The project name made safe for a file name (`model` when nothing is left). */
export function fileBaseName(projectName: string): string {
  return (
    projectName
      .replace(/[^\w\- ]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'model'
  );
}

/** The file name predictions of `csvName` are saved under, e.g. `iris-predictions.csv`. */
export function predictionsFileName(csvName: string): string {
  return `${csvName.replace(/\.[^.]+$/, '')}-predictions.csv`;
}

/** Model and prediction exports, with their progress and errors for the Export view. */
export class ModelExport {
  isExporting = $state(false);
  exportError = $state.raw<WireError | null>(null);
  /** The format being exported for another runtime, or null. */
  exportingFormat = $state<RuntimeFormat | null>(null);
  /** Why the last export to another runtime failed, with its format. */
  formatError = $state.raw<{ format: RuntimeFormat; error: WireError } | null>(null);
  isPredicting = $state(false);
  predictError = $state.raw<WireError | null>(null);
  /** Saving predictions failed (the predicting itself worked). */
  saveError = $state.raw<WireError | null>(null);
  #latest = $state.raw<Predictions | null>(null);

  readonly #project: ExportProject;
  readonly #platform: ExportPlatform;
  readonly #notices: Pick<Notices, 'show'>;

  /** The run the Export view exports: the selected run when it has a model, else the last trained one. */
  readonly run = $derived.by<TrainingRun | null>(() => {
    const trained = this.#project.runs.filter((r) => r.hasModel);
    const current = this.#project.currentRun;
    return current && trained.includes(current) ? current : (trained.at(-1) ?? null);
  });

  /** The latest predictions, while they come from the run the Export view exports. */
  readonly predictions = $derived(this.#latest !== null && this.#latest.run === this.run ? this.#latest : null);

  constructor(project: ExportProject, platform: ExportPlatform, notices: Pick<Notices, 'show'>) {
    this.#project = project;
    this.#platform = platform;
    this.#notices = notices;
  }

  /** Save the run's model file (a save dialog on the desktop, a download in the browser); true when saved. */
  async exportModel(): Promise<boolean> {
    const run = this.run;
    if (!run || this.isExporting) return false;
    this.isExporting = true;
    this.exportError = null;
    try {
      const json = await this.#project.modelJson(run);
      if (!(await this.#platform.exportModel(json, modelFileName(this.#project.name, run.name)))) return false;
      this.#notices.show('ok', `Model of ${run.name} exported.`);
      return true;
    } catch (e) {
      this.exportError = asWireError(e);
      return false;
    } finally {
      this.isExporting = false;
    }
  }

  /**
   * Save the run's model for another runtime: the worker converts it, then each file is saved (a save dialog
   * on the desktop; downloads in the browser, two for TF.js); true when saved.
   */
  async exportFormat(format: RuntimeFormat): Promise<boolean> {
    const run = this.run;
    if (!run || this.exportingFormat !== null) return false;
    this.exportingFormat = format;
    this.formatError = null;
    try {
      const converted = await this.#project.convertModel(run, format);
      const names = formatFiles(format, exportBaseName(modelFileName(this.#project.name, run.name)));
      const files = converted.map((f, i) => ({
        name: names[i] ?? f.name,
        bytes: f.bytes ?? new TextEncoder().encode(f.text ?? ''),
      }));
      if (!(await this.#platform.exportModelFiles(files))) return false;
      this.#notices.show(
        'ok',
        `${FORMAT_TITLES[format]} of ${run.name} exported as ${files.map((f) => f.name).join(' and ')}.`,
      );
      return true;
    } catch (e) {
      this.formatError = { format, error: asWireError(e) };
      return false;
    } finally {
      this.exportingFormat = null;
    }
  }

  /** Predict the rows of a CSV with the run's model, keep the result, and save it. */
  async predict(name: string, blob: Blob): Promise<void> {
    const run = this.run;
    if (!run || this.isPredicting) return;
    this.isPredicting = true;
    this.predictError = null;
    this.saveError = null;
    this.#latest = null;
    try {
      const out = await this.#project.predict(run, name, blob);
      this.#latest = {
        run,
        name,
        csv: out.csv,
        rows: out.rows,
        warnings: out.warnings,
        preview: previewOf(out.csv, out.classes),
        isSaved: false,
      };
    } catch (e) {
      this.predictError = asWireError(e);
      return;
    } finally {
      this.isPredicting = false;
    }
    await this.savePredictions();
  }

  /** Save the latest predictions (again); true when saved. */
  async savePredictions(): Promise<boolean> {
    const predictions = this.predictions;
    if (!predictions) return false;
    this.saveError = null;
    try {
      const isSaved = await this.#platform.exportPredictions(predictions.csv, predictionsFileName(predictions.name));
      if (isSaved && this.#latest === predictions) this.#latest = { ...predictions, isSaved: true };
      return isSaved;
    } catch (e) {
      this.saveError = asWireError(e);
      return false;
    }
  }

  /**
   * File ▸ Export model… / Export predictions…: save straight away when there is something to save.
   * Otherwise, and when saving fails, open the Export view, which says what to do.
   */
  async runCommand(command: ExportCommand): Promise<void> {
    if (!this.run) {
      const isTraining = this.#project.runs.some((r) => r.isActive);
      const next = command === 'export-predictions' ? 'choose a CSV to predict with it here' : 'export it';
      this.#explain(
        isTraining
          ? `The model is still training. When the run finishes, ${next}.`
          : `Train a model first, then ${next}.`,
      );
      return;
    }
    const format = COMMAND_FORMATS[command];
    if (format) {
      if (!(await this.exportFormat(format)) && this.formatError) this.#project.view = 'export';
      return;
    }
    if (command === 'export-model') {
      if (!(await this.exportModel()) && this.exportError) this.#project.view = 'export';
      return;
    }
    const predictions = this.predictions;
    if (!predictions) {
      this.#explain(
        `Choose a CSV to predict with ${this.run.name} first. Its predictions are saved as a CSV when they are ready.`,
      );
      return;
    }
    if (await this.savePredictions()) this.#notices.show('ok', `Predictions of ${predictions.name} exported.`);
    else if (this.saveError) this.#project.view = 'export';
  }

  #explain(message: string): void {
    this.#project.view = 'export';
    this.#notices.show('info', message);
  }
}
