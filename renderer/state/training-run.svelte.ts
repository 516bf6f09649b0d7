/** One training run: its settings, live progress, history, diagnostics, final weights and evaluation. */
import { FlushThrottle } from '../lib/flush-throttle.ts';
import type {
  DatasetSettings,
  DatasetSummary,
  DiagnosticRecord,
  EpochRecord,
  Evaluation,
  NetworkSpec,
  StopReason,
  TrainingSpec,
  WireError,
  WireTensor,
} from '../../engine/protocol/index.ts';
import type { RunEvent } from '../engine/engine-client.ts';
import {
  readRunOrigin,
  type BatchSeries,
  type RunBackend,
  type RunInterruption,
  type RunLink,
  type RunOrigin,
  type RunRecord,
  type RunStatus,
} from './run-record.ts';
import { restingProgress, type RunProgress } from './run-progress.ts';

/**
 * Live state is applied at most once per animation frame, and no more often than this, so a run that
 * streams thousands of epochs a second costs the UI a few small updates a second.
 */
const FLUSH_MS = 100;

/** A run. Live events are buffered and applied at most once per animation frame (and every FLUSH_MS). */
export class TrainingRun {
  readonly id: string;
  readonly createdAt: number;
  /** The spec and data settings the run was started with. */
  readonly spec: NetworkSpec;
  readonly settings: DatasetSettings;
  /** The run this one continues; its history starts with that run's epochs. */
  readonly continues: RunLink | null;
  /** The file name of the dataset it was trained on; null when not known (older project files). */
  readonly dataset: string | null;
  /** The model file this run was opened from (Open model…); null for a run trained here. */
  readonly opened: RunOrigin | null;

  name = $state('');
  status = $state<RunStatus>('starting');
  backend = $state.raw<RunBackend | null>(null);
  summary = $state.raw<DatasetSummary | null>(null);
  history = $state.raw<EpochRecord[]>([]);
  batches = $state.raw<BatchSeries>({ x: [], loss: [] });
  progress = $state.raw<RunProgress | null>(null);
  diagnostics = $state.raw<DiagnosticRecord[]>([]);
  weights = $state.raw<WireTensor[] | null>(null);
  stopReason = $state<StopReason | null>(null);
  bestEpoch = $state(0);
  error = $state.raw<WireError | null>(null);
  evaluation = $state.raw<Evaluation | null>(null);
  evaluationError = $state.raw<WireError | null>(null);
  model = $state.raw<string | null>(null);
  /** Set on a run restored from a record written while it trained (see `RunRecord.interrupted`). */
  interrupted = $state<RunInterruption | null>(null);

  /** True while the engine is working on it. */
  readonly isActive = $derived(
    this.status === 'starting' || this.status === 'running' || this.status === 'paused' || this.status === 'stopping',
  );
  readonly lastEpoch = $derived(this.history.at(-1) ?? null);
  /** The run ended with a usable model (a failed run keeps none). */
  readonly hasModel = $derived(this.model !== null || (this.weights?.length ?? 0) > 0);
  readonly training = $derived.by<TrainingSpec>(() => this.spec.training ?? {});

  /** Whether the worker holds this run's model (false after a reload until `model/load`). */
  isInWorker = false;

  #pendingEpochs: EpochRecord[] = [];
  #pendingX: number[] = [];
  #pendingLoss: number[] = [];
  #pendingProgress: RunProgress | null = null;
  #pendingDiagnostics: DiagnosticRecord[] = [];
  readonly #throttle = new FlushThrottle(FLUSH_MS, () => this.#apply());
  #elapsedBefore = 0;

  constructor(init: {
    id: string;
    name: string;
    spec: NetworkSpec;
    settings: DatasetSettings;
    createdAt?: number;
    continues?: RunLink | null;
    dataset?: string | null;
    opened?: RunOrigin | null;
  }) {
    this.id = init.id;
    this.name = init.name;
    this.spec = init.spec;
    this.settings = init.settings;
    this.createdAt = init.createdAt ?? Date.now();
    this.continues = init.continues ?? null;
    this.dataset = init.dataset ?? null;
    this.opened = init.opened ?? null;
  }

  /**
   * A run that continues `from` with `spec` (from's, with more epochs): it starts with from's epochs,
   * loss curve and training time, so the epoch counter and the charts go on from there.
   */
  static continuing(from: TrainingRun, init: { id: string; name: string; spec: NetworkSpec }): TrainingRun {
    const run = new TrainingRun({
      ...init,
      settings: from.settings,
      dataset: from.dataset,
      continues: { runId: from.id, name: from.name, epochs: from.history.length },
    });
    run.summary = from.summary;
    run.history = from.history;
    run.batches = from.batches;
    run.#elapsedBefore = from.history.reduce((s, h) => s + h.elapsedMs, 0);
    run.progress = restingProgress(from.history, init.spec.training?.epochs);
    return run;
  }

  /** Take one live event from the engine. */
  handle(event: RunEvent): void {
    switch (event.type) {
      case 'train/started':
        this.backend = { name: event.backend, label: event.backendLabel, reason: event.reason };
        this.summary = event.summary;
        this.status = 'running';
        this.isInWorker = true;
        break;
      case 'train/progress': {
        const doneBefore = this.history.length + this.#pendingEpochs.length;
        const runMs = this.#elapsedBefore + event.elapsedMs;
        this.#pendingProgress = {
          epoch: event.epoch,
          epochs: event.epochs,
          batch: event.batch,
          batches: event.batches,
          loss: event.loss,
          rowsPerSecond: event.rowsPerSecond,
          runMs,
        };
        if (Number.isFinite(event.loss) && event.epoch > doneBefore) {
          this.#pendingX.push(event.epoch - 1 + event.batch / event.batches);
          this.#pendingLoss.push(event.loss);
        }
        this.#throttle.schedule();
        break;
      }
      case 'train/epoch':
        for (const s of event.summaries) {
          this.#elapsedBefore += s.elapsedMs;
          this.#pendingEpochs.push(s);
        }
        this.#throttle.schedule();
        break;
      case 'train/diagnostic':
        this.#pendingDiagnostics.push(event.diagnostic);
        this.#throttle.schedule();
        break;
      case 'train/state':
        this.setState(event.state);
        break;
      case 'train/done':
        this.#throttle.flush();
        this.weights = event.weights;
        this.stopReason = event.stopReason;
        this.bestEpoch = event.bestEpoch;
        this.error = event.error;
        this.status = event.stopReason === 'failed' ? 'failed' : 'done';
        break;
      case 'error':
        this.#throttle.flush();
        this.error = event.error;
        this.status = 'failed';
        break;
      default:
        break;
    }
  }

  /** The engine says where the run is now (a live event, or the answer to pause, resume or stop). */
  setState(state: RunStatus): void {
    // The worker posts every epoch before it pauses: show them with "Paused", not a frame later.
    if (state === 'paused') this.#throttle.flush();
    this.status = state;
  }

  /** The run failed before it started (the start request was refused). */
  fail(error: WireError): void {
    this.#throttle.flush();
    this.error = error;
    this.status = 'failed';
  }

  /** Apply the buffered live events to the reactive state (called by the throttle). */
  #apply(): void {
    if (this.#pendingEpochs.length) {
      this.history = [...this.history, ...this.#pendingEpochs];
      this.#pendingEpochs = [];
    }
    if (this.#pendingX.length) {
      this.batches = { x: [...this.batches.x, ...this.#pendingX], loss: [...this.batches.loss, ...this.#pendingLoss] };
      this.#pendingX = [];
      this.#pendingLoss = [];
    }
    if (this.#pendingProgress) {
      this.progress = this.#pendingProgress;
      this.#pendingProgress = null;
    }
    if (this.#pendingDiagnostics.length) {
      this.diagnostics = [...this.diagnostics, ...this.#pendingDiagnostics];
      this.#pendingDiagnostics = [];
    }
  }

  /**
   * Plain data for the project file. A run still training is written as it is on screen (no flush, which
   * would redraw its charts inside the autosave's task) and without its per-batch curve, to keep the
   * autosaves during training small.
   */
  toRecord(): RunRecord {
    if (!this.isActive) this.#throttle.flush();
    return {
      id: this.id,
      name: this.name,
      createdAt: this.createdAt,
      spec: this.spec,
      settings: this.settings,
      status: this.isActive ? 'done' : this.status,
      backend: this.backend,
      summary: this.summary,
      history: this.history,
      batches: this.isActive ? { x: [], loss: [] } : this.batches,
      diagnostics: this.diagnostics,
      stopReason: this.isActive ? 'stopped' : this.stopReason,
      bestEpoch: this.bestEpoch,
      error: this.error,
      model: this.model,
      continues: this.continues,
      dataset: this.dataset,
      ...(this.opened ? { opened: this.opened } : {}),
      ...(this.isActive
        ? { interrupted: 'unreported' as const }
        : this.interrupted
          ? { interrupted: this.interrupted }
          : {}),
    };
  }

  /** A run from a project file (its model still has to be loaded into the worker). */
  static fromRecord(r: RunRecord): TrainingRun {
    const run = new TrainingRun({
      id: r.id,
      name: r.name,
      spec: r.spec,
      settings: r.settings,
      createdAt: r.createdAt,
      continues: r.continues ?? null,
      dataset: typeof r.dataset === 'string' ? r.dataset : null,
      opened: readRunOrigin(r.opened),
    });
    run.status = r.status === 'failed' ? 'failed' : 'done';
    run.backend = r.backend;
    run.summary = r.summary;
    run.history = r.history;
    run.batches = r.batches;
    run.diagnostics = r.diagnostics;
    run.stopReason = r.stopReason;
    run.bestEpoch = r.bestEpoch;
    run.error = r.error;
    run.model = r.model;
    run.interrupted = r.interrupted === 'unreported' || r.interrupted === 'reported' ? r.interrupted : null;
    run.progress = restingProgress(r.history);
    return run;
  }
}
