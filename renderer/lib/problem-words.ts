/**
 * The engine's spec problems in the app's words: `layers[0].units must be a positive integer, got -3.` becomes
 * `Dense 1: Units must be a whole number of at least 1, got -3.` (the layer's name and the field's label as shown).
 */
import type { LayerSpec, Problem } from '../../engine/protocol/index.ts';
import { LAYER_LABELS, OUTPUT_ID } from './layers.ts';

/** Labels of the layer fields, as the inspector shows them. */
const LAYER_FIELDS: Readonly<Record<string, string>> = {
  id: 'Id',
  type: 'Type',
  units: 'Units',
  activation: 'Activation',
  rate: 'Rate',
  momentum: 'Momentum',
  epsilon: 'Epsilon',
  l1: 'L1',
  l2: 'L2',
  kernelInitializer: 'Kernel initializer',
  biasInitializer: 'Bias initializer',
};

/** Labels of the training settings (paths under `training.`), as the Train view shows them. */
const TRAINING_FIELDS: Readonly<Record<string, string>> = {
  epochs: 'Epochs',
  batchSize: 'Batch size',
  seed: 'Seed',
  backend: 'Backend',
  shuffle: 'Shuffle',
  'optimizer.type': 'Optimizer',
  'optimizer.learningRate': 'Learning rate',
  'optimizer.momentum': 'Momentum',
  'optimizer.beta1': 'β₁',
  'optimizer.beta2': 'β₂',
  'optimizer.rho': 'Rho',
  'optimizer.epsilon': 'Epsilon',
  'optimizer.weightDecay': 'Weight decay',
  'optimizer.clipNorm': 'Gradient clipping (max norm)',
  'schedule.type': 'Schedule',
  'schedule.stepSize': 'Every (epochs)',
  'schedule.gamma': 'Multiply by',
  'schedule.minLearningRate': 'Final learning rate',
  'schedule.factor': 'Multiply by',
  'schedule.patience': 'After (epochs)',
  'earlyStopping.monitor': 'Watch',
  'earlyStopping.patience': 'Patience (epochs)',
  'earlyStopping.minDelta': 'Minimum improvement',
};

const ID_PATTERN = /^(dense|activation|dropout|batchnorm)_(\d+)$/;

/** A layer's name as a person reads it: "Dense 1" for `dense_1`, "Output layer", or the type and its id. */
export function layerName(layer: LayerSpec): string {
  if (layer.id === OUTPUT_ID) return 'Output layer';
  const m = ID_PATTERN.exec(layer.id);
  if (m && m[1] === layer.type.toLowerCase()) return `${LAYER_LABELS[layer.type]} ${m[2]}`;
  return `${LAYER_LABELS[layer.type]} '${layer.id}'`;
}

function fieldLabel(field: string): string {
  return LAYER_FIELDS[field] ?? field;
}

/** The problem's message with paths replaced by names and labels, and the engine's terms by the app's. */
export function inAppWords(problem: Problem, layers: readonly LayerSpec[]): string {
  let text = problem.message.replace(
    /layers\[(\d+)\](?:\.([A-Za-z0-9_]+))?/g,
    (whole, i: string, field: string | undefined, at: number) => {
      const layer = layers[Number(i)];
      if (!layer) return whole;
      const name = layerName(layer);
      if (!field) return name;
      return at === 0 ? `${name}: ${fieldLabel(field)}` : `${name}'s ${fieldLabel(field).toLowerCase()}`;
    },
  );
  text = text.replace(/^training\.([A-Za-z0-9_.]+)/, (whole, path: string) => TRAINING_FIELDS[path] ?? whole);
  return (
    text
      // A box left empty, or holding what the browser cannot read as a number (1e999), reaches the engine as NaN.
      .replace(
        ' must be a positive integer, got null.',
        ' must be a whole number of at least 1; the box holds no number.',
      )
      .replace(' must be a positive integer,', ' must be a whole number of at least 1,')
      .replace(/, got null\.$/, '; the box holds no number.')
  );
}

/** `inAppWords` over a list, keeping code and path. */
export function inAppProblems(problems: readonly Problem[], layers: readonly LayerSpec[]): Problem[] {
  return problems.map((p) => ({ ...p, message: inAppWords(p, layers) }));
}
