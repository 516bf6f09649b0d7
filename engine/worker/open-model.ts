/**
 * Opening a model file in the app (`model/open`): the text checked with the model-file checker, a project file
 * or a CSV opened by mistake named as such, and the data settings that rebuild the model's splits from the
 * loaded table (each model column a feature with its stored treatment, every other column ignored).
 */
import type { ColumnSettings, DatasetSettings, FeatureTransform, ParsedTable, Preprocessing } from '../data/index.ts';
import { DatasetError, ModelFileError } from '../errors.ts';
import { parseModelFile, type ModelFile } from '../export/index.ts';
import type { DatasetSummary, OpenedModel } from '../protocol/index.ts';
import { isRecord } from '../spec/fields.ts';
import type { EpochSummary } from '../train/index.ts';
import { openModelMessages, runMessages } from './messages.ts';
import { summarize, type TableStore } from './table-store.ts';

/** Bigger model files are refused before they are read (the app checks the size first too). */
const MAX_MODEL_FILE_BYTES = 256 * 1024 * 1024;

/** The first line of `text` looks like a CSV header (a delimiter, no JSON opening brace). */
function looksLikeCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  return !/^\s*[[{]/.test(first) && /[,;\t]/.test(first);
}

/** The model in `text` (a model file's JSON), checked; `fileName` names the file in messages. */
export function readModelText(text: string, fileName: string): ModelFile {
  if (text.length > MAX_MODEL_FILE_BYTES)
    throw new ModelFileError(openModelMessages.tooLarge(fileName, MAX_MODEL_FILE_BYTES));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ModelFileError(
      looksLikeCsv(text) ? openModelMessages.csv(fileName) : openModelMessages.notJson(fileName),
    );
  }
  if (isRecord(data) && data.format === 'backprop-studio/project')
    throw new ModelFileError(openModelMessages.project(fileName));
  return parseModelFile(data);
}

/** A run's saved model text (`model/load`, after a reload), checked. */
export function readSavedModel(text: string): ModelFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ModelFileError(runMessages.modelNotJson());
  }
  return parseModelFile(data);
}

/** The column settings that give a feature the treatment it was trained with. */
function columnOf(t: FeatureTransform): ColumnSettings {
  const fill = { missing: t.fill.strategy, ...(t.fill.indicator ? { missingIndicator: true } : {}) };
  switch (t.kind) {
    // A number column's type is left to inference (numeric or integer read the same way).
    case 'number':
      return { role: 'feature', scaling: t.scaling, ...fill };
    case 'boolean':
      return { role: 'feature', type: 'boolean', ...fill };
    case 'oneHot':
      return { role: 'feature', type: 'categorical', encoding: 'oneHot', ...fill };
    case 'ordinal':
      return { role: 'feature', type: 'categorical', encoding: 'ordinal', scaling: t.scaling, ...fill };
    case 'datetime':
      return { role: 'feature', type: 'datetime', scaling: t.scaling, ...fill };
  }
}

/**
 * The data settings that rebuild the model's training data from `table`: the model's target and features
 * (as stored), every other column ignored. Throws the data catalog's message naming the columns the table lacks.
 */
export function settingsForModel(pre: Preprocessing, table: ParsedTable): DatasetSettings {
  const names = new Set(table.columns.map((c) => c.name));
  const needed = [...pre.features.map((f) => f.column), pre.target.column];
  const absent = needed.filter((n) => !names.has(n));
  if (absent.length) throw new DatasetError(openModelMessages.missingColumns(absent));
  const columns: Record<string, ColumnSettings> = {};
  for (const c of table.columns) columns[c.name] = { role: 'ignore' };
  for (const f of pre.features) columns[f.column] = columnOf(f);
  columns[pre.target.column] = { role: 'target' };
  return { target: pre.target.column, task: pre.target.kind, columns, preprocess: pre.preprocess };
}

/** The epochs of a model file's history that have what the charts draw (files written elsewhere may lack some). */
function chartableHistory(history: readonly unknown[]): EpochSummary[] {
  return history
    .filter(
      (h): h is EpochSummary =>
        isRecord(h) && typeof h.epoch === 'number' && typeof h.loss === 'number' && isRecord(h.metrics),
    )
    .map((h) => ({ ...h, layers: Array.isArray(h.layers) ? h.layers : [], elapsedMs: Number(h.elapsedMs) || 0 }));
}

/** What the app shows of an opened model, with the settings it is evaluated with (null: why not, in `dataProblem`). */
export function openedModel(
  model: ModelFile,
  tables: TableStore,
): { opened: OpenedModel; settings: DatasetSettings | null } {
  let settings: DatasetSettings | null = null;
  let summary: DatasetSummary | null = null;
  let dataProblem: string | null = null;
  if (!model.preprocessing) dataProblem = openModelMessages.noPreprocessing().message;
  else if (!tables.table) dataProblem = openModelMessages.noTable().message;
  else {
    try {
      const s = settingsForModel(model.preprocessing, tables.table);
      const prepared = tables.prepare(s, model.seed);
      // Other categories or an other split give other inputs: the model's test rows cannot be rebuilt.
      if (prepared.featureNames.join('\u0000') !== model.featureNames.join('\u0000'))
        throw new DatasetError(runMessages.otherTable());
      settings = s;
      summary = summarize(tables.table, prepared);
    } catch (e) {
      if (!(e instanceof DatasetError)) throw e;
      dataProblem = e.problems.map((p) => p.message).join(' ');
    }
  }
  const opened: OpenedModel = {
    spec: model.spec,
    task: model.task,
    featureNames: model.featureNames,
    history: chartableHistory(model.history),
    metrics: model.metrics,
    settings,
    summary,
    dataProblem,
    backend: model.training.backend,
    stopReason: model.training.stopReason,
    bestEpoch: model.training.bestEpoch,
  };
  return { opened, settings };
}
