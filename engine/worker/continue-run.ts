/**
 * Continuing a finished or stopped run for more epochs, as Keras's `fit(initial_epoch=…)` does: the new
 * run takes the earlier run's network and training settings (learning rate, schedule, batch size, seed,
 * early stopping; only the epoch count grows), its data split rebuilt from the loaded table, and starts
 * from its final weights, optimizer state and history, so epochs are numbered after the earlier ones.
 */
import type { DatasetSettings, PreparedDataset } from '../data/index.ts';
import { DatasetError, RunError } from '../errors.ts';
import type { ModelFile } from '../export/index.ts';
import type { NetworkSpec, Task } from '../spec/index.ts';
import type { EpochSummary, OptimizerCheckpoint, TrainControl, WeightTensor } from '../train/index.ts';
import { withValidationInTrain } from '../run/index.ts';
import { continueMessages } from './messages.ts';
import type { TableStore } from './table-store.ts';

/** What the worker keeps of a run that continuing reads. */
export interface ContinuableRun {
  /** Set while the run trains. */
  control: TrainControl | null;
  model: ModelFile | null;
  settings: DatasetSettings | null;
  /** The optimizer's state at the end of the run; absent for runs loaded from a model file. */
  optimizer?: OptimizerCheckpoint | null;
}

/** Where a continued run starts. */
export interface Continuation {
  /** The earlier run's spec, with `training.epochs` the total: the epochs done plus the new ones. */
  spec: NetworkSpec;
  settings: DatasetSettings;
  /** The split the earlier run trained on. */
  prepared: PreparedDataset;
  weights: WeightTensor[];
  /** Null when the earlier run's optimizer state is not kept: the optimizer starts afresh. */
  optimizer: OptimizerCheckpoint | null;
  history: EpochSummary[];
}

function isEpochSummary(v: unknown, i: number): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Partial<EpochSummary>;
  return h.epoch === i + 1 && typeof h.loss === 'number' && typeof h.metrics === 'object' && h.metrics !== null && Array.isArray(h.layers);
}

function describeTask(task: Task): string {
  return task.kind === 'regression' ? 'a number to predict (regression)' : `the classes ${task.classes.map((c) => `'${c}'`).join(', ')}`;
}

function sameTask(a: Task, b: Task): boolean {
  if (a.kind === 'regression' || b.kind === 'regression') return a.kind === b.kind;
  return a.classes.join('\u0000') === b.classes.join('\u0000');
}

function someNames(names: readonly string[]): string {
  return names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
}

/**
 * The data split `model` was trained on, rebuilt from the loaded table with the run's settings, or a
 * DatasetError when the loaded table is not the run's. A sweep's retrain trained on training and
 * validation rows together: its model file then has no validation metrics although the split has
 * validation rows (a model is scored on every split with rows), and the rows are merged again.
 */
function preparedFor(model: ModelFile, settings: DatasetSettings, tables: TableStore): PreparedDataset {
  const other = (detail: string) => new DatasetError(continueMessages.otherTable(detail));
  if (!tables.table) throw new DatasetError(continueMessages.noTable());
  let prepared: PreparedDataset;
  try {
    prepared = tables.prepare(settings, model.seed);
  } catch (e) {
    if (e instanceof DatasetError) throw other(`its settings do not fit the loaded table (${e.message})`);
    throw e;
  }
  if (prepared.featureNames.join('\u0000') !== model.featureNames.join('\u0000')) {
    throw other(`the run reads ${model.featureNames.length} features (${someNames(model.featureNames)}), the loaded table gives ${prepared.featureNames.length} (${someNames(prepared.featureNames)})`);
  }
  if (!sameTask(prepared.task, model.task)) {
    throw other(`the run learned ${describeTask(model.task)}, the loaded target has ${describeTask(prepared.task)}`);
  }
  const mergedValidation = prepared.validation.rows > 0 && !('validation' in model.metrics);
  return mergedValidation ? withValidationInTrain(prepared) : prepared;
}

/** Where continuing `from` (known as `fromRunId`) for `epochs` more epochs starts, or a user error saying why it cannot. */
export function planContinuation(from: ContinuableRun | undefined, fromRunId: string, epochs: number, tables: TableStore): Continuation {
  if (!from) {
    throw new RunError(continueMessages.unknownRun(fromRunId));
  }
  if (from.control) throw new RunError(continueMessages.stillTraining());
  const { model, settings } = from;
  if (!model) throw new RunError(continueMessages.noModel());
  if (!settings) throw new RunError(continueMessages.noSettings());
  if (!model.history.every(isEpochSummary)) {
    throw new RunError(continueMessages.badHistory());
  }
  const prepared = preparedFor(model, settings, tables);
  const history = model.history.slice();
  const spec: NetworkSpec = { ...model.spec, training: { ...model.spec.training, epochs: history.length + epochs } };
  return { spec, settings, prepared, weights: model.weights, optimizer: from.optimizer ?? null, history };
}
