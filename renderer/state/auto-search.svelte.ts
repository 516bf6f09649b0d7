/**
 * "Find a good network" in the app: the engine's auto preset (a budgeted search over the network's shape and
 * training settings, with the default network and a linear baseline as its first trials) run as the project's
 * sweep, so its trials show on the Sweep tab. When the search ends, the best trial's network goes to the Model
 * view (one undo step) and is retrained on training + validation as the current run; a notice names its
 * validation score beside the linear baseline's. Cancel stops the search (or the retrain) and keeps what finished.
 */
import { AUTO_LABELS, autoPick, type TrialRecord } from '../../engine/protocol/index.ts';
import { autoPreset } from '../lib/auto-preset.ts';
import { autoMessages as m } from '../lib/auto-messages.ts';
import { autoFraction, readBudget, SEARCH_CAP } from '../lib/auto-budget.ts';
import { formatNumber } from '../lib/format.ts';
import { asWireError } from '../lib/wire-error.ts';
import { sweepResult } from './sweep-result.ts';
import { METRIC_LABELS } from './sweep-space.svelte.ts';
import type { SweepEnd, SweepProject } from './sweep-project.ts';
import type { Sweep } from './sweep.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

/** The progress bar's clock ticks this often (milliseconds). */
const CLOCK_MS = 250;

/** Where a search is: 'retraining' until the best network's run has ended. */
export type AutoPhase = 'idle' | 'searching' | 'retraining' | 'done' | 'cancelled' | 'failed';

/** How the search tells the user what happened (the app's notices). */
export type AutoSay = (kind: 'ok' | 'info' | 'warn' | 'danger', message: string) => void;

/** The Model view's "Find a good network". */
export class AutoSearch {
  readonly #project: SweepProject;
  readonly #sweep: Sweep;
  /** The time budget box's text, in seconds. */
  budget = $state('60');
  /** What the last search ended with, in words (shown on the Sweep tab until the next search). */
  outcome = $state<string | null>(null);
  #phase = $state<'idle' | 'searching' | 'retraining' | 'cancelled' | 'failed'>('idle');
  #run = $state.raw<TrainingRun | null>(null);
  #cancelled = false;
  #say: AutoSay = () => {};
  /** Milliseconds since Start, ticking while the search and its refit run. */
  elapsedMs = $state(0);
  /** The budget in milliseconds of the search going or last run (search and refit together). */
  budgetMs = $state(0);
  #searchShare = $state(0);
  #startedAt = 0;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(project: SweepProject, sweep: Sweep) {
    this.#project = project;
    this.#sweep = sweep;
  }

  readonly reading = $derived(readBudget(this.budget));
  /** Where the search is; a retrain that has ended is 'done' (or 'cancelled' when it was stopped). */
  readonly phase = $derived.by<AutoPhase>(() => {
    const run = this.#run;
    if (this.#phase !== 'retraining' || !run || run.isActive) return this.#phase;
    return run.stopReason === 'stopped' ? 'cancelled' : run.status === 'failed' ? 'failed' : 'done';
  });
  readonly isBusy = $derived(this.phase === 'searching' || this.phase === 'retraining');
  /** 0–1 of the whole search, refit included (1 once the refitted network is loaded); null when none ran. */
  readonly fraction = $derived(
    autoFraction({
      phase: this.phase,
      elapsedMs: this.elapsedMs,
      budgetMs: this.budgetMs,
      searchShare: this.#searchShare,
      refit: this.#run?.progress ?? null,
    }),
  );
  /** Why the button is disabled (no data, a run or sweep going, a bad budget), or null. */
  readonly blocked = $derived.by<string | null>(() => {
    const p = this.#project;
    if (this.isBusy) return m.searching();
    if (!p.dataset.summary || !p.dataset.settings || !p.dataset.table) return m.noData();
    if (p.activeRun) return m.runActive(p.activeRun.name);
    if (this.#sweep.isActive) return m.sweepActive();
    return this.reading.problem;
  });

  /** Start the search; false when it could not start (the reason was said). */
  async start(say: AutoSay): Promise<boolean> {
    const seconds = this.reading.seconds;
    const { summary, table, settings } = this.#project.dataset;
    if (this.blocked !== null || seconds === null || !summary || !table || !settings) return false;
    this.#say = say;
    this.#cancelled = false;
    this.#run = null;
    this.outcome = null;
    const { space, spec } = autoPreset({
      summary,
      table,
      target: settings.target,
      seed: this.#project.training.seed ?? 42,
      backend: this.#project.training.backend,
      budgetSeconds: seconds,
    });
    this.#phase = 'searching';
    this.#startClock(seconds);
    const refused = await this.#sweep.start({ space, spec, onEnd: (e) => void this.#ended(e) });
    if (refused) {
      this.#phase = 'failed';
      this.outcome = refused.message;
      say('danger', refused.message);
      return false;
    }
    say('info', m.started(seconds));
    if (this.#cancelled) void this.#sweep.stop();
    return true;
  }

  /** Stop the search (the finished trials stay), or the retrain of its best network (the run stays, stopped). */
  async cancel(): Promise<void> {
    if (!this.isBusy) return;
    this.#cancelled = true;
    if (this.phase === 'searching') await this.#sweep.stop();
    else if (this.#run) await this.#stopRun(this.#run);
  }

  /** Count the budget from now; the clock ticks until the search and its refit have ended. */
  #startClock(seconds: number): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#startedAt = Date.now();
    this.budgetMs = seconds * 1000;
    this.elapsedMs = 0;
    this.#searchShare = 0;
    this.#timer = setInterval(() => {
      this.elapsedMs = Date.now() - this.#startedAt;
      if (!this.isBusy && this.#timer !== null) clearInterval(this.#timer);
    }, CLOCK_MS);
  }

  async #stopRun(run: TrainingRun): Promise<void> {
    await this.#project.control(run, 'stop');
    this.#say('info', m.retrainCancelled(run.name));
  }

  async #ended(phase: SweepEnd): Promise<void> {
    const sweep = this.#sweep;
    if (phase === 'replaced') {
      this.#phase = 'idle';
      this.outcome = null;
      return;
    }
    if (this.#cancelled || phase === 'failed') {
      this.#phase = this.#cancelled ? 'cancelled' : 'failed';
      this.outcome = this.#cancelled ? m.cancelled(sweep.finished) : (sweep.error?.message ?? m.noTrial());
      this.#say(this.#cancelled ? 'info' : 'danger', this.outcome);
      return;
    }
    const result = sweepResult(sweep);
    const pick = result && autoPick(result);
    if (!pick || pick.trial.status !== 'done') {
      this.#phase = 'failed';
      this.outcome = m.noTrial();
      this.#say('danger', this.outcome);
      return;
    }
    const kept = pick.trial;
    this.#searchShare = Math.min(SEARCH_CAP, (Date.now() - this.#startedAt) / this.budgetMs);
    this.#phase = 'retraining';
    this.outcome = this.#winnerText(kept, pick.best);
    this.#say('ok', this.outcome);
    try {
      await sweep.useTrial(kept.trial);
    } catch (e) {
      this.#say('warn', m.notApplied(kept.trial, asWireError(e).message));
    }
    const run = await sweep.retrainBest(`Found network: trial ${kept.trial} (train+val)`, kept.trial);
    this.#run = run;
    // Cancel pressed while the retrain was being set up.
    if (run && this.#cancelled) await this.#stopRun(run);
    if (!run) {
      this.#phase = 'failed';
      this.outcome = sweep.retrainError ? m.retrainFailed(sweep.retrainError.message) : m.retrainBlocked();
      this.#say('danger', this.outcome);
    }
  }

  /** The kept trial's validation score beside the linear baseline's (and the search's best, when the default network was kept over it). */
  #winnerText(kept: TrialRecord, best: TrialRecord): string {
    const metric = this.#sweep.plan?.objective.metric ?? '';
    const label = (METRIC_LABELS[metric] ?? metric).replace(/^Validation /, '');
    const baseline = this.#sweep.records.find((r) => r.label === AUTO_LABELS.linear);
    const name = (r: TrialRecord) => (r.label ? `trial ${r.trial} (the ${r.label})` : `trial ${r.trial}`);
    const score = (r: TrialRecord) => formatNumber(r.objective, 4);
    const text = m.winner(name(kept), score(kept), baseline?.status === 'done' ? score(baseline) : null, label);
    return kept === best ? text : `${text} ${m.defaultKept(name(best), score(best))}`;
  }
}
