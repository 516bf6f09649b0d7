/**
 * The explain requests (issue 16): permutation importance, row attributions and partial dependence of a
 * finished run's model, through engine/explain, on the backend the run's spec chooses, over the loaded
 * table's test rows; and a run's report (`report/build`), whose slow parts are the same. Requests run one at a time
 * in the order they came; each posts `explain/progress` and yields between steps, so an `explain/cancel` that
 * arrives meanwhile stops it at the next step.
 */
import type { Backend } from '../backend/index.ts';
import {
  applyPreprocessing,
  cellLabel,
  type ParsedTable,
  type PreparedDataset,
  type Preprocessing,
} from '../data/index.ts';
import {
  attributeRows,
  ExplainError,
  explainMessages,
  meanInputs,
  partialDependence,
  permutationImportance,
} from '../explain/index.ts';
import type { ModelFile } from '../export/index.ts';
import type { EngineEvent, EngineRequest, WireAttributions } from '../protocol/index.ts';
import { yieldToEventLoop } from '../run/index.ts';
import { selectBackend } from '../train/index.ts';
import { columnRows, tableRows } from './explain-table.ts';
import { buildRunReport } from './report.ts';

/** Most rows one `explain/rows` explains (each is a path of gradients). */
export const MAX_EXPLAINED_ROWS = 100;

/** The explain requests, as messages, and `report/build`, which runs as an explain job. */
export type ExplainRequest = Extract<EngineRequest, { type: `explain/${string}` | 'report/build' }>;

/** What a run's explanations are computed from: its model and the loaded table prepared as it was trained. */
export interface ExplainSource {
  model: ModelFile;
  pre: Preprocessing;
  prepared: PreparedDataset;
  table: ParsedTable;
  /** The loaded table's file name (for the report). */
  tableName: string;
}

/** Where explanations report, and how they find a run (throwing the user's error when they cannot). */
export interface ExplainHostOptions {
  post: (event: EngineEvent) => void;
  source: (runId: string) => ExplainSource;
  /** Lets queued messages in between steps; the event loop's macrotask by default. */
  yieldToHost?: () => Promise<void>;
}

interface Job {
  cancelled: boolean;
}

/** Serves the explain family. */
export class ExplainHost {
  readonly #options: ExplainHostOptions;
  readonly #jobs = new Map<number, Job>();
  #queue: Promise<unknown> = Promise.resolve();
  #backend: { key: string; backend: Promise<Backend> } | null = null;

  constructor(options: ExplainHostOptions) {
    this.#options = options;
  }

  /** Answer one explain request (its reply, or a thrown error for the service to post). */
  async handle(req: ExplainRequest): Promise<void> {
    const post = this.#options.post;
    if (req.type === 'explain/cancel') {
      const job = this.#jobs.get(req.target);
      if (job) job.cancelled = true;
      post({ type: 'explain/cancelled', id: req.id, target: req.target, cancelled: job !== undefined });
      return;
    }
    const job: Job = { cancelled: false };
    this.#jobs.set(req.id, job);
    const next = this.#queue.then(async () => {
      if (job.cancelled) throw new ExplainError(explainMessages.cancelled());
      const step = async (done: number, total: number): Promise<void> => {
        post({ type: 'explain/progress', id: req.id, done, total });
        await (this.#options.yieldToHost ?? yieldToEventLoop)();
        if (job.cancelled) throw new ExplainError(explainMessages.cancelled());
      };
      const event = await this.#run(req, step);
      if (job.cancelled) throw new ExplainError(explainMessages.cancelled());
      post(event);
    });
    this.#queue = next.catch(() => undefined);
    try {
      await next;
    } finally {
      this.#jobs.delete(req.id);
    }
  }

  async #run(
    req: Exclude<ExplainRequest, { type: 'explain/cancel' }>,
    step: (done: number, total: number) => Promise<void>,
  ): Promise<EngineEvent> {
    const s = this.#options.source(req.runId);
    const test = s.prepared.test;
    if (req.type === 'report/build') {
      const backend = await this.#backendFor(s.model, s.prepared);
      const report = { ...s, modelFile: req.modelFile };
      const html = await buildRunReport(report, backend, step);
      return { type: 'report/built', id: req.id, runId: req.runId, html };
    }
    if (req.type === 'explain/rows') {
      const { result, backend } = await this.#rows(s, req.rows, req.method, req.baseline, req.steps, step);
      return { type: 'explain/rows-done', id: req.id, runId: req.runId, backend, result };
    }
    if (test.rows === 0)
      throw new ExplainError(
        explainMessages.noTestRows(req.type === 'explain/pdp' ? 'sweep a column' : 'measure importance'),
      );
    const backend = await this.#backendFor(s.model, s.prepared);
    const label = backend.label;
    if (req.type === 'explain/importance') {
      const result = await permutationImportance(s.model, s.pre, backend, test.x, test.y, test.rows, {
        ...(req.repeats === null ? {} : { repeats: req.repeats }),
        ...(req.seed === null ? {} : { seed: req.seed }),
        onProgress: step,
      });
      return { type: 'explain/importance-done', id: req.id, runId: req.runId, backend: label, result };
    }
    const table = { columns: s.table.columns.map((c) => columnRows(c, test.rowIndices)) };
    const result = await partialDependence(s.model, s.pre, backend, table, test.x, test.rows, req.column, {
      ice: req.ice,
      ...(req.points === null ? {} : { points: req.points }),
      onProgress: step,
    });
    return { type: 'explain/pdp-done', id: req.id, runId: req.runId, backend: label, result };
  }

  async #rows(
    s: ExplainSource,
    rows: Int32Array,
    method: WireAttributions['method'],
    baseline: WireAttributions['baseline'],
    steps: number | null,
    step: (done: number, total: number) => Promise<void>,
  ): Promise<{ result: WireAttributions; backend: string }> {
    if (rows.length === 0) throw new ExplainError(explainMessages.noRows());
    if (rows.length > MAX_EXPLAINED_ROWS)
      throw new ExplainError(explainMessages.tooManyRows(rows.length, MAX_EXPLAINED_ROWS));
    for (const r of rows)
      if (!(r >= 0 && r < s.table.rows)) throw new ExplainError(explainMessages.rowOutOfRange(r, s.table.rows));
    const test = s.prepared.test;
    const f = s.model.inputs;
    if (baseline === 'mean' && test.rows === 0)
      throw new ExplainError(explainMessages.noTestRows('average a baseline'));
    const base = baseline === 'mean' ? meanInputs(test.x, test.rows, f) : new Float32Array(f);
    const picked = tableRows(s.table, rows);
    const x = applyPreprocessing(s.pre, picked).x;
    const backend = await this.#backendFor(s.model, s.prepared);
    const r = await attributeRows(s.model, s.pre, backend, x, rows.length, base, {
      method,
      ...(steps === null ? {} : { steps }),
      onProgress: step,
    });
    const columns = s.pre.features.map((t) => t.column);
    const byName = new Map(picked.columns.map((c) => [c.name, c]));
    const result: WireAttributions = {
      method: r.method,
      output: r.output,
      steps: r.steps,
      baseline,
      baselineRows: baseline === 'mean' ? test.rows : 0,
      columns,
      rows: r.rows.map((row, i) => ({
        row: rows[i]!,
        label: row.label,
        prediction: row.prediction,
        baseline: row.baseline,
        gap: row.gap,
        attributions: columns.map((c) => row.attributions[c] ?? 0),
        values: columns.map((c) => cellLabel(byName.get(c)!, i) ?? ''),
      })),
    };
    return { result, backend: backend.label };
  }

  /**
   * The backend a run of the model's spec trains on (`auto` calibrates on this network), kept while the
   * same choice and network are explained; requests run one at a time, so a replaced one is idle.
   */
  #backendFor(model: ModelFile, prepared: PreparedDataset): Promise<Backend> {
    const choice = model.spec.training?.backend ?? 'auto';
    const key = JSON.stringify([choice, model.inputs, prepared.task, choice === 'auto' ? model.spec.layers : null]);
    if (this.#backend?.key === key) return this.#backend.backend;
    const old = this.#backend;
    const backend = selectBackend(choice, model.spec, model.inputs, prepared.task).then((c) => c.backend);
    this.#backend = { key, backend };
    void old?.backend.then(
      (b) => b.destroy(),
      () => undefined,
    );
    backend.catch(() => {
      if (this.#backend?.backend === backend) this.#backend = null;
    });
    return backend;
  }
}
