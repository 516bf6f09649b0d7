/**
 * Catalog of model-file and export messages: a file that is not a model, a damaged field (each with its path),
 * data a model cannot score, and a model an exporter cannot convert. The field checks of the stored metrics and
 * preprocessing describe each field where they check it; the sentence around it is built here.
 */
import type { Problem } from '../errors.ts';

const json = (v: unknown): string => String(JSON.stringify(v));
const AGAIN = 'Export the model again.';

/** Loading a model file (`parseModelFile`): every problem names its field. */
export const modelFileMessages = {
  notObject: (): Problem => ({
    code: 'model/not-object',
    path: '',
    message: 'This is not a Backprop Studio model file: expected a JSON object.',
  }),
  wrongFormat: (got: unknown, format: string): Problem => ({
    code: 'model/wrong-format',
    path: 'format',
    message:
      `This is not a Backprop Studio model file: format is ` +
      `${json(got)}, expected '${format}'. Export the model again from Backprop Studio.`,
  }),
  badVersion: (got: unknown): Problem => ({
    code: 'model/bad-version',
    path: 'version',
    message: `version must be a positive integer, got ${json(got)}.`,
  }),
  newerVersion: (got: number, max: number): Problem => ({
    code: 'model/newer-version',
    path: 'version',
    message:
      `This model file is version ${got}, but this Backprop ` +
      `Studio reads versions up to ${max}. Update Backprop Studio to open it.`,
  }),
  inSpec: (p: Problem): Problem => ({ ...p, path: `spec.${p.path}`, message: `In the model's spec: ${p.message}` }),
  notPositiveInteger: (key: string, got: unknown): Problem => ({
    code: 'model/bad-field',
    path: key,
    message: `${key} must be a positive integer, got ${json(got)}.`,
  }),
  badFeatureNames: (inputs: number, got: string): Problem => ({
    code: 'model/bad-field',
    path: 'featureNames',
    message: `featureNames must list the ${inputs} input names as texts, got ${got}. ${AGAIN}`,
  }),
  outputsDiffer: (outputs: number, network: number): Problem => ({
    code: 'model/bad-field',
    path: 'outputs',
    message: `outputs is ${outputs} but the spec's network gives ${network}. ${AGAIN}`,
  }),
  badReading: (got: unknown): Problem => ({
    code: 'model/bad-reading',
    path: 'reading',
    message:
      `reading must be { decimal: '.' or ',', dateOrder: ` +
      `'dayFirst', 'monthFirst' or null }, got ${json(got)}. Export the model again, or remove "reading" to have new ` +
      "files' separators and dates detected.",
  }),
  noWeights: (): Problem => ({
    code: 'model/no-weights',
    path: 'weights',
    message: 'weights must be a list of tensors { layer, name, shape, data }.',
  }),
  badTensor: (path: string): Problem => ({
    code: 'model/bad-tensor',
    path,
    message: `${path} must be { layer: string, name: string, shape: number[], data: number[] }.`,
  }),
  badShape: (path: string, key: string, shape: unknown): Problem => ({
    code: 'model/bad-tensor',
    path: `${path}.shape`,
    message: `${path}.shape (${key}) must be a list of positive whole numbers, got ${json(shape)}.`,
  }),
  wrongSize: (path: string, key: string, values: number, shape: unknown, size: number): Problem => ({
    code: 'model/bad-tensor',
    path: `${path}.data`,
    message: `${path}.data (${key}) has ${values} values but its shape ${json(shape)} needs ${size}.`,
  }),
  notFinite: (path: string, key: string, index: number, value: unknown, others: boolean): Problem => ({
    code: 'model/bad-tensor',
    path: `${path}.data[${index}]`,
    message:
      `${path}.data[${index}] (${key}) is ` +
      `${JSON.stringify(value) ?? 'missing'}, not a finite number${others ? ' (nor are others in it)' : ''}. The model is damaged: export it again.`,
  }),
  duplicateTensor: (path: string, key: string, first: number): Problem => ({
    code: 'model/duplicate-tensor',
    path,
    message: `${path} ('${key}') repeats weights[${first}]; each tensor must appear once. Remove one of them.`,
  }),
  unknownTensor: (path: string, key: string, known: readonly string[]): Problem => ({
    code: 'model/unknown-tensor',
    path,
    message:
      `${path} ('${key}') belongs to no layer of the spec. Its tensors are: ` +
      `${known.map((k) => `'${k}'`).join(', ')}.`,
  }),
  tensorShape: (path: string, key: string, shape: readonly number[], expected: readonly number[]): Problem => ({
    code: 'model/tensor-shape',
    path: `${path}.shape`,
    message:
      `${path}.shape ('${key}') is [${shape.join(', ')}] ` + `but the spec gives it [${expected.join(', ')}]. ${AGAIN}`,
  }),
  missingTensor: (key: string): Problem => ({
    code: 'model/missing-tensor',
    path: 'weights',
    message: `weights lacks the tensor '${key}' that the spec needs. ${AGAIN}`,
  }),
  repeatedClass: (label: string): Problem => ({
    code: 'model/bad-task',
    path: 'task.classes',
    message: `task.classes lists '${label}' twice; each class must appear once. ${AGAIN}`,
  }),
  badTask: (got: unknown): Problem => ({
    code: 'model/bad-task',
    path: 'task',
    message:
      "task must be { kind: 'regression' } or { kind: 'classification', " +
      `classes: [at least 2 labels] }, got ${json(got)}.`,
  }),
  /** `detail` says what the field must be (from the metrics check). */
  badMetrics: (path: string, detail: string): Problem => ({
    code: 'model/bad-metrics',
    path,
    message: `${path} ${detail} Export the model again, or remove "metrics".`,
  }),
  /** `detail` says what the field must be (from the preprocessing check). */
  badPreprocessing: (path: string, detail: string): Problem => ({
    code: 'model/bad-preprocessing',
    path,
    message: `${path} ${detail}`,
  }),
};

/** Scoring a model on labelled rows. */
export const scoreMessages = {
  noRows: (): Problem => ({
    code: 'data/no-rows-to-score',
    path: 'rows',
    message: 'There is nothing to score: the data has no rows. Use a file (or split) with labelled rows.',
  }),
  noKnownTargets: (rows: number, target: string, regression: boolean): Problem => ({
    code: 'data/no-known-targets',
    path: target ? `column '${target}'` : 'target',
    message:
      `There is nothing to score: ${rows === 1 ? 'its one row has' : `all ${rows} rows have`} a target` +
      `${target ? ` in column '${target}'` : ''} that is missing or ` +
      `${regression ? 'not a number' : "not one of the model's classes"}. Fill in the target, or use 'predict' for ` +
      'unlabelled data.',
  }),
};

/** Converting a model to another format (ONNX, TF.js) and the input matrix. */
export const exportMessages = {
  badPreprocessing: (why: string): Problem => ({
    code: 'export/bad-preprocessing',
    path: '',
    message:
      `The model's preprocessing is not readable: ${why}. Train the ` +
      'model again, or update Backprop Studio if the model comes from a newer version.',
  }),
  missingWeights: (name: string, layer: string): Problem => ({
    code: 'export/missing-weights',
    path: '',
    message: `The model file has no '${name}' for layer '${layer}'. Train and save the model again.`,
  }),
};
