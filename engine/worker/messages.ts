/**
 * Catalog of the worker's own messages: requests that the state of a run, the loaded dataset, a step trace or
 * a sweep cannot answer. Messages of the engine areas it calls live in their catalogs (data, spec, train, sweep).
 */
import type { Problem } from '../errors.ts';

const count = (n: number): string => n.toLocaleString('en-US');
const problem = (code: string, message: string, path = ''): Problem => ({ code, path, message });

/** Requests about a run: pause, resume, stop, evaluate, predict, export. */
export const runMessages = {
  notRunning: (): Problem => problem('run/not-running', 'This run is not training any more.'),
  noModel: (): Problem =>
    problem('run/no-model', 'This run has no trained model. Train it first (a run that failed keeps no weights).'),
  noPreprocessing: (): Problem =>
    problem(
      'run/no-preprocessing',
      'This model was saved without its preprocessing, so it cannot read CSV rows. Train it again in Backprop Studio.',
    ),
  noSettings: (): Problem =>
    problem('run/no-settings', 'This run does not say how its data was prepared. Train it again.'),
  noTable: (): Problem => problem('run/no-table', "Load the run's dataset on the Data view to evaluate it."),
  otherTable: (): Problem =>
    problem(
      'run/other-table',
      "The loaded dataset is not the one this run was trained on. Load the run's dataset to evaluate it.",
    ),
  modelNotJson: (): Problem => problem('model/not-json', 'The saved model is not valid JSON. Train the run again.'),
};

/** `step/trace`: stepping through one training iteration. */
export const stepMessages = {
  noTable: (): Problem =>
    problem('step/no-table', 'Load the dataset on the Data view to step through training on its rows.'),
  otherTable: (): Problem =>
    problem(
      'step/other-table',
      'The loaded dataset is not the one this run was trained ' +
        "on. Load the run's dataset, or step through the current network's initial weights.",
    ),
  noRun: (): Problem =>
    problem(
      'step/no-run',
      'The engine does not know this run (it restarted). Open the run again, ' + 'or step through the initial weights.',
    ),
  noSettings: (): Problem =>
    problem('step/no-settings', 'This run does not say how its data was prepared. Train it again to step through it.'),
  noWeights: (): Problem =>
    problem(
      'step/no-weights',
      'This run has no weights yet (it failed before its first step). Step through the initial weights instead.',
    ),
  noRows: (): Problem => problem('step/rows', 'Pick at least one training row to step through.', 'positions'),
  tooManyRows: (max: number, got: number): Problem =>
    problem('step/rows', `A step traces at most ${max} rows, not ${got}. Pick fewer rows.`, 'positions'),
  noSuchRow: (row: number, rows: number): Problem =>
    problem(
      'step/rows',
      `Training row ${row} does not exist: the ` +
        `training split has ${count(rows)} rows. Pick a row from 1 to ${count(rows)}.`,
      'positions',
    ),
  learningRate: (got: number, suggested: number): Problem =>
    problem(
      'step/learning-rate',
      `The learning rate for this step must be a number above 0, not ${got}. Try ${suggested}.`,
      'learningRate',
    ),
};

/** Sweep requests: check, start, stop, apply, retrain. */
export const sweepRequestMessages = {
  notRunning: (): Problem => problem('sweep/not-running', 'This sweep is not running any more.'),
  alreadyRunning: (): Problem => problem('sweep/already-running', 'This sweep is already running.'),
  badConcurrency: (got: number, max: number, cores: number): Problem =>
    problem(
      'sweep/bad-concurrency',
      `Concurrency must be a whole number from 1 to ${max}, got ${got}. This computer has ${cores} cores; ` +
        `${Math.max(1, cores - 1)} leaves one for the app.`,
      'concurrency',
    ),
  noData: (): Problem =>
    problem('sweep/no-data', 'Load a dataset and choose the target column on the Data view first.'),
  noDataToRetrain: (): Problem => problem('sweep/no-data', 'Load the dataset on the Data view to retrain on it.'),
  paramsNotObject: (): Problem =>
    problem('sweep/bad-params', 'Internal error (please report): the trial parameters are not an object.', 'params'),
  badParam: (path: string, value: unknown): Problem =>
    problem(
      'sweep/bad-params',
      `Internal error (please report): '${path}' = ${JSON.stringify(value)} is not a trial parameter.`,
      `params.${path}`,
    ),
};

/** `train/continue`: continuing a finished or stopped run for more epochs. */
export const continueMessages = {
  unknownRun: (runId: string): Problem =>
    problem(
      'continue/unknown-run',
      `The engine holds no run '${runId}' to ` +
        'continue (it may have restarted since). Select the run in the run list so its model is loaded again, then ' +
        'continue it.',
    ),
  stillTraining: (): Problem =>
    problem(
      'continue/still-training',
      'This run is still training. Wait for it to finish, or stop it, before continuing it.',
    ),
  noModel: (): Problem =>
    problem(
      'continue/no-model',
      'This run has no trained weights to continue from (a failed run keeps none). Start a new run instead.',
    ),
  noSettings: (): Problem =>
    problem(
      'continue/no-settings',
      'This run does not say how its data was prepared, so it cannot be continued. Start a new run instead.',
    ),
  badHistory: (): Problem =>
    problem(
      'continue/bad-history',
      "This run's saved epoch history is damaged, so its epochs cannot be continued. Start a new run instead.",
    ),
  noTable: (): Problem => problem('continue/no-table', "Load the run's dataset on the Data view to continue it."),
  otherTable: (detail: string): Problem =>
    problem(
      'continue/other-table',
      'The loaded dataset is not the one this ' +
        `run was trained on: ${detail}. Load the run's dataset on the Data view to continue it.`,
    ),
  /** The one line (a diagnostic, not an error) a continued run shows when its optimizer starts afresh. */
  freshOptimizer: (optimizer: string, epoch: number): string =>
    "The earlier run's optimizer state is not kept (a run " +
    'reopened from a file keeps only its weights), so this run continues from its weights with its optimizer ' +
    `(${optimizer}) started afresh; the loss may jump at epoch ${epoch}.`,
};

const quoted = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');

/** `model/open`: a file opened as a model that is not one, and a model the loaded dataset cannot evaluate. */
export const openModelMessages = {
  tooLarge: (file: string, max: number): Problem =>
    problem(
      'model/too-large',
      `${file} is larger than ` +
        `${Math.round(max / 1024 / 1024)} MB, more than any model file this app opens. Open the model file a run exported.`,
    ),
  notJson: (file: string): Problem =>
    problem(
      'model/not-json',
      `${file} is not a Backprop Studio model file: it is ` +
        'not valid JSON. Open a model file (.json) exported by Backprop Studio, its CLI or its PyTorch package.',
    ),
  csv: (file: string): Problem =>
    problem(
      'model/csv',
      `${file} looks like a CSV table, not a model file. Load it on ` +
        'the Data view (Load CSV), or open a model file (.json) exported by Backprop Studio.',
    ),
  project: (file: string): Problem =>
    problem(
      'model/project',
      `${file} is a Backprop Studio project, not a model ` +
        "file. Open it with Open project (File ▸ Open… or Ctrl+O); to open one of its runs, export the run's model first.",
    ),
  missingColumns: (names: readonly string[]): Problem =>
    problem(
      'model/missing-columns',
      'The loaded dataset lacks ' +
        `${names.length === 1 ? 'the column' : 'the columns'} ${quoted(names)} that the model was trained on, so it cannot ` +
        "be evaluated on it. Load the model's dataset on the Data view, then open the model again.",
    ),
  noTable: (): Problem =>
    problem(
      'model/no-table',
      'No dataset is loaded, so the model shows its stored metrics only. ' +
        "Load the model's dataset on the Data view, then open the model again to evaluate it.",
    ),
  noPreprocessing: (): Problem =>
    problem(
      'model/no-preprocessing',
      'This model was saved without its preprocessing, ' +
        'so it cannot read the loaded dataset; it shows its stored metrics only.',
    ),
};
