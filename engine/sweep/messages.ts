/** Catalog of search-space and sweep messages: what is wrong, where, and what would be valid. */
import type { Problem } from '../errors.ts';

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ');
const count = (n: number): string => n.toLocaleString('en-US');
const show = (v: unknown): string =>
  typeof v === 'string' ? `'${v}'` : v === undefined ? 'nothing' : JSON.stringify(v);

/** Path of a parameter entry in the space file, e.g. `parameters["layers[dense-1].units"]`. */
export const paramPath = (key: string): string => `parameters[${JSON.stringify(key)}]`;

/** Builders for every sweep problem, keyed by stable code. */
export const sweepMessages = {
  notObject: (path: string, got: unknown): Problem => ({
    code: 'sweep/not-object',
    path,
    message: `${path || 'The search space'} must be a JSON object, got ${show(got)}.`,
  }),
  wrongFormat: (got: unknown, format: string): Problem => ({
    code: 'sweep/wrong-format',
    path: 'format',
    message: `format must be '${format}', got ${show(got)}. Is this a search-space file?`,
  }),
  newerVersion: (got: number, max: number): Problem => ({
    code: 'sweep/newer-version',
    path: 'version',
    message: `This search space is version ${got}, but this Backprop Studio reads versions up to ${max}. Update Backprop Studio to use it.`,
  }),
  unknownField: (path: string, valid: readonly string[]): Problem => ({
    code: 'sweep/unknown-field',
    path,
    message: `${path} is not a known setting. Valid settings here: ${list(valid)}.`,
  }),
  noParameters: (): Problem => ({
    code: 'sweep/no-parameters',
    path: 'parameters',
    message:
      'parameters must name at least one field to search, e.g. { "training.optimizer.learningRate": { "distribution": "logUniform", "min": 0.0001, "max": 0.01 } }.',
  }),
  badPath: (key: string): Problem => ({
    code: 'sweep/bad-path',
    path: paramPath(key),
    message: `${paramPath(key)}: '${key}' is not a parameter path. Write a field path such as 'training.batchSize', 'layers[dense-1].units' (a layer by id), 'layers[*dropout].rate' (every layer of a type), 'hiddenLayers' or 'batchNorm'.`,
  }),
  fixedField: (key: string, why: string): Problem => ({
    code: 'sweep/fixed-field',
    path: paramPath(key),
    message: `${paramPath(key)}: '${key}' cannot be searched: ${why}. Remove it from parameters.`,
  }),
  invalidChoice: (path: string, got: unknown, valid: readonly string[]): Problem => ({
    code: 'sweep/invalid-choice',
    path,
    message: `${path} must be one of ${list(valid)}, got ${show(got)}.`,
  }),
  outOfRange: (path: string, got: unknown, range: string): Problem => ({
    code: 'sweep/out-of-range',
    path,
    message: `${path} must be ${range}, got ${show(got)}.`,
  }),
  minNotBelowMax: (path: string, min: number, max: number, allowEqual: boolean): Problem => ({
    code: 'sweep/empty-range',
    path: `${path}.max`,
    message: `${path}.max (${max}) must be ${allowEqual ? 'at least' : 'greater than'} ${path}.min (${min}). Swap or widen the bounds.`,
  }),
  emptyChoice: (path: string): Problem => ({
    code: 'sweep/empty-choice',
    path: `${path}.values`,
    message: `${path}.values must be a non-empty list of the values to try, e.g. [16, 32, 64].`,
  }),
  badChoiceValue: (path: string, got: unknown): Problem => ({
    code: 'sweep/bad-choice-value',
    path,
    message: `${path} must be a number, a text or true/false, got ${show(got)}.`,
  }),
  duplicateChoice: (path: string, value: unknown): Problem => ({
    code: 'sweep/duplicate-choice',
    path,
    message: `${path} repeats ${show(value)}. List each value once.`,
  }),
  unknownLayerId: (key: string, id: string, ids: readonly string[]): Problem => ({
    code: 'sweep/unknown-layer',
    path: paramPath(key),
    message: `${paramPath(key)}: the network has no layer '${id}'. Layer ids: ${list(ids)}.`,
  }),
  unknownLayerType: (key: string, type: string, valid: readonly string[]): Problem => ({
    code: 'sweep/unknown-layer-type',
    path: paramPath(key),
    message: `${paramPath(key)}: '*${type}' names no layer type. Use one of ${list(valid.map((t) => `*${t}`))}.`,
  }),
  noLayerOfType: (key: string, type: string): Problem => ({
    code: 'sweep/no-layer-of-type',
    path: paramPath(key),
    message: `${paramPath(key)}: the network has no ${type === 'dense' ? 'hidden dense' : type} layer. Add one to the network or remove this parameter.`,
  }),
  noHiddenLayer: (key: string): Problem => ({
    code: 'sweep/no-hidden-layer',
    path: paramPath(key),
    message: `${paramPath(key)}: the network has no hidden dense layer to copy. Add one before the output layer, or search from 0 only.`,
  }),
  invalidNetwork: (key: string, where: string, value: unknown, inner: string): Problem => ({
    code: 'sweep/invalid-network',
    path: `${paramPath(key)}.${where}`,
    message: `${paramPath(key)}.${where} is ${show(value)}, which makes the network invalid: ${inner} ${where.startsWith('values') ? 'Remove it from the values.' : 'Narrow the range.'}`,
  }),
  drawsInvalid: (key: string, type: string, value: unknown, inner: string): Problem => ({
    code: 'sweep/invalid-network',
    path: `${paramPath(key)}.distribution`,
    message: `${paramPath(key)}: a '${type}' distribution draws values such as ${show(value)}, which make the network invalid: ${inner} Use an 'int' distribution or a choice.`,
  }),
  notASetting: (key: string, inner: string): Problem => ({
    code: 'sweep/unknown-setting',
    path: paramPath(key),
    message: `${paramPath(key)}: ${inner}`,
  }),
  epochsWithHalving: (key: string, strategy: string): Problem => ({
    code: 'sweep/epochs-with-halving',
    path: paramPath(key),
    message: `${paramPath(key)}: the '${strategy}' strategy decides each trial's epochs itself. Remove '${key}' from parameters or choose another strategy.`,
  }),
  halvingRange: (min: number, max: number): Problem => ({
    code: 'sweep/halving-range',
    path: 'halving.minEpochs',
    message: `halving.minEpochs (${min}) must be less than the trials' full epochs (${max}). Lower minEpochs or raise training.epochs.`,
  }),
  tooManyTrials: (path: string, got: number, max: number): Problem => ({
    code: 'sweep/too-many-trials',
    path,
    message: `${path} is ${count(got)}, over the limit of ${count(max)} trials per sweep. Ask for fewer trials.`,
  }),
  gridTooLarge: (size: number, max: number): Problem => ({
    code: 'sweep/grid-too-large',
    path: 'parameters',
    message: `The grid has ${count(size)} points, over the limit of ${count(max)} trials per sweep. Use fewer gridPoints or choices, or the 'random' or 'tpe' strategy.`,
  }),
  tooManyHiddenLayers: (path: string, got: number, max: number): Problem => ({
    code: 'sweep/too-many-layers',
    path,
    message: `${path} reaches ${count(got)} hidden layers, over the limit of ${count(max)} layers per network. Lower its maximum.`,
  }),
  hyperbandTrials: (
    trials: number,
    brackets: readonly number[],
    h: { eta: number; minEpochs: number; maxEpochs: number },
  ): Problem => ({
    code: 'sweep/hyperband-trials',
    path: 'trials',
    message: `trials (${trials}) is too few for 'hyperband': from ${h.minEpochs} to ${h.maxEpochs} epochs with eta ${h.eta} it runs ${brackets.length} brackets, and each needs at least one trial (the standard plan tries ${brackets.reduce((a, b) => a + b, 0)}: ${brackets.join(' + ')}). Set trials to at least ${brackets.length}, leave it out, or raise halving.minEpochs for fewer brackets.`,
  }),
  objectiveNotReported: (metric: string, task: string, valid: readonly string[]): Problem => ({
    code: 'sweep/objective-not-reported',
    path: 'objective.metric',
    message: `objective.metric '${metric}' is not reported for a ${task} target. Use one of ${list(valid)}.`,
  }),
  noValidation: (metric: string): Problem => ({
    code: 'sweep/no-validation',
    path: 'objective.metric',
    message: `objective.metric '${metric}' needs validation rows, but the validation split is empty. Set a validation split (e.g. 0.2) so trials can be compared on data they did not train on.`,
  }),
  specProblem: (p: Problem): Problem => ({
    code: p.code,
    path: p.path ? `spec.${p.path}` : 'spec',
    message: `In the search space's spec: ${p.message}`,
  }),
};

const TRIALS_CSV_SOURCES = "the Sweep view's Export CSV, 'backprop-studio sweep --out' or study.py --export-trials";

/** Problems of a trials CSV being opened (the Sweep view's Open trials CSV, `sweep --open`). */
export const trialsCsvMessages = {
  empty: (): Problem => ({
    code: 'sweep/csv-empty',
    path: '',
    message: `The trials CSV is empty. Open a file written by ${TRIALS_CSV_SOURCES}.`,
  }),
  missingColumns: (columns: readonly string[]): Problem => ({
    code: 'sweep/csv-missing-column',
    path: 'line 1',
    message: `Line 1: the trials CSV has no ${list(columns)} column${columns.length > 1 ? 's' : ''}. Open a file written by ${TRIALS_CSV_SOURCES}.`,
  }),
  noParameters: (): Problem => ({
    code: 'sweep/csv-no-parameters',
    path: 'line 1',
    message:
      "Line 1: the trials CSV has no parameter columns between 'objective (…)' and 'epochs'. Open a file written by " +
      `${TRIALS_CSV_SOURCES}.`,
  }),
  unknownMetric: (metric: string, valid: readonly string[]): Problem => ({
    code: 'sweep/csv-unknown-metric',
    path: 'line 1',
    message: `Line 1: the objective column names '${metric}', which is not a metric Backprop Studio reports. Use one of ${list(valid)}.`,
  }),
  cellCount: (line: number, got: number, want: number): Problem => ({
    code: 'sweep/csv-cell-count',
    path: `line ${line}`,
    message: `Line ${line} has ${got} cells, but the header has ${want}. Fix the row or export the trials again.`,
  }),
  badCell: (line: number, column: string, got: string, want: string): Problem => ({
    code: 'sweep/csv-bad-cell',
    path: `line ${line}`,
    message: `Line ${line}, column '${column}' is ${got === '' ? 'empty' : `'${got.slice(0, 40)}'`}, not ${want}.`,
  }),
  duplicateTrial: (line: number, trial: number): Problem => ({
    code: 'sweep/csv-duplicate-trial',
    path: `line ${line}`,
    message: `Line ${line} repeats trial ${trial}. Each trial may appear once; remove the repeated row.`,
  }),
  noTrials: (): Problem => ({
    code: 'sweep/csv-no-trials',
    path: '',
    message: 'The trials CSV has a header but no trials. Export it again once some trials have finished.',
  }),
  tooManyParameters: (got: number, max: number): Problem => ({
    code: 'sweep/csv-too-many-parameters',
    path: 'line 1',
    message:
      `Line 1: the trials CSV has ${count(got)} parameter columns, over the limit of ${count(max)}. Is this a trials CSV? ` +
      'Its parameter columns are the ones between the objective and epochs.',
  }),
  tooManyTrials: (got: number, max: number): Problem => ({
    code: 'sweep/csv-too-many-trials',
    path: '',
    message: `The trials CSV has ${count(got)} trials, over the limit of ${count(max)}. Keep the best ${count(max)} rows.`,
  }),
  unclosedQuote: (line: number): Problem => ({
    code: 'sweep/csv-unclosed-quote',
    path: `line ${line}`,
    message: `Line ${line} opens a quoted cell that never closes. Close the quote or export the trials again.`,
  }),
};

/** Problems of a sweep exported as an Optuna study (`sweep --export-optuna`), and notes on what differs there. */
export const optunaMessages = {
  objectiveNotReported: (metric: string, reported: readonly string[]): Problem => ({
    code: 'sweep/optuna-objective',
    path: 'objective.metric',
    message:
      `objective.metric '${metric}' cannot be the objective of an Optuna study: the PyTorch package's train.py reports ` +
      `${list(reported)} each epoch (valAccuracy for classification, valR2 for regression). Use one of them.`,
  }),
  fractionalEta: (eta: number, strategy: string): Problem => ({
    code: 'sweep/optuna-eta',
    path: 'halving.eta',
    message:
      `halving.eta is ${eta}, but Optuna's ${strategy === 'hyperband' ? 'HyperbandPruner' : 'SuccessiveHalvingPruner'} ` +
      `takes a whole reduction factor. Set halving.eta to ${Math.floor(eta)} or ${Math.ceil(eta)}.`,
  }),
  lagIgnored: (): string =>
    "tpe.lag has no Optuna counterpart: Optuna's TPESampler reads every trial finished so far, whichever process ran it, " +
    'so the study does not wait for trials to finish and its trials depend on timing.',
};
