/** The layer types' names and descriptions, the network templates, and the output layer every network ends with. */
import type { DenseLayerSpec, LayerSpec, LayerType, Task } from '../../engine/protocol/index.ts';

/** Human name of each layer type (also the palette item's accessible name). */
export const LAYER_LABELS: Readonly<Record<LayerType, string>> = {
  dense: 'Dense',
  activation: 'Activation',
  dropout: 'Dropout',
  batchNorm: 'Batch normalization',
};

/** One sentence about each layer type, for the palette. */
export const LAYER_DESCRIPTIONS: Readonly<Record<LayerType, string>> = {
  dense: 'Fully connected neurons: weighted sum, bias, activation.',
  activation: 'Applies a non-linearity on its own.',
  dropout: 'Randomly silences inputs while training, against overfitting.',
  batchNorm: 'Normalizes each feature over the batch; steadier training.',
};

/** A network template offered on the model view. */
export interface Template {
  id: string;
  name: string;
  description: string;
  layers: LayerSpec[];
}

/** A layer of `type` with sensible defaults. */
export function defaultLayer(type: LayerType, id: string): LayerSpec {
  switch (type) {
    case 'dense':
      return { id, type, units: 16, activation: 'relu' };
    case 'activation':
      return { id, type, activation: 'relu' };
    case 'dropout':
      return { id, type, rate: 0.2 };
    case 'batchNorm':
      return { id, type };
  }
}

/** Starting networks sized from the data: width follows the number of features. */
export function templatesFor(task: Task | null, features: number | null): Template[] {
  const f = features ?? 8;
  const wide = Math.min(128, Math.max(16, 2 ** Math.ceil(Math.log2(f * 4))));
  const narrow = Math.max(8, wide / 2);
  const isRegression = task?.kind === 'regression';
  const what = isRegression ? 'regressor' : 'classifier';
  const list: Template[] = [
    {
      id: 'simple',
      name: `Simple ${what}`,
      description: `One hidden layer of ${narrow} ReLU neurons. A good first try.`,
      layers: [{ id: 'dense_1', type: 'dense', units: narrow, activation: 'relu' }],
    },
    {
      id: 'deeper',
      name: 'Deeper network',
      description: `Two hidden layers (${wide} and ${narrow}) with dropout between them.`,
      layers: [
        { id: 'dense_1', type: 'dense', units: wide, activation: 'relu' },
        { id: 'dropout_1', type: 'dropout', rate: 0.1 },
        { id: 'dense_2', type: 'dense', units: narrow, activation: 'relu' },
      ],
    },
  ];
  if (isRegression) {
    list.unshift({
      id: 'linear',
      name: 'Linear baseline',
      description: 'No hidden layer: a linear regression. Hard to beat on small data.',
      layers: [],
    });
  } else {
    list.push({
      id: 'normalized',
      name: 'Normalized network',
      description: `Batch normalization after each hidden layer; trains fast at higher learning rates.`,
      layers: [
        { id: 'dense_1', type: 'dense', units: wide, activation: 'relu' },
        { id: 'batchnorm_1', type: 'batchNorm' },
        { id: 'dense_2', type: 'dense', units: narrow, activation: 'relu' },
        { id: 'batchnorm_2', type: 'batchNorm' },
      ],
    });
    list.push({
      id: 'linear',
      name: 'Logistic baseline',
      description: 'No hidden layer: a logistic regression. A baseline for the deeper networks to beat.',
      layers: [],
    });
  }
  return list;
}

/** Id of the output layer every network ends with. */
export const OUTPUT_ID = 'output';

/** The output layer a new network ends with: as many units as the target needs. */
export function defaultOutput(): DenseLayerSpec {
  return { id: OUTPUT_ID, type: 'dense', units: 'auto' };
}

/** Split a full layer list into hidden layers and the output layer (the last dense layer, if it ends the list). */
export function splitOutput(all: readonly LayerSpec[]): { hidden: LayerSpec[]; output: DenseLayerSpec } {
  const last = all.at(-1);
  if (last && last.type === 'dense') return { hidden: all.slice(0, -1), output: last };
  return { hidden: [...all], output: defaultOutput() };
}
