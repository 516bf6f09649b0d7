/**
 * The TF.js export (layers format): `model.json` (a Keras Sequential topology and the weights manifest) and
 * one little-endian float32 weights file, loadable with `tf.loadLayersModel`. Input: the model's input matrix.
 * Output: probabilities in `task.classes` order (a sigmoid output p is widened to [1 − p, p]), or values in
 * the target's units (the target's scaling folded into the last dense layer, or appended as a 1×1 dense layer).
 */
import { resolveNetwork, type ActivationName, type ResolvedLayer } from '../spec/index.ts';
import { exportMessages } from './messages.ts';
import type { ModelFile } from './model-file.ts';
import { ExportError } from './onnx/export-error.ts';
import { checkedPreprocessing } from './preprocessing-check.ts';

/** Name of the weights file next to `model.json`. */
export const TFJS_WEIGHTS_FILE = 'weights.bin';

/** The two files of a TF.js layers model. */
export interface TfjsFiles {
  /** `model.json` text. */
  modelJson: string;
  /** `weights.bin` bytes. */
  weights: Uint8Array;
}

interface KerasLayer {
  class_name: string;
  config: Record<string, unknown>;
}
interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** Keras activation names; leakyRelu has none and becomes a LeakyReLU layer (α 0.01). */
const KERAS_ACTIVATIONS: Readonly<Record<Exclude<ActivationName, 'leakyRelu'>, string>> = {
  linear: 'linear',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  elu: 'elu',
  gelu: 'gelu',
  softplus: 'softplus',
  softmax: 'softmax',
};

class Builder {
  layers: KerasLayer[] = [];
  specs: WeightSpec[] = [];
  data: number[][] = [];
  private names = new Set<string>();

  name(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_]/g, '_');
    let n = clean;
    for (let i = 1; this.names.has(n); i++) n = `${clean}_${i}`;
    this.names.add(n);
    return n;
  }

  add(className: string, config: Record<string, unknown>, weights: [string, number[], number[]][] = []): void {
    const name = this.name(String(config.name));
    const first = this.layers.length === 0 ? { batch_input_shape: config.batch_input_shape } : {};
    delete config.batch_input_shape;
    this.layers.push({
      class_name: className,
      config: { ...config, ...first, name, trainable: true, dtype: 'float32' },
    });
    for (const [w, shape, data] of weights) {
      this.specs.push({ name: `${name}/${w}`, shape, dtype: 'float32' });
      this.data.push(data);
    }
  }

  activation(a: ActivationName, base: string, inputShape: unknown): void {
    if (a === 'linear') return;
    if (a === 'leakyRelu')
      this.add('LeakyReLU', { name: `${base}_leaky_relu`, alpha: 0.01, batch_input_shape: inputShape });
    else
      this.add('Activation', { name: `${base}_${a}`, activation: KERAS_ACTIVATIONS[a], batch_input_shape: inputShape });
  }
}

function tensor(model: ModelFile, layer: string, name: string): number[] {
  const w = model.weights.find((t) => t.layer === layer && t.name === name);
  if (!w) throw new ExportError(exportMessages.missingWeights(name, layer));
  return w.data;
}

function dense(
  b: Builder,
  name: string,
  inputs: number,
  units: number,
  kernel: number[],
  bias: number[],
  activation: ActivationName,
  inputShape: unknown,
): void {
  const fused = activation !== 'leakyRelu';
  b.add(
    'Dense',
    {
      name,
      units,
      activation: fused ? KERAS_ACTIVATIONS[activation as Exclude<ActivationName, 'leakyRelu'>] : 'linear',
      use_bias: true,
      kernel_initializer: { class_name: 'Zeros', config: {} },
      bias_initializer: { class_name: 'Zeros', config: {} },
      batch_input_shape: inputShape,
    },
    [
      ['kernel', [inputs, units], kernel],
      ['bias', [units], bias],
    ],
  );
  if (!fused) b.activation(activation, name, undefined);
}

function emitLayer(
  b: Builder,
  model: ModelFile,
  l: ResolvedLayer,
  inputShape: unknown,
  target: { mean: number; std: number } | null,
): void {
  if (l.type === 'dense') {
    let kernel = tensor(model, l.id, 'kernel');
    let bias = tensor(model, l.id, 'bias');
    if (target) {
      kernel = kernel.map((w) => w * target.std);
      bias = bias.map((v) => v * target.std + target.mean);
    }
    dense(b, l.id, l.inputs, l.units, kernel, bias, l.activation, inputShape);
  } else if (l.type === 'batchNorm') {
    const p = (n: string): [string, number[], number[]] => [
      n.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      [l.units],
      tensor(model, l.id, n),
    ];
    b.add(
      'BatchNormalization',
      {
        name: l.id,
        axis: -1,
        momentum: l.momentum,
        epsilon: l.epsilon,
        center: true,
        scale: true,
        batch_input_shape: inputShape,
      },
      [p('gamma'), p('beta'), p('movingMean'), p('movingVariance')],
    );
  } else if (l.type === 'dropout') {
    b.add('Dropout', { name: l.id, rate: l.rate, batch_input_shape: inputShape });
  } else {
    b.activation(l.activation, l.id, inputShape);
  }
}

/** The model as TF.js layers-format files. */
export function exportTfjs(model: ModelFile, producerVersion = '0.1.0'): TfjsFiles {
  const net = resolveNetwork(model.spec, model.inputs, model.task);
  const pre = checkedPreprocessing(model);
  const target = model.task.kind === 'regression' && pre?.target.kind === 'regression' ? pre.target : null;
  const last = net.layers[net.layers.length - 1]!;
  const fold = target !== null && last.type === 'dense' && last.activation === 'linear';
  const b = new Builder();
  net.layers.forEach((l, i) =>
    emitLayer(b, model, l, i === 0 ? [null, model.inputs] : undefined, fold && l === last ? target : null),
  );
  if (target && !fold) dense(b, 'target_units', 1, 1, [target.std], [target.mean], 'linear', undefined);
  if (model.task.kind === 'classification' && model.outputs === 1)
    dense(b, 'probabilities', 1, 2, [-1, 1], [1, 0], 'linear', undefined);
  const topology = {
    class_name: 'Sequential',
    config: { name: 'backprop_studio_model', layers: b.layers },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
  const size = b.data.reduce((n, d) => n + d.length, 0);
  const weights = new Uint8Array(size * 4);
  const view = new DataView(weights.buffer);
  let at = 0;
  for (const d of b.data) for (const v of d) view.setFloat32(at++ * 4, v, true);
  const modelJson = {
    format: 'layers-model',
    generatedBy: `backprop-studio ${producerVersion}`,
    convertedBy: null,
    modelTopology: topology,
    weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: b.specs }],
    userDefinedMetadata: {
      featureNames: model.featureNames,
      ...(model.task.kind === 'classification'
        ? { classes: model.task.classes }
        : { target: target ? "value in the target's units" : 'value' }),
    },
  };
  return { modelJson: JSON.stringify(modelJson), weights };
}
