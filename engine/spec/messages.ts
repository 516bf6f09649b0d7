/** Catalog of spec and training-settings messages: what is wrong, where, and what would be valid. */
import type { Problem } from '../errors.ts';

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ');
const count = (n: number): string => n.toLocaleString('en-US');
const show = (v: unknown): string =>
  typeof v === 'string' ? `'${v}'` : v === undefined ? 'nothing' : JSON.stringify(v);

/** Builders for every spec problem, keyed by stable code. */
export const specMessages = {
  notObject: (path: string, got: unknown): Problem => ({
    code: 'spec/not-object',
    path,
    message: `${path || 'The spec'} must be a JSON object, got ${show(got)}.`,
  }),
  newerVersion: (got: number, max: number): Problem => ({
    code: 'spec/newer-version',
    path: 'version',
    message: `This spec is version ${got}, but this Backprop Studio reads versions up to ${max}. Update Backprop Studio to open it.`,
  }),
  wrongFormat: (got: unknown): Problem => ({
    code: 'spec/wrong-format',
    path: 'format',
    message: `format must be 'backprop-studio/network', got ${show(got)}. Is this a network spec file?`,
  }),
  noLayers: (): Problem => ({
    code: 'spec/no-layers',
    path: 'layers',
    message: 'layers must be a non-empty list of layers. Add at least one dense layer (the output layer).',
  }),
  missingId: (path: string): Problem => ({
    code: 'spec/missing-id',
    path: `${path}.id`,
    message: `${path}.id must be a non-empty string naming the layer, e.g. 'dense-1'.`,
  }),
  duplicateId: (path: string, id: string, firstPath: string): Problem => ({
    code: 'spec/duplicate-id',
    path: `${path}.id`,
    message: `${path}.id '${id}' is already used by ${firstPath}. Give every layer its own id.`,
  }),
  unknownType: (path: string, got: unknown, valid: readonly string[]): Problem => ({
    code: 'spec/unknown-layer-type',
    path: `${path}.type`,
    message: `${path}.type must be one of ${list(valid)}, got ${show(got)}.`,
  }),
  notPositiveInteger: (path: string, got: unknown): Problem => ({
    code: 'spec/not-positive-integer',
    path,
    message: `${path} must be a positive integer, got ${show(got)}.`,
  }),
  autoNotLast: (path: string): Problem => ({
    code: 'spec/auto-units-not-last',
    path,
    message: `${path} is 'auto', which only the last dense layer may use (it means "as many outputs as the target needs"). Set a number of units.`,
  }),
  notInChoices: (path: string, got: unknown, valid: readonly string[]): Problem => ({
    code: 'spec/invalid-choice',
    path,
    message: `${path} must be one of ${list(valid)}, got ${show(got)}.`,
  }),
  outOfRange: (path: string, got: unknown, range: string): Problem => ({
    code: 'spec/out-of-range',
    path,
    message: `${path} must be ${range}, got ${show(got)}.`,
  }),
  notBoolean: (path: string, got: unknown): Problem => ({
    code: 'spec/not-boolean',
    path,
    message: `${path} must be true or false, got ${show(got)}.`,
  }),
  softmaxHidden: (path: string): Problem => ({
    code: 'spec/softmax-hidden',
    path,
    message: `${path} is 'softmax', which belongs on the output layer only. Use 'relu' (or another activation) in hidden layers.`,
  }),
  inputsMismatch: (specInputs: number, dataInputs: number): Problem => ({
    code: 'spec/inputs-mismatch',
    path: 'inputs',
    message: `The spec expects ${specInputs} inputs but the data has ${dataInputs} features. Set inputs to ${dataInputs} or remove it to take it from the data.`,
  }),
  noOutputLayer: (): Problem => ({
    code: 'spec/no-output-layer',
    path: 'layers',
    message: 'The network has no dense layer, so it has no weights to learn. Add a dense layer as the output layer.',
  }),
  outputUnitsMismatch: (path: string, got: number, need: number, why: string): Problem => ({
    code: 'spec/output-units-mismatch',
    path,
    message: `${path} is ${got}, but ${why} needs ${need} output${need === 1 ? '' : 's'}. Set it to ${need} or to 'auto'.`,
  }),
  lossTaskMismatch: (loss: string, task: string, valid: readonly string[]): Problem => ({
    code: 'spec/loss-task-mismatch',
    path: 'loss',
    message: `loss '${loss}' does not fit a ${task} target. Use one of ${list(valid)}.`,
  }),
  lossActivationMismatch: (loss: string, activation: string, need: string): Problem => ({
    code: 'spec/loss-activation-mismatch',
    path: 'loss',
    message: `loss '${loss}' needs probabilities from a '${need}' output, but the output activation is '${activation}'. Set the last layer's activation to '${need}'.`,
  }),
  tooManyLayers: (got: number, max: number): Problem => ({
    code: 'spec/too-many-layers',
    path: 'layers',
    message: `The network has ${count(got)} layers, over the limit of ${count(max)}. Use fewer layers.`,
  }),
  tooManyUnits: (path: string, got: number, max: number): Problem => ({
    code: 'spec/too-many-units',
    path,
    message: `${path} is ${count(got)}, over the limit of ${count(max)} units per layer. Use fewer units.`,
  }),
  tooMuchMemory: (
    parameters: number,
    batchRows: number,
    need: string,
    limit: string,
    fewerRows = 'a smaller batch size',
  ): Problem => ({
    code: 'spec/too-much-memory',
    path: 'layers',
    message: `Training this network (${count(parameters)} parameters${batchRows > 1 ? `, batches of ${count(batchRows)} rows` : ''}) needs about ${need} for weights, gradients, optimizer state and activations, over the limit of ${limit}. Use fewer or smaller layers${batchRows > 1 ? `, or ${fewerRows}` : ''}.`,
  }),
  badClassWeight: (path: string, got: unknown): Problem => ({
    code: 'spec/bad-class-weight',
    path,
    message: `${path} must be 'auto', 'balanced', 'none' or an object of class weights such as { "yes": 3, "no": 1 }, got ${show(got)}.`,
  }),
  unknownClassWeight: (path: string, label: string, classes: readonly string[]): Problem => ({
    code: 'spec/unknown-class-weight',
    path,
    message: `${path} names the class '${label}', which the target does not have. Its classes are ${list(classes)}.`,
  }),
  classWeightRegression: (path: string): Problem => ({
    code: 'spec/class-weight-regression',
    path,
    message: `${path} weighs classes, but the target is a number (regression). Remove ${path} or set it to 'none'.`,
  }),
  unknownField: (path: string, valid: readonly string[]): Problem => ({
    code: 'spec/unknown-field',
    path,
    message: `${path} is not a known setting. Valid settings here: ${list(valid)}.`,
  }),
};
