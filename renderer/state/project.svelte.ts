/**
 * The project: dataset, network, training settings and runs, plus the engine calls that tie them
 * together (model checks; training in run-launch, a run's model in run-models; save/open in project-io).
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
import { defaultTraining } from '../lib/default-training.ts';
import { asWireError } from '../lib/wire-error.ts';
import { DatasetState } from './dataset.svelte.ts';
import type { ViewName } from './views.ts';
import { ModelOpener } from './model-opener.svelte.ts';
import { NetworkEditor } from './network-editor.svelte.ts';
import { continueTraining, controlRun, startTraining } from './run-launch.svelte.ts';
import { convertModel, ensureModel, evaluateRun, modelJson, predictCsv, type Predictions } from './run-models.ts';
import { Sweep } from './sweep.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

/** What the engine said about the current network. */
export interface NetworkCheck {
  problems: Problem[];
  layers: LayerShape[];
  totalParams: number;
  task: Task | null;
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

  /** Start a run with the current spec and data settings. */
  startTraining(): Promise<TrainingRun | null> {
    return startTraining(this);
  }

  /** Continue `from` for `epochs` more epochs as a new run (see run-launch's `continueTraining`). */
  continueTraining(from: TrainingRun, epochs: number): Promise<TrainingRun | null> {
    return continueTraining(this, from, epochs);
  }

  /** Pause, resume or stop the active run. */
  control(run: TrainingRun, action: 'pause' | 'resume' | 'stop'): Promise<void> {
    return controlRun(this.engine, run, action);
  }

  /** Make sure the worker holds a run's model (after a reload or an engine restart). */
  ensureModel(run: TrainingRun): Promise<boolean> {
    return ensureModel(this.engine, run);
  }

  /** Evaluate a run's model on its test split. */
  evaluate(run: TrainingRun): Promise<void> {
    return evaluateRun(this.engine, run);
  }

  /** The model file text of a run. */
  modelJson(run: TrainingRun): Promise<string> {
    return modelJson(this.engine, run);
  }

  /** A run's model in another format (ONNX, TF.js): the files the worker's exporters write. */
  convertModel(run: TrainingRun, format: ModelFormat): Promise<ExportedFile[]> {
    return convertModel(this.engine, run, format);
  }

  /** Predict a new CSV with a run's model. */
  predict(run: TrainingRun, name: string, blob: Blob): Promise<Predictions> {
    return predictCsv(this.engine, run, name, blob);
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
   * state (and, with `keepTable` false, the loaded table), and take its report of what it holds.
   */
  async releaseRuns(keepTable = true): Promise<void> {
    try {
      const runIds = this.runs.map((r) => r.id);
      const reply = await this.engine.request({ type: 'runs/keep', runIds, keepTable });
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
}
