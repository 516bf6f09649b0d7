/**
 * Serves the protocol: keeps the loaded table and the runs, and routes each request to the module that answers it
 * (training, a run's model, the step-through, sweeps, explanations); the data requests are answered here.
 * Posting is injected, so this runs (and is tested) outside a worker too.
 */
import { listBackends } from '../backend/index.ts';
import { checkCsvSize, profileTable } from '../data/index.ts';
import {
  PROTOCOL_VERSION,
  toWireError,
  type EngineEvent,
  type EngineRequest,
  type WorkerMemory,
} from '../protocol/index.ts';
import { BACKEND_NAMES, type BackendChoice } from '../spec/index.ts';
import { ExplainHost } from './explain.ts';
import { typedArrayBytes } from './memory.ts';
import { checkNetwork } from './network-check.ts';
import type { RunEntry } from './run-entry.ts';
import { RunModels } from './run-models.ts';
import { StepThrough } from './step-through.ts';
import { spawnTrialWorker } from './sweep-port.ts';
import { SweepHost } from './sweep.ts';
import { readTable, summarize, TableStore, tableInfo } from './table-store.ts';
import { handleTrain } from './train-requests.ts';

type Post = (event: EngineEvent) => void;

/** The engine side of the protocol. */
export class EngineService {
  readonly #post: Post;
  readonly #tables = new TableStore();
  readonly #runs = new Map<string, RunEntry>();
  // ---- step-through
  readonly #steps = new StepThrough(this.#tables, (runId) => {
    const run = this.#runs.get(runId);
    return run ? { spec: run.spec ?? null, settings: run.settings, control: run.control, model: run.model } : null;
  });
  // ---- sweeps: trial workers are started here, through the pool in engine/sweep
  readonly #sweeps = new SweepHost({
    tables: this.#tables,
    post: (e) => this.#post(e),
    spawn: spawnTrialWorker,
    addRun: (runId, run) => this.#runs.set(runId, run),
  });

  // ---- a run's model: evaluate, predict, export, report, load and open
  readonly #models = new RunModels({ tables: this.#tables, runs: this.#runs, post: (e) => this.#post(e) });
  // ---- explanations: the run's model on the loaded table's test rows
  readonly #explain = new ExplainHost({
    post: (e) => this.#post(e),
    source: (runId) => {
      const { model, pre } = this.#models.model(runId);
      const prepared = this.#models.preparedFor(runId, model);
      return { model, pre, prepared, table: this.#tables.require(), tableName: this.#tables.name };
    },
  });

  constructor(post: Post) {
    this.#post = post;
  }

  /** Tell the UI the worker is up and which backends it can run. */
  async announce(): Promise<void> {
    let list: { name: string; available: boolean }[];
    try {
      list = await listBackends();
    } catch (e) {
      // A backend probe that throws must not keep the UI waiting: offer the CPU paths and say why.
      list = [
        { name: 'cpu', available: true },
        { name: 'wasm', available: true },
      ];
      this.#post({ type: 'error', id: null, runId: null, error: toWireError(e) });
    }
    const available = new Set(list.filter((b) => b.available).map((b) => b.name));
    const backends = BACKEND_NAMES.filter((b): b is BackendChoice => b === 'auto' || available.has(b));
    this.#post({ type: 'ready', version: PROTOCOL_VERSION, backends });
  }

  /** Answer one request; every failure becomes an `error` event with the request's id. */
  async handle(req: EngineRequest): Promise<void> {
    try {
      await this.#dispatch(req);
    } catch (e) {
      this.#post({ type: 'error', id: req.id, runId: 'runId' in req ? req.runId : null, error: toWireError(e) });
    }
  }

  async #dispatch(req: EngineRequest): Promise<void> {
    switch (req.type) {
      case 'data/load': {
        checkCsvSize(req.name, req.source instanceof ArrayBuffer ? req.source.byteLength : req.source.size);
        const table = await readTable(
          req.source,
          (p) => {
            this.#post({ type: 'data/progress', id: req.id, bytes: p.bytes, rows: p.rows, fraction: p.fraction });
          },
          req.options ?? {},
        );
        this.#tables.set(req.name, table);
        this.#post({ type: 'data/loaded', id: req.id, table: tableInfo(req.name, table, profileTable(table)) });
        return;
      }
      case 'data/source':
        this.#tables.sourcePage = req.page;
        this.#post({ type: 'data/sourced', id: req.id, page: req.page });
        return;
      case 'data/rows':
        this.#post({
          type: 'data/rows',
          id: req.id,
          start: req.start,
          indices: req.indices,
          cells: this.#tables.rows(req.start, req.count, req.indices),
        });
        return;
      case 'data/prepare': {
        const prepared = this.#tables.prepare(req.settings, req.seed);
        const extra = this.#tables.targetWarnings(req.settings.target, req.settings.preprocess !== false);
        this.#post({ type: 'data/prepared', id: req.id, summary: summarize(this.#tables.require(), prepared, extra) });
        return;
      }
      case 'network/check':
        this.#post({ type: 'network/checked', id: req.id, ...checkNetwork(req.spec, req.settings, this.#tables) });
        return;
      case 'train/start':
      case 'train/continue':
      case 'train/pause':
      case 'train/resume':
      case 'train/stop':
        await handleTrain(req, { tables: this.#tables, runs: this.#runs, post: this.#post });
        return;
      case 'evaluate/run':
      case 'predict/run':
      case 'model/export':
      case 'model/convert':
      case 'model/load':
      case 'model/open':
        await this.#models.handle(req);
        return;
      case 'runs/keep': {
        const keep = new Set(req.runIds);
        // A run still training stays whatever the list says (its run may not be listed yet: a continue or
        // retrain is added once it starts); the rest go with their model and optimizer state.
        for (const [runId, entry] of this.#runs) if (!keep.has(runId) && !entry.control) this.#runs.delete(runId);
        if (!req.keepTable) this.#tables.clear();
        this.#post({ type: 'memory/report', id: req.id, memory: this.memory() });
        return;
      }
      // ---- step-through
      case 'step/trace':
        this.#post({ type: 'step/traced', id: req.id, trace: await this.#steps.trace(req) });
        return;
      // ---- sweeps
      case 'sweep/check':
      case 'sweep/start':
      case 'sweep/stop':
      case 'trial/cancel':
      case 'sweep/apply':
      case 'sweep/retrain':
        await this.#sweeps.handle(req);
        return;
      // ---- explanations
      case 'explain/importance':
      case 'explain/rows':
      case 'explain/pdp':
      case 'explain/cancel':
      case 'report/build':
        await this.#explain.handle(req);
        return;
    }
  }

  /** What the worker holds now: the bytes of the typed arrays it keeps for the table and for the runs. */
  memory(): WorkerMemory {
    const seen = new Set<ArrayBufferLike>();
    const tableBytes = typedArrayBytes(this.#tables.heldData(), seen);
    const runBytes = typedArrayBytes(
      [...this.#runs.values()].map((r) => [r.model, r.optimizer]),
      seen,
    );
    return { bytes: tableBytes + runBytes, tableBytes, runBytes, runs: this.#runs.size };
  }
}
