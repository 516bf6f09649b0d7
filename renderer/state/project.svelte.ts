/**
 * The project: dataset, network, training settings and runs, plus the engine calls that tie them
 * together (model checks, training, evaluation, export, save/open).
 */
import type {
  ExportedFile,
  ModelFormat,
  BackendChoice,
  LayerShape,
  NetworkSpec,
  Problem,
  Task,
  TrainingSpec,
  WireError,
  WorkerMemory,
} from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import { asWireError } from '../lib/wire-error.ts';
import { DatasetState } from './dataset.svelte.ts';
import type { ViewName } from './views.ts';
import { followRun, newRunId } from './follow-run.ts';
import { ModelOpener } from './model-opener.svelte.ts';
import { NetworkEditor } from './network-editor.svelte.ts';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectFile } from './project-file.ts';
import { readSweepRecord } from './sweep-record.ts';
import { Sweep } from './sweep.svelte.ts';
import { TrainingRun } from './training-run.svelte.ts';

/** What the engine said about the current network. */
export interface NetworkCheck {
  problems: Problem[];
  layers: LayerShape[];
  totalParams: number;
  task: Task | null;
}

/** Training settings a new project starts with. */
function defaultTraining(): TrainingSpec {
  return {
    epochs: 100,
    batchSize: 32,
    seed: 42,
    shuffle: true,
    optimizer: { type: 'adam', learningRate: 0.01 },
    schedule: { type: 'constant' },
    earlyStopping: null,
    backend: 'auto',
  };
}

/** Index of the layer a problem path like `layers[2].units` points at, and the field. */
export function layerPath(path: string): { index: number; field: string } | null {
  const m = /^layers\[(\d+)\](?:\.(.+))?$/.exec(path);
  return m ? { index: Number(m[1]), field: m[2] ?? '' } : null;
}

const CHECK_DELAY_MS = 80;

/** The whole project. */
export class Project {
  name = $state('Untitled project');
  view = $state<ViewName>('data');
  training = $state<TrainingSpec>(defaultTraining());
  runs = $state.raw<TrainingRun[]>([]);
  currentRunId = $state<string | null>(null);
  check = $state.raw<NetworkCheck | null>(null);
  checkError = $state.raw<WireError | null>(null);
  /** Unsaved changes since the last save to a file. */
  isDirty = $state(false);
  /** Bumped on every change; autosave watches it. */
  revision = $state(0);
  /** Backends the engine can run in this browser (from its `ready` event). */
  backends = $state.raw<BackendChoice[]>(['auto']);
  /** Why the last Continue training request was refused, for the run it was about (shown beside the control). */
  continueError = $state.raw<{ runId: string; error: WireError } | null>(null);
  /** A Continue training request is on its way (its run appears once the engine accepts it). */
  isContinuing = $state(false);
  /** What the engine worker holds (table and runs), as it last reported; null before the first report. */
  workerMemory = $state.raw<WorkerMemory | null>(null);
  /** Why the last memory report failed (shown where the memory is), or null. */
  workerMemoryError = $state.raw<WireError | null>(null);

  readonly engine: EngineClient;
  readonly dataset: DatasetState;
  readonly network: NetworkEditor;
  /** The Sweep tab: its search space and the last sweep's results. */
  readonly sweep: Sweep;
  /** Open model…: model files opened as runs. */
  readonly opener: ModelOpener;

  readonly currentRun = $derived(this.runs.find((r) => r.id === this.currentRunId) ?? this.runs.at(-1) ?? null);
  readonly activeRun = $derived(this.runs.find((r) => r.isActive) ?? null);

  /** The spec the model view edits and training uses. */
  readonly spec = $derived.by<NetworkSpec>(() => ({
    format: 'backprop-studio/network',
    version: 1,
    name: this.name,
    layers: $state.snapshot(this.network.allLayers),
    training: $state.snapshot(this.training),
  }));

  /** Problems per layer id. */
  readonly layerProblems = $derived.by(() => {
    const map = new Map<string, Problem[]>();
    for (const p of this.check?.problems ?? []) {
      const at = layerPath(p.path);
      const id = at ? this.network.allLayers[at.index]?.id : undefined;
      if (id) map.set(id, [...(map.get(id) ?? []), p]);
    }
    return map;
  });
  /** Problems with the training settings (paths under `training`). */
  readonly trainingProblems = $derived((this.check?.problems ?? []).filter((p) => p.path.startsWith('training')));
  /** Problems that belong to no single layer or setting. */
  readonly networkProblems = $derived(
    (this.check?.problems ?? []).filter((p) => !layerPath(p.path) && !p.path.startsWith('training')),
  );
  readonly canTrain = $derived.by(
    () =>
      this.dataset.summary !== null &&
      this.check !== null &&
      this.check.problems.length === 0 &&
      this.activeRun === null,
  );

  /**
   * Work that New project would throw away: unsaved changes to a project that holds something (a dataset,
   * layers, runs or training settings other than the defaults). A fresh project asks nothing.
   */
  get hasUnsavedWork(): boolean {
    return (
      this.isDirty &&
      (this.dataset.table !== null ||
        this.runs.length > 0 ||
        this.network.allLayers.length > 0 ||
        JSON.stringify(this.training) !== JSON.stringify(defaultTraining()))
    );
  }

  #checkTimer = 0;
  #checkSeq = 0;

  constructor(engine: EngineClient) {
    this.engine = engine;
    this.dataset = new DatasetState(
      engine,
      () => this.#changed(),
      () => this.training.seed ?? 42,
    );
    this.network = new NetworkEditor(() => this.#changed(), {
      get: () => this.training,
      set: (training) => {
        this.training = training;
      },
    });
    this.sweep = new Sweep(this);
    this.opener = new ModelOpener(this);
  }

  /** Record a change (after any edit): marks dirty, re-checks the model, triggers autosave. */
  touch(): void {
    this.#changed();
  }

  #changed(): void {
    this.isDirty = true;
    this.revision++;
    clearTimeout(this.#checkTimer);
    this.#checkTimer = window.setTimeout(() => void this.recheck(), CHECK_DELAY_MS);
  }

  /** Ask the engine to validate the network against the data now. */
  async recheck(): Promise<void> {
    const seq = ++this.#checkSeq;
    const settings = this.dataset.settings && this.dataset.table ? $state.snapshot(this.dataset.settings) : null;
    try {
      const reply = await this.engine.request({ type: 'network/check', spec: this.spec, settings });
      if (seq !== this.#checkSeq) return;
      this.check = { problems: reply.problems, layers: reply.layers, totalParams: reply.totalParams, task: reply.task };
      this.checkError = null;
    } catch (e) {
      if (seq !== this.#checkSeq) return;
      this.checkError = asWireError(e);
    }
  }

  // ---------------------------------------------------------------- training

  /** Start a run with the current spec and data settings. */
  async startTraining(): Promise<TrainingRun | null> {
    const settings = this.dataset.settings;
    if (!settings || this.activeRun) return null;
    const id = newRunId();
    const run = new TrainingRun({
      id,
      name: `Run ${this.runs.length + 1}`,
      spec: this.spec,
      settings: $state.snapshot(settings),
      dataset: this.dataset.table?.name ?? null,
    });
    this.runs = [...this.runs, run];
    this.currentRunId = id;
    const off = followRun(
      this.engine,
      id,
      () => run,
      (r) => void this.#afterRun(r),
    );
    try {
      await this.engine.request({ type: 'train/start', runId: id, spec: run.spec, settings: run.settings });
    } catch (e) {
      off();
      run.fail(asWireError(e));
    }
    this.#changed();
    return run;
  }

  /**
   * Continue `from` (finished or stopped) for `epochs` more epochs as a new run, "Run k (continues Run j)":
   * from's network, data settings and training settings, its weights and (when the engine still holds it)
   * its optimizer state. The new run starts with from's history, so epochs and charts go on from there.
   */
  async continueTraining(from: TrainingRun, epochs: number): Promise<TrainingRun | null> {
    if (this.activeRun || this.isContinuing || from.isActive) return null;
    this.continueError = null;
    this.isContinuing = true;
    const id = newRunId();
    const name = `Run ${this.runs.length + 1} (continues ${from.name.replace(/ \(continues .*\)$/, '')})`;
    const spec: NetworkSpec = { ...from.spec, training: { ...from.training, epochs: from.history.length + epochs } };
    let run: TrainingRun | null = null;
    // The run is added once the engine accepts it, so a refusal leaves no failed run behind.
    const off = followRun(
      this.engine,
      id,
      (event) => {
        if (!run && event.type === 'train/started') {
          run = TrainingRun.continuing(from, { id, name, spec });
          this.runs = [...this.runs, run];
          this.currentRunId = id;
        }
        return run;
      },
      (r) => void this.#afterRun(r),
    );
    try {
      await this.ensureModel(from);
      await this.engine.request({ type: 'train/continue', runId: id, fromRunId: from.id, epochs });
    } catch (e) {
      off();
      this.continueError = { runId: from.id, error: asWireError(e) };
      return null;
    } finally {
      this.isContinuing = false;
    }
    this.#changed();
    return run;
  }

  async #afterRun(run: TrainingRun): Promise<void> {
    if (run.weights?.length) {
      try {
        run.model = (await this.engine.request({ type: 'model/export', runId: run.id })).json;
      } catch (e) {
        run.evaluationError = asWireError(e);
      }
    }
    this.#changed();
    void this.releaseRuns();
    if (run.hasModel && this.currentRunId === run.id) await this.evaluate(run);
  }

  /** Pause, resume or stop the active run. */
  async control(run: TrainingRun, action: 'pause' | 'resume' | 'stop'): Promise<void> {
    if (action === 'stop') run.status = 'stopping';
    try {
      const type =
        action === 'pause'
          ? ('train/pause' as const)
          : action === 'resume'
            ? ('train/resume' as const)
            : ('train/stop' as const);
      const reply = await this.engine.request({ type, runId: run.id });
      if (run.isActive) run.status = reply.state;
    } catch (e) {
      run.fail(asWireError(e));
    }
  }

  /** Make sure the worker holds a run's model (after a reload or an engine restart). */
  async ensureModel(run: TrainingRun): Promise<boolean> {
    if (run.isInWorker) return true;
    if (!run.model) return false;
    // An opened model the dataset could not read has no settings (its `opened.dataProblem` says why).
    const settings = run.opened?.dataProblem ? null : run.settings;
    const reply = await this.engine.request({ type: 'model/load', runId: run.id, model: run.model, settings });
    run.weights = reply.weights;
    run.isInWorker = true;
    return true;
  }

  /** Evaluate a run's model on its test split. */
  async evaluate(run: TrainingRun): Promise<void> {
    // An opened model that the loaded dataset cannot read says why instead.
    const problem = run.opened?.dataProblem;
    if (problem) {
      run.evaluationError = { name: 'DatasetError', code: 'model/data', path: '', message: problem, problems: [] };
      return;
    }
    try {
      if (!(await this.ensureModel(run))) return;
      const reply = await this.engine.request({ type: 'evaluate/run', runId: run.id });
      run.evaluation = reply.evaluation;
      run.evaluationError = null;
    } catch (e) {
      run.evaluationError = asWireError(e);
    }
  }

  /** The model file text of a run. */
  async modelJson(run: TrainingRun): Promise<string> {
    if (run.model) return run.model;
    await this.ensureModel(run);
    const reply = await this.engine.request({ type: 'model/export', runId: run.id });
    run.model = reply.json;
    return reply.json;
  }

  /** A run's model in another format (ONNX, TF.js): the files the worker's exporters write. */
  async convertModel(run: TrainingRun, format: ModelFormat): Promise<ExportedFile[]> {
    await this.ensureModel(run);
    return (await this.engine.request({ type: 'model/convert', runId: run.id, format })).files;
  }

  /** Predict a new CSV with a run's model. */
  async predict(
    run: TrainingRun,
    name: string,
    blob: Blob,
  ): Promise<{ csv: string; rows: number; warnings: Problem[]; classes: number }> {
    await this.ensureModel(run);
    const reply = await this.engine.request({ type: 'predict/run', runId: run.id, name, source: blob });
    const task = run.summary?.task;
    return {
      csv: reply.csv,
      rows: reply.rows,
      warnings: reply.warnings,
      classes: task?.kind === 'classification' ? task.classes.length : 0,
    };
  }

  /** Remove a finished run from the history, and free what the engine held for it. */
  deleteRun(run: TrainingRun): void {
    if (run.isActive) return;
    this.runs = this.runs.filter((r) => r !== run);
    if (this.currentRunId === run.id) this.currentRunId = this.runs.at(-1)?.id ?? null;
    this.#changed();
    void this.releaseRuns();
  }

  /**
   * Tell the engine which runs the project still lists, so it frees every other run's model and optimizer
   * state, and take its report of what it holds.
   */
  async releaseRuns(): Promise<void> {
    try {
      const reply = await this.engine.request({ type: 'runs/keep', runIds: this.runs.map((r) => r.id) });
      this.workerMemory = reply.memory;
      this.workerMemoryError = null;
    } catch (e) {
      this.workerMemoryError = asWireError(e);
    }
  }

  /** Show this run in the train, evaluate and export views. */
  selectRun(run: TrainingRun): void {
    this.currentRunId = run.id;
    if (!run.evaluation && run.hasModel) void this.evaluate(run);
    this.revision++;
  }

  // ---------------------------------------------------------------- files

  /** The project as a file object; `csv` is embedded when given. */
  toFile(csv?: string): ProjectFile {
    const table = this.dataset.table;
    return {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      name: this.name,
      savedAt: new Date().toISOString(),
      dataset: table
        ? {
            name: table.name,
            ...(csv !== undefined ? { csv } : {}),
            settings: this.dataset.settings ? $state.snapshot(this.dataset.settings) : null,
            options: { ...this.dataset.options },
            ...(this.dataset.sourcePage ? { sourcePage: { ...this.dataset.sourcePage } } : {}),
          }
        : null,
      network: $state.snapshot(this.network.allLayers),
      training: $state.snapshot(this.training),
      // A run still training is kept with its epochs so far (as an interrupted, stopped run), so a reload
      // or crash during training does not lose it.
      runs: this.runs.map((r) => r.toRecord()),
      currentRunId: this.currentRunId,
      sweep: this.sweep.toRecord(),
    };
  }

  /** Replace everything with a project file's content; `csv` holds the dataset bytes when not embedded. */
  async open(file: ProjectFile, csv: Blob | null): Promise<void> {
    for (const r of this.runs) if (r.isActive) await this.control(r, 'stop');
    this.name = file.name;
    this.training = { ...defaultTraining(), ...file.training };
    this.network.restore(file.network);
    this.runs = file.runs.map((r) => TrainingRun.fromRecord(r));
    this.continueError = null;
    this.currentRunId = file.currentRunId;
    this.sweep.restore(readSweepRecord(file.sweep));
    this.check = null;
    const bytes = csv ?? (file.dataset?.csv !== undefined ? new Blob([file.dataset.csv], { type: 'text/csv' }) : null);
    if (file.dataset && bytes) {
      await this.dataset.load(file.dataset.name, bytes, {
        settings: file.dataset.settings,
        options: file.dataset.options ?? {},
        sourcePage: file.dataset.sourcePage ?? null,
      });
    } else {
      this.dataset.clear();
    }
    this.isDirty = false;
    void this.releaseRuns();
    await this.recheck();
    const run = this.currentRun;
    if (run && run.model) await this.evaluate(run);
  }

  /**
   * What the user has not been told yet about runs that were still training when the project was last
   * written (a reload or crash during training): their epochs are kept, their weights are lost. Marks them told.
   */
  reportInterrupted(): string | null {
    const runs = this.runs.filter((r) => r.interrupted === 'unreported');
    if (!runs.length) return null;
    for (const r of runs) r.interrupted = 'reported';
    this.revision++;
    const what = runs
      .map((r) => `${r.name} (${r.history.length === 1 ? '1 epoch' : `${r.history.length} epochs`})`)
      .join(', ');
    const verb = runs.length === 1 ? 'was' : 'were';
    return (
      `${what} ${verb} still training when the page closed. The epochs so far are kept as a stopped run, ` +
      'but the weights were not saved, so it cannot be evaluated, continued or exported. Train again to get a model.'
    );
  }

  /** Start over with an empty project. */
  reset(): void {
    for (const r of this.runs) if (r.isActive) void this.control(r, 'stop');
    this.name = 'Untitled project';
    this.training = defaultTraining();
    this.network.restore([]);
    this.runs = [];
    this.continueError = null;
    this.currentRunId = null;
    this.sweep.restore(null);
    this.check = null;
    this.dataset.clear();
    this.view = 'data';
    this.isDirty = false;
    void this.releaseRuns();
  }
}
