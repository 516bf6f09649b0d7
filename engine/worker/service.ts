/**
 * Serves the protocol: keeps the loaded table and the runs, and answers each request by calling the
 * engine's public APIs. Posting is injected, so this runs (and is tested) outside a worker too.
 */
import { CpuBackend, listBackends } from '../backend/index.ts';
import {
  applyPreprocessing,
  checkCsvSize,
  profileTable,
  readingOptions,
  type DatasetSettings,
  type ParsedTable,
  type PreparedDataset,
  type Preprocessing,
} from '../data/index.ts';
import { DatasetError, RunError } from '../errors.ts';
import { stringifyModelFile, type ModelFile } from '../export/index.ts';
import {
  PROTOCOL_VERSION,
  toWireError,
  type EngineEvent,
  type EngineRequest,
  type LayerShape,
  type WireError,
  type WorkerMemory,
} from '../protocol/index.ts';
import {
  BACKEND_NAMES,
  checkResolve,
  checkSpecStructure,
  parseSpec,
  summarizeLayers,
  TRAINING_DEFAULTS,
  type BackendChoice,
  type NetworkSpec,
  type Task,
} from '../spec/index.ts';
import { evaluateTestSplit, predictions, predictionsCsv } from '../run/index.ts';
import { resolveTraining } from '../train/index.ts';
import { planContinuation, type Continuation } from './continue-run.ts';
import { typedArrayBytes } from './memory.ts';
import { continueMessages, runMessages } from './messages.ts';
import { convertModel } from './model-convert.ts';
import { openedModel, readModelText, readSavedModel } from './open-model.ts';
import { ExplainHost } from './explain.ts';
import { toWire } from './models.ts';
import { isSameTable, rowSplits } from './row-splits.ts';
import type { RunEntry } from './run-entry.ts';
import { readTable, summarize, TableStore, tableInfo } from './table-store.ts';
import { trainInWorker } from './train-run.ts';
import { StepThrough } from './step-through.ts';
import { spawnTrialWorker } from './sweep-port.ts';
import { SweepHost } from './sweep.ts';

type Post = (event: EngineEvent) => void;

function seedOf(spec: NetworkSpec): number {
  return spec.training?.seed ?? TRAINING_DEFAULTS.seed;
}

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

  // ---- explanations (issue 16): the run's model on the loaded table's test rows
  readonly #explain = new ExplainHost({
    post: (e) => this.#post(e),
    source: (runId) => {
      const { model, pre } = this.#model(runId);
      const prepared = this.#preparedFor(this.#runs.get(runId)?.settings ?? null, model);
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
      case 'model/check':
        this.#post({ type: 'model/checked', id: req.id, ...this.#check(req.spec, req.settings) });
        return;
      case 'train/start':
        await this.#train(req.id, req.runId, req.spec, req.settings, null);
        return;
      case 'train/continue': {
        const from = planContinuation(this.#runs.get(req.fromRunId), req.fromRunId, req.epochs, this.#tables);
        await this.#train(req.id, req.runId, from.spec, from.settings, from);
        return;
      }
      case 'train/pause':
      case 'train/resume':
      case 'train/stop': {
        const entry = this.#runs.get(req.runId);
        const control = entry?.control;
        if (!control) throw new RunError(runMessages.notRunning());
        entry.events?.flush();
        if (req.type === 'train/pause') control.pause();
        else if (req.type === 'train/resume') control.resume();
        else control.stop();
        const state = req.type === 'train/pause' ? 'paused' : req.type === 'train/resume' ? 'running' : 'stopping';
        this.#post({ type: 'train/state', id: req.id, runId: req.runId, state });
        return;
      }
      case 'evaluate/run': {
        const { model } = this.#model(req.runId);
        const run = this.#runs.get(req.runId);
        const prepared = this.#preparedFor(run?.settings ?? null, model);
        const evaluation = await evaluateTestSplit(model, prepared.test);
        this.#post({ type: 'evaluate/done', id: req.id, runId: req.runId, evaluation });
        return;
      }
      case 'predict/run': {
        const { model, pre } = this.#model(req.runId);
        // Read the way the model's training file was read (older models: detected).
        const table = await readTable(req.source, () => {}, readingOptions(model.reading));
        const applied = applyPreprocessing(pre, table);
        const backend = new CpuBackend();
        const decoded = await predictions(model, backend, applied.x, applied.rows).finally(() => backend.destroy());
        const csv = predictionsCsv(decoded, { inputs: table, splits: this.#splitsOf(table, req.runId, model) });
        this.#post({
          type: 'predict/done',
          id: req.id,
          runId: req.runId,
          csv,
          rows: applied.rows,
          warnings: [...table.warnings, ...applied.warnings],
        });
        return;
      }
      case 'model/export': {
        const { model } = this.#model(req.runId);
        this.#post({ type: 'model/exported', id: req.id, runId: req.runId, json: stringifyModelFile(model) });
        return;
      }
      case 'model/convert':
        this.#post({
          type: 'model/converted',
          id: req.id,
          runId: req.runId,
          format: req.format,
          files: convertModel(this.#model(req.runId).model, req.format),
        });
        return;
      case 'model/load': {
        const model = readSavedModel(req.model);
        this.#runs.set(req.runId, { control: null, events: null, model, settings: req.settings });
        this.#post({ type: 'model/loaded', id: req.id, runId: req.runId, weights: toWire(model.weights) });
        return;
      }
      case 'model/open': {
        const model = readModelText(req.model, req.fileName);
        const { opened, settings } = openedModel(model, this.#tables);
        this.#runs.set(req.runId, { control: null, events: null, model, settings });
        this.#post({ type: 'model/opened', id: req.id, runId: req.runId, weights: toWire(model.weights), opened });
        return;
      }
      case 'runs/keep': {
        const keep = new Set(req.runIds);
        // A run still training stays whatever the list says (its run may not be listed yet: a continue or
        // retrain is added once it starts); the rest go with their model and optimizer state.
        for (const [runId, entry] of this.#runs) if (!keep.has(runId) && !entry.control) this.#runs.delete(runId);
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
      // ---- explanations (issue 16)
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

  #check(
    raw: NetworkSpec,
    settings: DatasetSettings | null,
  ): { problems: WireError['problems']; layers: LayerShape[]; totalParams: number; task: Task | null } {
    const { spec, problems } = checkSpecStructure(raw);
    let inputs: number | null = null;
    let task: Task | null = null;
    if (settings && this.#tables.table) {
      try {
        const prepared = this.#tables.prepare(settings, seedOf(raw));
        inputs = prepared.featureNames.length;
        task = prepared.task;
      } catch {
        // The data view shows dataset problems; the network is checked without the data.
        inputs = null;
      }
    }
    if (spec && inputs !== null && task) problems.push(...checkResolve(spec, inputs, task).problems);
    let layers: LayerShape[] = [];
    try {
      layers = summarizeLayers(spec ?? raw, inputs, task).map((l) => ({
        id: l.id,
        outputShape: l.outputShape,
        params: Math.max(0, l.params),
      }));
    } catch {
      // A structurally broken layer has no shape; its problems above say why.
      layers = [];
    }
    const seen = new Set<string>();
    const unique = problems.filter((p) => {
      const key = `${p.path}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { problems: unique, layers, totalParams: layers.reduce((s, l) => s + l.params, 0), task };
  }

  /** Train run `runId`, from scratch or continuing an earlier run (`from`), through the worker's run adapter. */
  async #train(
    id: number,
    runId: string,
    rawSpec: NetworkSpec,
    settings: DatasetSettings,
    from: Continuation | null,
  ): Promise<void> {
    const spec = parseSpec(rawSpec);
    const prepared = from?.prepared ?? this.#tables.prepare(settings, seedOf(spec));
    const epoch = (from?.history.length ?? 0) + 1;
    const note: EngineEvent | null =
      from && !from.optimizer
        ? {
            type: 'train/diagnostic',
            runId,
            diagnostic: {
              code: 'optimizerReset',
              level: 'info',
              message: continueMessages.freshOptimizer(resolveTraining(spec.training).optimizer.type, epoch),
              epoch,
              layer: null,
            },
          }
        : null;
    await trainInWorker(
      { id, runId, spec, settings, prepared, from, note },
      {
        tables: this.#tables,
        post: this.#post,
        addRun: (key, run) => this.#runs.set(key, run),
      },
    );
  }

  #model(runId: string): { model: ModelFile; pre: Preprocessing } {
    const model = this.#runs.get(runId)?.model;
    if (!model) throw new RunError(runMessages.noModel());
    const pre = model.preprocessing;
    if (!pre) throw new RunError(runMessages.noPreprocessing());
    return { model, pre };
  }

  /** Each row's split when `table` is the loaded dataset the run was trained on; null otherwise (a new file). */
  #splitsOf(table: ParsedTable, runId: string, model: ModelFile): string[] | null {
    const current = this.#tables.table;
    const settings = this.#runs.get(runId)?.settings ?? null;
    if (!current || !settings || !isSameTable(table, current)) return null;
    const prepared = this.#tables.prepare(settings, model.seed);
    if (prepared.featureNames.join('\u0000') !== model.featureNames.join('\u0000')) return null;
    return rowSplits(table.rows, prepared);
  }

  /** The prepared dataset a run was trained on, rebuilt from the current table. */
  #preparedFor(settings: DatasetSettings | null, model: ModelFile): PreparedDataset {
    if (!settings) throw new RunError(runMessages.noSettings());
    if (!this.#tables.table) throw new DatasetError(runMessages.noTable());
    const prepared = this.#tables.prepare(settings, model.seed);
    if (prepared.featureNames.join('\u0000') !== model.featureNames.join('\u0000')) {
      throw new DatasetError(runMessages.otherTable());
    }
    return prepared;
  }
}
