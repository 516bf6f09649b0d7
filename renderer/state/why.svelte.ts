/**
 * The "Why" part of the Evaluate view: a finished run's permutation importance, partial dependence of
 * one column and the attributions of one row, each computed in the worker with progress and Cancel.
 * App-wide, so a row picked on the Data view's grid is explained when Evaluate opens.
 */
import type {
  AttributionMethod,
  ReplyOf,
  WireAttributions,
  WireError,
  WireImportance,
  WirePartialDependence,
} from '../../engine/protocol/index.ts';
import type { ProgressOf, RequestBody } from '../engine/engine-client.ts';
import { asWireError } from '../lib/wire-error.ts';
import type { Project } from './project.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

const NO_MODEL: WireError = {
  name: 'TrainingError',
  code: 'run/no-model',
  path: '',
  problems: [],
  message:
    'This run has no trained model to explain. Train it again (a run that failed or stopped before its first epoch keeps no weights).',
};

/** Where one computation stands. */
export type JobStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** The requests an ExplainJob runs: the explain family, and the report, which the worker runs the same way. */
type ExplainBody = RequestBody<'explain/importance' | 'explain/rows' | 'explain/pdp' | 'report/build'>;

/** One explanation: its status, progress, result or error, and how to cancel it. */
export class ExplainJob<T> {
  status = $state<JobStatus>('idle');
  /** Steps done of total while running. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  result = $state.raw<T | null>(null);
  error = $state.raw<WireError | null>(null);
  /** The label of the backend that computed the result. */
  backend = $state<string | null>(null);
  #id: number | null = null;
  #project: Pick<Project, 'engine'>;

  constructor(project: Pick<Project, 'engine'>) {
    this.#project = project;
  }

  /** Run `body` (cancelling this job's previous request); the reply's result is kept when it is still wanted. */
  async run<B extends ExplainBody>(body: B, pick: (reply: ReplyOf[B['type']]) => T): Promise<void> {
    this.cancel();
    this.status = 'running';
    this.progress = null;
    this.error = null;
    const onProgress = (p: ProgressOf<'explain/importance'>): void => {
      if (this.#id === id) this.progress = { done: p.done, total: p.total };
    };
    // Every explain request gets explain/progress events; TypeScript cannot see that through the generic B.
    const { id, reply } = this.#project.engine.start(body, onProgress as (p: ProgressOf<B['type']>) => void);
    this.#id = id;
    try {
      const r = await reply;
      if (this.#id !== id) return;
      this.result = pick(r);
      this.backend = 'backend' in r ? r.backend : null;
      this.status = 'done';
    } catch (e) {
      if (this.#id !== id) return;
      const wire = asWireError(e);
      this.status = wire.code === 'explain/cancelled' ? 'cancelled' : 'failed';
      this.error = wire.code === 'explain/cancelled' ? null : wire;
    } finally {
      if (this.#id === id) {
        this.#id = null;
        this.progress = null;
      }
    }
  }

  /** Ask the worker to stop this job's request; its reply then reads as cancelled. */
  cancel(): void {
    if (this.#id === null) return;
    void this.#project.engine.request({ type: 'explain/cancel', target: this.#id }).catch(() => undefined);
  }

  /** Forget the result (another run is shown); a running request is cancelled and its answer ignored. */
  reset(): void {
    this.cancel();
    this.#id = null;
    this.status = 'idle';
    this.progress = null;
    this.result = null;
    this.error = null;
    this.backend = null;
  }
}

/** The Why state of the run the Evaluate view shows. */
export class WhyState {
  /** The run the results belong to. */
  runId = $state<string | null>(null);
  readonly importance: ExplainJob<WireImportance>;
  readonly pdp: ExplainJob<WirePartialDependence>;
  readonly rows: ExplainJob<WireAttributions>;
  /** The column whose partial dependence is shown (or computing). */
  column = $state<string | null>(null);
  /** The table row whose attributions are shown (or computing), 0-based. */
  row = $state<number | null>(null);
  method = $state<AttributionMethod>('integrated-gradients');
  /** A row picked elsewhere (the Data view's grid) for the Evaluate view to explain when it opens. */
  wantedRow = $state<number | null>(null);
  #project: Project;
  /**
   * Counts the asks of each job: an ask still waiting for the model when a newer one comes is dropped, or the
   * older answer could arrive last and be shown for the newer row, column or run.
   */
  #asks = { importance: 0, pdp: 0, rows: 0 };

  constructor(project: Project) {
    this.#project = project;
    this.importance = new ExplainJob(project);
    this.pdp = new ExplainJob(project);
    this.rows = new ExplainJob(project);
  }

  /** Show `run`'s explanations: results of another run are dropped. */
  show(run: TrainingRun): void {
    if (this.runId === run.id) return;
    this.runId = run.id;
    this.importance.reset();
    this.pdp.reset();
    this.rows.reset();
    this.column = null;
    this.row = null;
  }

  /** Permutation importance of `run`'s columns on its test rows. */
  async measureImportance(run: TrainingRun): Promise<void> {
    this.show(run);
    const ask = ++this.#asks.importance;
    if (!(await this.#ready(run, this.importance)) || ask !== this.#asks.importance) return;
    await this.importance.run(
      { type: 'explain/importance', runId: run.id, repeats: null, seed: null },
      (r) => r.result,
    );
  }

  /** Partial dependence of `column` over `run`'s test rows, with individual curves. */
  async sweep(run: TrainingRun, column: string): Promise<void> {
    this.show(run);
    this.column = column;
    const ask = ++this.#asks.pdp;
    if (!(await this.#ready(run, this.pdp)) || ask !== this.#asks.pdp) return;
    await this.pdp.run({ type: 'explain/pdp', runId: run.id, column, ice: true, points: null }, (r) => r.result);
  }

  /** Attributions of table row `row` (0-based) against the mean of the test rows. */
  async explainRow(run: TrainingRun, row: number): Promise<void> {
    this.show(run);
    this.row = row;
    const ask = ++this.#asks.rows;
    if (!(await this.#ready(run, this.rows)) || ask !== this.#asks.rows) return;
    const body = {
      type: 'explain/rows',
      runId: run.id,
      rows: Int32Array.of(row),
      method: this.method,
      baseline: 'mean',
      steps: null,
    } as const;
    await this.rows.run(body, (r) => r.result);
  }

  /** Make sure the worker holds the run's model (after a reload); a failure is the job's error. */
  async #ready(run: TrainingRun, job: ExplainJob<unknown>): Promise<boolean> {
    try {
      if (await this.#project.ensureModel(run)) return true;
      job.error = NO_MODEL;
    } catch (e) {
      job.error = asWireError(e);
    }
    job.status = 'failed';
    return false;
  }
}
