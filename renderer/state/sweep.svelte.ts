/**
 * A hyperparameter sweep in the app: the search space being edited, the engine's check of it,
 * and the live sweep — trials, learning curves, progress, the best trial — applied to the UI at most once
 * per animation frame and every 100 ms. "Use best" applies a trial's layers and training settings through
 * the network editor as one undo step; "Retrain" adds a run trained on train+validation.
 */
import { FlushThrottle } from '../lib/flush-throttle.ts';
import type { DatasetSettings, NetworkSpec, WireError } from '../../engine/protocol/index.ts';
import { parseTrialsCsv, trialsCsv, type ImportanceResult, type SweepEvent } from '../../engine/protocol/index.ts';
import type { SweepPlan } from '../../engine/protocol/index.ts';
import type { SweepLiveEvent } from '../engine/engine-client.ts';
import { asWireError } from '../lib/wire-error.ts';
import type { SweepEnd, SweepPhase, SweepPreset, SweepProject } from './sweep-project.ts';
import { AutoSearch } from './auto-search.svelte.ts';
import { SpaceCheck } from './sweep-check.svelte.ts';
import type { SweepRecord } from './sweep-record.ts';
import { blankSweep, engineCrashed, importanceOf, restoredSweep, savedResult, sweepResult } from './sweep-result.ts';
import { cores, SweepSpace } from './sweep-space.svelte.ts';
import { applyTrial, retrainTrial } from './sweep-trial-actions.ts';
import { applyEvents, passesFilters, sweepProgress, type AxisFilter, type TrialView } from './sweep-trials.ts';
import type { TrainingRun } from './training-run.svelte.ts';

export type { SweepPhase, SweepProject } from './sweep-project.ts';

/** Live state is applied at most this often (and once per animation frame). */
const FLUSH_MS = 100;

/** The project's sweep. */
export class Sweep {
  readonly #project: SweepProject;
  readonly space: SweepSpace;
  /** The engine's check of the space being edited. */
  readonly checker: SpaceCheck;
  /** The Model view's "Find a good network": a preset sweep whose best network becomes a run. */
  readonly auto: AutoSearch;

  phase = $state<SweepPhase>('idle');
  plan = $state.raw<SweepPlan | null>(null);
  trials = $state.raw<TrialView[]>([]);
  best = $state<number | null>(null);
  backend = $state('');
  rows = $state.raw<{ train: number; validation: number } | null>(null);
  /** Milliseconds the sweep has run (live: up to the last update). */
  elapsedMs = $state(0);
  error = $state.raw<WireError | null>(null);
  /** Brushes of the parallel-coordinates chart, by axis. */
  filters = $state.raw<Record<string, AxisFilter>>({});
  /** The trial the pointer or the table picked out. */
  highlighted = $state<number | null>(null);
  isApplying = $state(false);
  retrainError = $state.raw<WireError | null>(null);
  /** The trials CSV these trials were opened from (a study that ran elsewhere); null for a sweep run here. */
  openedFrom = $state<string | null>(null);

  #sweepId = '';
  #spec: NetworkSpec | null = null;
  #settings: DatasetSettings | null = null;
  #startedAt = 0;
  #off: (() => void) | null = null;
  #onEnd: SweepPreset['onEnd'] | null = null;
  #pending: SweepEvent[] = [];
  readonly #throttle = new FlushThrottle(FLUSH_MS, () => this.#apply());

  constructor(project: SweepProject) {
    this.#project = project;
    this.space = new SweepSpace(project);
    this.checker = new SpaceCheck(project, this.space);
    this.auto = new AutoSearch(project, this);
    project.engine.onCrash((message) => {
      if (!this.isActive) return;
      this.#end('failed');
      this.error = engineCrashed(message);
    });
  }

  readonly isActive = $derived(this.phase === 'starting' || this.phase === 'running' || this.phase === 'stopping');
  readonly records = $derived(this.trials.map((t) => t.record));
  readonly bestTrial = $derived(this.trials.find((t) => t.record.trial === this.best) ?? null);
  readonly running = $derived(this.trials.filter((t) => t.record.status === 'running'));
  readonly finished = $derived(
    this.trials.filter((t) => ['done', 'pruned', 'failed', 'cancelled'].includes(t.record.status)).length,
  );
  readonly epochsDone = $derived(this.trials.reduce((s, t) => s + t.record.epochs, 0));
  readonly #progress = $derived(sweepProgress(this.plan, this.phase, this.epochsDone, this.finished, this.elapsedMs));
  /** 0–1 of the work planned (epochs when the plan knows them, else trials). */
  readonly fraction = $derived(this.#progress.fraction);
  /** Milliseconds left, from the pace so far; null until there is a pace to go by. */
  readonly etaMs = $derived(this.#progress.etaMs);
  readonly visible = $derived(this.trials.filter((t) => passesFilters(t.record, this.filters)));
  readonly importance = $derived<ImportanceResult | null>(importanceOf(this.plan, this.records));
  /** The best trial finished and there is a network to apply it to. */
  readonly canApply = $derived(this.bestTrial !== null && this.bestTrial.record.status === 'done');

  /**
   * Start the sweep with the space being edited on the current network, or with `preset` (a search-space file and
   * its base network, as "Find a good network" sends them), on the current data. Resolves with the engine's refusal,
   * or null once the sweep runs (a refusal of the edited space shows its problems beside the fields).
   */
  async start(preset?: SweepPreset): Promise<WireError | null> {
    const p = this.#project;
    const settings = p.dataset.settings;
    if (this.isActive || !settings) return null;
    this.#reset();
    const sweepId = `sweep-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
    this.#sweepId = sweepId;
    this.#spec = preset?.spec ?? p.spec;
    this.#settings = $state.snapshot(settings);
    this.phase = 'starting';
    this.#off = p.engine.onSweep(sweepId, (e) => this.#receive(e));
    try {
      const reply = await p.engine.request({
        type: 'sweep/start',
        sweepId,
        space: preset?.space ?? { ...this.space.json },
        spec: this.#spec,
        settings: this.#settings,
        cores: cores(),
        concurrency: preset ? null : this.space.concurrencyValue,
        // a preset ("Find a good network") refits its best within the same budget
        refitReserve: preset !== undefined,
      });
      this.#startedAt = performance.now();
      this.plan = reply.plan;
      this.backend = reply.backend;
      this.rows = reply.rows;
      if (this.phase === 'starting') this.phase = 'running';
      this.#onEnd = preset?.onEnd ?? null;
      return null;
    } catch (e) {
      this.#off?.();
      this.#off = null;
      const wire = asWireError(e);
      this.phase = 'idle';
      if (!preset && wire.problems.length) this.checker.problems = wire.problems;
      else if (!preset) this.error = wire;
      return wire;
    }
  }

  /** Stop every running trial after its current batch; what finished is kept. */
  async stop(): Promise<void> {
    if (!this.isActive || this.phase === 'starting') return;
    this.phase = 'stopping';
    try {
      await this.#project.engine.request({ type: 'sweep/stop', sweepId: this.#sweepId });
    } catch (e) {
      // The sweep ended on its own meanwhile; its last events say how.
      if (asWireError(e).code !== 'sweep/not-running') this.error = asWireError(e);
    }
  }

  /** Stop one trial; the sweep goes on. */
  async cancelTrial(trial: number): Promise<void> {
    if (!this.isActive) return;
    try {
      await this.#project.engine.request({ type: 'trial/cancel', sweepId: this.#sweepId, trial });
    } catch (e) {
      if (asWireError(e).code !== 'sweep/not-running') this.error = asWireError(e);
    }
  }

  #receive(e: SweepLiveEvent): void {
    if (e.type === 'sweep/failed') {
      this.#throttle.flush();
      this.#end('failed');
      this.error = e.error;
      return;
    }
    this.#pending.push(...e.events);
    if (e.events.some((x) => x.type === 'sweep/done')) this.#throttle.flush();
    else this.#throttle.schedule();
  }

  /** Apply the buffered live events to the reactive state (called by the throttle). */
  #apply(): void {
    if (this.#startedAt) this.elapsedMs = performance.now() - this.#startedAt;
    if (!this.#pending.length) return;
    const events = this.#pending;
    this.#pending = [];
    const prev = new Map(this.trials.map((t) => [t.record.trial, t]));
    const { trials, best } = applyEvents(prev, this.best, events);
    this.trials = [...trials.values()].sort((a, b) => a.record.trial - b.record.trial);
    this.best = best;
    const start = events.find((x) => x.type === 'sweep/start');
    if (start?.type === 'sweep/start' && !this.plan) this.plan = start.plan;
    const done = events.find((x) => x.type === 'sweep/done');
    if (done?.type === 'sweep/done') {
      this.elapsedMs = done.result.durationMs;
      this.#end(done.result.status);
    }
  }

  #end(phase: 'completed' | 'cancelled' | 'failed'): void {
    this.phase = phase;
    this.#off?.();
    this.#off = null;
    this.#project.touch();
    this.#ended(phase);
  }

  /** Tell the preset's owner how the sweep ended (once). */
  #ended(phase: SweepEnd): void {
    const onEnd = this.#onEnd;
    this.#onEnd = null;
    onEnd?.(phase);
  }

  #reset(): void {
    Object.assign(this, blankSweep());
    this.filters = {};
    this.#pending = [];
    this.#startedAt = 0;
  }

  /** The trial table as CSV (the engine's format, as the CLI writes it). */
  csv(): string | null {
    const r = sweepResult(this);
    return r ? trialsCsv(r) : null;
  }

  /**
   * Show the trials of a trials CSV (the Sweep view's export, `sweep --out`, an Optuna study's `study.py
   * --export-trials`) as a finished sweep; "Use best" and "Retrain" apply them to the current network and data.
   * Throws the reader's SweepError (line and column of each problem) when the text is not a trials CSV.
   */
  openTrials(text: string, name: string): void {
    if (this.isActive) return;
    const result = parseTrialsCsv(text);
    this.#off?.();
    this.#off = null;
    this.#reset();
    this.phase = result.status;
    this.plan = result.plan;
    this.trials = result.trials.map((record) => ({ record, points: [], target: record.epochs, progress: null }));
    this.best = result.best?.trial ?? null;
    this.elapsedMs = result.durationMs;
    this.openedFrom = name;
    const settings = this.#project.dataset.settings;
    this.#spec = this.#project.spec;
    this.#settings = settings ? $state.snapshot(settings) : null;
    this.#project.touch();
  }

  /** Apply a trial's configuration to the model: layers and training settings as one undo step. False when there is nothing to apply. */
  async useTrial(trial: number): Promise<boolean> {
    const t = this.trials.find((x) => x.record.trial === trial);
    if (!t || !this.#spec) return false;
    this.isApplying = true;
    try {
      await applyTrial(this.#project, this.#spec, t.record);
      return true;
    } finally {
      this.isApplying = false;
    }
  }

  /** Retrain the best trial's configuration (or trial `trial`'s) on train+validation as a new run (listed, evaluated, exportable). */
  async retrainBest(name?: string, trial = this.best): Promise<TrainingRun | null> {
    const t = this.trials.find((x) => x.record.trial === trial);
    if (!t || !this.#spec || !this.#settings || this.#project.activeRun) return null;
    this.retrainError = null;
    const { run, error } = await retrainTrial(this.#project, this.#spec, this.#settings, t.record, name);
    this.retrainError = error;
    return run;
  }

  /** Plain data for the project file. */
  toRecord(): SweepRecord {
    this.#throttle.flush();
    return { space: this.space.toDraft(), result: savedResult(this, this.#spec, this.#settings) };
  }

  /** Show a sweep from a project file (or clear it), stopping one that runs. */
  restore(record: SweepRecord | null): void {
    if (this.isActive) void this.stop();
    this.#ended('replaced');
    this.#off?.();
    this.#off = null;
    this.#reset();
    this.phase = 'idle';
    this.space.restore(record?.space ?? null);
    const r = record?.result;
    if (!r) return;
    Object.assign(this, restoredSweep(r));
    this.#spec = r.spec;
    this.#settings = r.settings;
  }
}
