/**
 * The requests that work on a run's model: evaluate it, predict a file with it, export or convert it, and load or
 * open a saved model file as a run (its report is an explain job: explain.ts).
 */
import { CpuBackend } from '../backend/index.ts';
import {
  applyPreprocessing,
  readingOptions,
  type DatasetSettings,
  type ParsedTable,
  type PreparedDataset,
  type Preprocessing,
} from '../data/index.ts';
import { DatasetError, RunError } from '../errors.ts';
import { stringifyModelFile, type ModelFile } from '../export/index.ts';
import type { EngineEvent, EngineRequest } from '../protocol/index.ts';
import { evaluateTestSplit, predictions, predictionsCsv } from '../run/index.ts';
import { runMessages } from './messages.ts';
import { convertModel } from './model-convert.ts';
import { toWire } from './models.ts';
import { openedModel, readModelText, readSavedModel } from './open-model.ts';
import { isSameTable, rowSplits } from './row-splits.ts';
import type { RunEntry } from './run-entry.ts';
import { readTable, type TableStore } from './table-store.ts';

/** The model requests, as messages. */
export type ModelRequest = Extract<
  EngineRequest,
  {
    type: 'evaluate/run' | 'predict/run' | 'model/export' | 'model/convert' | 'model/load' | 'model/open';
  }
>;

/** What the model requests work on: the loaded table, the worker's runs, and where replies go. */
export interface RunModelsHost {
  tables: TableStore;
  runs: Map<string, RunEntry>;
  post: (event: EngineEvent) => void;
}

/** Answers the model requests over the worker's runs. */
export class RunModels {
  readonly #host: RunModelsHost;

  constructor(host: RunModelsHost) {
    this.#host = host;
  }

  /** Answer one model request. */
  async handle(req: ModelRequest): Promise<void> {
    const { tables, runs, post } = this.#host;
    switch (req.type) {
      case 'evaluate/run': {
        const { model } = this.model(req.runId);
        const prepared = this.preparedFor(req.runId, model);
        const evaluation = await evaluateTestSplit(model, prepared.test);
        post({ type: 'evaluate/done', id: req.id, runId: req.runId, evaluation });
        return;
      }
      case 'predict/run': {
        const { model, pre } = this.model(req.runId);
        // Read the way the model's training file was read (older models: detected).
        const table = await readTable(req.source, () => {}, readingOptions(model.reading));
        const applied = applyPreprocessing(pre, table);
        const backend = new CpuBackend();
        const decoded = await predictions(model, backend, applied.x, applied.rows).finally(() => backend.destroy());
        const csv = predictionsCsv(decoded, { inputs: table, splits: this.#splitsOf(table, req.runId, model) });
        post({
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
        const { model } = this.model(req.runId);
        post({ type: 'model/exported', id: req.id, runId: req.runId, json: stringifyModelFile(model) });
        return;
      }
      case 'model/convert':
        post({
          type: 'model/converted',
          id: req.id,
          runId: req.runId,
          format: req.format,
          files: convertModel(this.model(req.runId).model, req.format),
        });
        return;
      case 'model/load': {
        const model = readSavedModel(req.model);
        runs.set(req.runId, { control: null, events: null, model, settings: req.settings });
        post({ type: 'model/loaded', id: req.id, runId: req.runId, weights: toWire(model.weights) });
        return;
      }
      case 'model/open': {
        const model = readModelText(req.model, req.fileName);
        const { opened, settings } = openedModel(model, tables);
        runs.set(req.runId, { control: null, events: null, model, settings });
        post({ type: 'model/opened', id: req.id, runId: req.runId, weights: toWire(model.weights), opened });
        return;
      }
    }
  }

  /** Run `runId`'s model and its preprocessing; a run without them is refused. */
  model(runId: string): { model: ModelFile; pre: Preprocessing } {
    const model = this.#host.runs.get(runId)?.model;
    if (!model) throw new RunError(runMessages.noModel());
    const pre = model.preprocessing;
    if (!pre) throw new RunError(runMessages.noPreprocessing());
    return { model, pre };
  }

  /** The prepared dataset run `runId` was trained on, rebuilt from the current table. */
  preparedFor(runId: string, model: ModelFile): PreparedDataset {
    const settings: DatasetSettings | null = this.#host.runs.get(runId)?.settings ?? null;
    const { tables } = this.#host;
    if (!settings) throw new RunError(runMessages.noSettings());
    if (!tables.table) throw new DatasetError(runMessages.noTable());
    const prepared = tables.prepare(settings, model.seed);
    if (prepared.featureNames.join('\u0000') !== model.featureNames.join('\u0000')) {
      throw new DatasetError(runMessages.otherTable());
    }
    return prepared;
  }

  /** Each row's split when `table` is the loaded dataset the run was trained on; null otherwise (a new file). */
  #splitsOf(table: ParsedTable, runId: string, model: ModelFile): string[] | null {
    const { tables, runs } = this.#host;
    const current = tables.table;
    const settings = runs.get(runId)?.settings ?? null;
    if (!current || !settings || !isSameTable(table, current)) return null;
    const prepared = tables.prepare(settings, model.seed);
    if (prepared.featureNames.join('\u0000') !== model.featureNames.join('\u0000')) return null;
    return rowSplits(table.rows, prepared);
  }
}
