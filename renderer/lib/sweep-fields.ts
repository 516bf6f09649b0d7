/**
 * The fields a sweep can search, read from the current network and training settings, with a starting
 * range for each. The editor's rows are in sweep-drafts.ts, the words for paths and values in sweep-labels.ts.
 */
import type { DistributionName, LayerSpec, ParamValue, TrainingSpec } from '../../engine/protocol/index.ts';

/** What values a field takes: any number, whole numbers, or names. */
export type FieldKind = 'number' | 'int' | 'name';

/** A starting distribution for a field. */
export interface FieldStart {
  distribution: DistributionName;
  min?: number;
  max?: number;
  log?: boolean;
  values?: readonly ParamValue[];
}

/** One searchable field. */
export interface SweepField {
  path: string;
  label: string;
  /** Where it lives, for grouping the menu: 'Training', 'Whole network', or a layer id. */
  group: string;
  kind: FieldKind;
  /** Its value in the current model, as text ('' when unset). */
  current: string;
  start: FieldStart;
}

/** A round number near x (1, 2 or 5 times a power of ten). */
function nice(x: number): number {
  if (!(x > 0)) return x;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return Number(((m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p).toPrecision(2));
}

/** The hidden dense layers: every dense layer but the output (the last layer). */
function hiddenDense(layers: readonly LayerSpec[]): LayerSpec[] {
  return layers.slice(0, -1).filter((l) => l.type === 'dense');
}

function layerFields(l: LayerSpec): SweepField[] {
  const at = (field: string) => `layers[${l.id}].${field}`;
  if (l.type === 'dense') {
    const units = typeof l.units === 'number' ? l.units : 16;
    return [
      {
        path: at('units'),
        label: `Units · ${l.id}`,
        group: l.id,
        kind: 'int',
        current: String(l.units),
        start: { distribution: 'int', min: Math.max(1, Math.round(units / 4)), max: units * 4, log: true },
      },
      {
        path: at('activation'),
        label: `Activation · ${l.id}`,
        group: l.id,
        kind: 'name',
        current: l.activation ?? 'relu',
        start: { distribution: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
      },
      {
        path: at('l2'),
        label: `L2 · ${l.id}`,
        group: l.id,
        kind: 'number',
        current: l.l2 === undefined ? '' : String(l.l2),
        start: { distribution: 'logUniform', min: 0.00001, max: 0.01 },
      },
      {
        path: at('l1'),
        label: `L1 · ${l.id}`,
        group: l.id,
        kind: 'number',
        current: l.l1 === undefined ? '' : String(l.l1),
        start: { distribution: 'logUniform', min: 0.00001, max: 0.01 },
      },
    ];
  }
  if (l.type === 'dropout')
    return [
      {
        path: at('rate'),
        label: `Dropout rate · ${l.id}`,
        group: l.id,
        kind: 'number',
        current: String(l.rate),
        start: { distribution: 'uniform', min: 0, max: 0.5 },
      },
    ];
  if (l.type === 'batchNorm')
    return [
      {
        path: at('momentum'),
        label: `Momentum · ${l.id}`,
        group: l.id,
        kind: 'number',
        current: String(l.momentum ?? 0.99),
        start: { distribution: 'uniform', min: 0.9, max: 0.999 },
      },
    ];
  return [
    {
      path: at('activation'),
      label: `Activation · ${l.id}`,
      group: l.id,
      kind: 'name',
      current: l.activation,
      start: { distribution: 'choice', values: ['relu', 'tanh'] },
    },
  ];
}

/** Every field a sweep can search in this network (hidden layers and the output layer last in `layers`) and these training settings. */
export function sweepFields(layers: readonly LayerSpec[], training: TrainingSpec): SweepField[] {
  const opt = training.optimizer ?? { type: 'adam', learningRate: 0.01 };
  const lr = opt.learningRate;
  const batch = training.batchSize ?? 32;
  const epochs = training.epochs ?? 100;
  const hidden = hiddenDense(layers);
  const units = hidden.map((l) => (l.type === 'dense' && typeof l.units === 'number' ? l.units : 16));
  const out: SweepField[] = [
    {
      path: 'training.optimizer.learningRate',
      label: 'Learning rate',
      group: 'Training',
      kind: 'number',
      current: String(lr),
      start: { distribution: 'logUniform', min: nice(lr / 10), max: nice(lr * 10) },
    },
    {
      path: 'training.batchSize',
      label: 'Batch size',
      group: 'Training',
      kind: 'int',
      current: String(batch),
      start: { distribution: 'choice', values: [...new Set([16, 32, 64, batch])].sort((a, b) => a - b) },
    },
    {
      path: 'training.optimizer.type',
      label: 'Optimizer',
      group: 'Training',
      kind: 'name',
      current: opt.type,
      start: { distribution: 'choice', values: ['adam', 'sgd', 'rmsprop'] },
    },
    {
      path: 'training.epochs',
      label: 'Epochs',
      group: 'Training',
      kind: 'int',
      current: String(epochs),
      start: { distribution: 'int', min: Math.max(1, Math.round(epochs / 2)), max: epochs * 2 },
    },
  ];
  if (opt.type === 'sgd' || opt.type === 'rmsprop') {
    out.push({
      path: 'training.optimizer.momentum',
      label: 'Momentum',
      group: 'Training',
      kind: 'number',
      current: String(opt.momentum ?? 0),
      start: { distribution: 'uniform', min: 0, max: 0.95 },
    });
  }
  if (opt.type === 'adamw') {
    out.push({
      path: 'training.optimizer.weightDecay',
      label: 'Weight decay',
      group: 'Training',
      kind: 'number',
      current: String(opt.weightDecay ?? 0.01),
      start: { distribution: 'logUniform', min: 0.0001, max: 0.1 },
    });
  }
  out.push({
    path: 'training.optimizer.clipNorm',
    label: 'Gradient clipping (max norm)',
    group: 'Training',
    kind: 'number',
    current: opt.clipNorm === undefined ? '' : String(opt.clipNorm),
    start: { distribution: 'logUniform', min: 0.1, max: 10 },
  });
  if (training.earlyStopping) {
    out.push({
      path: 'training.earlyStopping.patience',
      label: 'Early-stopping patience',
      group: 'Training',
      kind: 'int',
      current: String(training.earlyStopping.patience ?? 10),
      start: { distribution: 'int', min: 3, max: 20 },
    });
  }
  out.push({
    path: 'hiddenLayers',
    label: 'Number of hidden layers',
    group: 'Whole network',
    kind: 'int',
    current: String(hidden.length),
    start: { distribution: 'int', min: Math.max(1, hidden.length - 1), max: Math.max(2, hidden.length + 1) },
  });
  if (hidden.length) {
    const u = Math.max(...units);
    out.push(
      {
        path: 'layers[*dense].units',
        label: 'Units · every hidden layer',
        group: 'Whole network',
        kind: 'int',
        current: [...new Set(units)].join(', '),
        start: { distribution: 'int', min: Math.max(1, Math.round(u / 4)), max: u * 4, log: true },
      },
      {
        path: 'layers[*dense].activation',
        label: 'Activation · every hidden layer',
        group: 'Whole network',
        kind: 'name',
        current: [...new Set(hidden.map((l) => (l.type === 'dense' ? (l.activation ?? 'relu') : '')))].join(', '),
        start: { distribution: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
      },
      {
        path: 'layers[*dense].l2',
        label: 'L2 · every hidden layer',
        group: 'Whole network',
        kind: 'number',
        current: '',
        start: { distribution: 'logUniform', min: 0.00001, max: 0.01 },
      },
    );
  }
  const dropouts = layers.filter((l) => l.type === 'dropout');
  if (dropouts.length > 1) {
    out.push({
      path: 'layers[*dropout].rate',
      label: 'Dropout rate · every dropout layer',
      group: 'Whole network',
      kind: 'number',
      current: [...new Set(dropouts.map((l) => (l.type === 'dropout' ? l.rate : 0)))].join(', '),
      start: { distribution: 'uniform', min: 0, max: 0.5 },
    });
  }
  for (const l of layers.slice(0, -1)) out.push(...layerFields(l));
  return out;
}
