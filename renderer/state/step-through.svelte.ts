/**
 * The step-through mode: which weights and rows to trace, the engine's trace of one training
 * iteration, and where the user is in it (stage, shown row, selected connection).
 */
import type { StepSource, WireError, WireStepTrace } from '../../engine/protocol/index.ts';
import { columnsOf, largestGradient, stagesOf, type Stage } from '../lib/step-through-model.ts';
import { asWireError } from '../lib/wire-error.ts';
import type { Project } from './project.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

/** Most rows one step traces (the engine's limit). */
export const MAX_STEP_ROWS = 32;

/** A connection i → j into a column of the drawing. */
export interface Connection {
  /** The column the connection enters (1 = first dense layer). */
  column: number;
  from: number;
  to: number;
}

/** One choice of weights to step through. */
export interface WeightsOption {
  /** `initial` or a run id. */
  id: string;
  label: string;
  isDisabled: boolean;
}

/** Which weights of a run one can step through, in words (null: none now). */
function runState(run: TrainingRun): string | null {
  if (run.status === 'paused') return 'paused';
  if (run.isActive) return null;
  return run.hasModel ? 'final weights' : null;
}

/** Where the traced weights came from, in words, with the engine's position of a paused run. */
function tracedWords(run: TrainingRun | null, trace: WireStepTrace, seed: number): string {
  if (!run) return `the initial weights of the current network (seed ${seed})`;
  const p = trace.position;
  if (!p) return `${run.name}, final weights`;
  return `${run.name}, paused at epoch ${p.epoch} (${p.batch} of ${p.batches} batches done)`;
}

/** True when the run's reported progress is past where the traced weights were taken (it trained on). */
function isPast(run: TrainingRun, position: WireStepTrace['position']): boolean {
  const now = run.progress;
  if (!position || !now) return false;
  return now.epoch > position.epoch || (now.epoch === position.epoch && now.batch > position.batch);
}

/** The step-through's state; one per Train view. */
export class StepThrough {
  readonly #project: Project;

  /** `initial` (the current network before training) or a run id. */
  source = $state('initial');
  /** First traced row: its 1-based position in the training split. */
  row = $state(1);
  /** Rows in the step: consecutive training rows from `row`. */
  count = $state(1);
  /** Learning rate of the update; null: the optimizer's. */
  learningRate = $state<number | null>(null);

  trace = $state.raw<WireStepTrace | null>(null);
  /** The request the shown trace answers (to tell when it is out of date). */
  tracedKey = $state('');
  /** Where the traced weights came from, in words. */
  tracedFrom = $state('');
  /** The traced rows as the table shows them (one string per column). */
  cells = $state.raw<string[][]>([]);
  isLoading = $state(false);
  error = $state.raw<WireError | null>(null);

  stageIndex = $state(0);
  /** Which traced row the neurons show (index into the traced rows). */
  shownRow = $state(0);
  selected = $state.raw<Connection | null>(null);
  /** Values as tables instead of the drawing. */
  isTable = $state(false);

  readonly columns = $derived(this.trace ? columnsOf(this.trace) : []);
  readonly stages = $derived(stagesOf(this.columns));
  readonly stage = $derived<Stage | null>(this.stages[Math.min(this.stageIndex, this.stages.length - 1)] ?? null);

  /** The weights one can step through: the network's initial weights, and runs that are paused or finished. */
  readonly options = $derived.by<WeightsOption[]>(() => {
    const seed = this.#project.training.seed ?? 42;
    const list: WeightsOption[] = [
      { id: 'initial', label: `Initial weights of the current network (seed ${seed})`, isDisabled: false },
    ];
    for (const run of [...this.#project.runs].reverse()) {
      const state = runState(run);
      if (state) list.push({ id: run.id, label: `${run.name} · ${state}`, isDisabled: false });
      else if (run.isActive)
        list.push({ id: run.id, label: `${run.name} · training (pause it to step through)`, isDisabled: true });
    }
    return list;
  });

  /** The chosen weights, back to the initial ones when the chosen run is gone. */
  readonly sourceId = $derived(this.options.some((o) => o.id === this.source) ? this.source : 'initial');
  /** The run being stepped through, if any. */
  readonly run = $derived.by(() =>
    this.sourceId === 'initial' ? null : (this.#project.runs.find((r) => r.id === this.sourceId) ?? null),
  );

  /** Rows in the training split of the chosen data. */
  readonly trainRows = $derived.by(
    () => (this.run ? this.run.summary : this.#project.dataset.summary)?.rows.train ?? 0,
  );

  /** The optimizer's learning rate (used when `learningRate` is null). */
  readonly defaultLearningRate = $derived.by(
    () => (this.run ? this.run.training : this.#project.training).optimizer?.learningRate ?? 0.01,
  );

  /** Why nothing can be traced now; null when it can. */
  readonly blocked = $derived.by<string | null>(() => {
    const p = this.#project;
    if (!p.dataset.table || !p.dataset.summary) return 'Load a dataset and choose its target on the Data view first.';
    if (this.run) {
      if (this.run.status === 'running' || this.run.status === 'starting' || this.run.status === 'stopping')
        return `${this.run.name} is training. Pause it to step through its current weights.`;
      return null;
    }
    if (!p.check) return 'Checking the network…';
    if (p.check.problems.length) return 'Fix the problems of the network (Model view) or the training settings first.';
    return null;
  });

  /**
   * The request the current inputs make; a trace made for another key is out of date. A run's live
   * progress is not part of it (it lags the engine by a frame); `isStale` compares it with the engine's
   * position instead.
   */
  readonly requestKey = $derived.by(() => {
    const p = this.#project;
    const from = this.run
      ? [this.run.id, this.run.status, this.run.hasModel]
      : [p.spec.layers, p.spec.training, p.dataset.settings];
    return JSON.stringify([from, this.row, this.count, this.learningRate]);
  });
  readonly isStale = $derived(
    this.trace !== null &&
      !this.isLoading &&
      (this.tracedKey !== this.requestKey || (this.run !== null && isPast(this.run, this.trace.position))),
  );

  #seq = 0;
  /** The user chose the selected connection (else it follows the backward pass). */
  #isPicked = false;

  constructor(project: Project) {
    this.#project = project;
  }

  /** The tab opened: the first time, step through a paused run if there is one, else the initial weights. */
  open(): void {
    if (this.trace || this.isLoading) return;
    const paused = this.#project.runs.find((r) => r.status === 'paused');
    if (paused) this.source = paused.id;
    void this.load();
  }

  /** Choose the weights to step through. */
  setSource(id: string): void {
    this.source = id;
    void this.load();
  }

  /** Choose the rows: the first one (1-based in the training split) and how many. */
  setRows(row: number, count: number): void {
    const n = Math.max(1, this.trainRows);
    this.count = Math.min(MAX_STEP_ROWS, Math.max(1, Math.round(count) || 1), n);
    this.row = Math.min(n - this.count + 1, Math.max(1, Math.round(row) || 1));
    void this.load();
  }

  /** Use this learning rate for the update (null: the optimizer's). */
  setLearningRate(value: number | null): void {
    this.learningRate = value;
    void this.load();
  }

  /** Ask the engine for the trace of the current choice. */
  async load(): Promise<void> {
    if (this.blocked) return;
    const seq = ++this.#seq;
    const key = this.requestKey;
    const run = this.run;
    this.isLoading = true;
    try {
      let source: StepSource;
      if (run) {
        if (!run.isActive) await this.#project.ensureModel(run);
        source = { kind: 'run', runId: run.id };
      } else {
        const settings = this.#project.dataset.settings;
        if (!settings) return;
        source = { kind: 'initial', spec: $state.snapshot(this.#project.spec), settings: $state.snapshot(settings) };
      }
      const positions = Int32Array.from({ length: this.count }, (_, i) => this.row - 1 + i);
      const reply = await this.#project.engine.request({
        type: 'step/trace',
        source,
        positions,
        learningRate: this.learningRate,
      });
      if (seq !== this.#seq) return;
      const rows = await this.#project.engine.request({
        type: 'data/rows',
        start: 0,
        count: 0,
        indices: Int32Array.from(reply.trace.rowIndices),
      });
      if (seq !== this.#seq) return;
      const sameShape =
        this.trace !== null &&
        JSON.stringify(columnsOf(this.trace).map((c) => c.units)) ===
          JSON.stringify(columnsOf(reply.trace).map((c) => c.units));
      this.trace = reply.trace;
      this.cells = rows.cells;
      this.tracedKey = key;
      this.tracedFrom = tracedWords(run, reply.trace, this.#project.training.seed ?? 42);
      this.error = null;
      if (!sameShape) {
        this.selected = null;
        this.#isPicked = false;
      }
      this.shownRow = Math.min(this.shownRow, reply.trace.rows - 1);
      this.stageIndex = Math.min(this.stageIndex, this.stages.length - 1);
    } catch (e) {
      if (seq === this.#seq) this.error = asWireError(e);
    } finally {
      if (seq === this.#seq) this.isLoading = false;
    }
  }

  /**
   * Go to stage `index`. Entering the backward pass of a layer selects its connection with the largest
   * gradient, unless the user picked a connection (the panel then waits until the pass reaches it).
   */
  go(index: number): void {
    this.stageIndex = Math.max(0, Math.min(this.stages.length - 1, index));
    const stage = this.stages[this.stageIndex];
    if (!this.trace || (this.#isPicked && this.selected)) return;
    if (stage?.phase === 'backward') this.selected = largestGradient(this.trace, this.columns, stage.column);
    else if (stage?.phase === 'update' && !this.selected)
      this.selected = largestGradient(this.trace, this.columns, stage.column);
  }

  next(): void {
    this.go(this.stageIndex + 1);
  }

  previous(): void {
    this.go(this.stageIndex - 1);
  }

  /** Show the connection from → to into `column` in the chain-rule panel. */
  select(connection: Connection | null): void {
    this.selected = connection;
    this.#isPicked = connection !== null;
  }
}
