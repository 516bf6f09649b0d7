/**
 * The TF.js model every TF.js contender trains (Node and browser), so both compare against the very same
 * network: ReLU hidden layers with He-normal kernels, a softmax output with Glorot-uniform kernels, and
 * Adam (β₁ 0.9, β₂ 0.999, ε 1e-7) on sparse categorical cross-entropy — the engine's settings.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** What the model needs to know of a workload. */
export interface TfjsModelShape {
  features: number;
  hidden: readonly number[];
  classes: number;
  learningRate: number;
  seed: number;
}

/** A compiled, seeded TF.js model for the workload. */
export function buildTfjsModel(w: TfjsModelShape): tfl.Sequential {
  const seeded = (i: number) => ({ seed: w.seed * 100 + i });
  const model = tfl.sequential();
  w.hidden.forEach((units, i) => {
    model.add(
      tfl.layers.dense({
        units,
        activation: 'relu',
        ...(i === 0 ? { inputShape: [w.features] } : {}),
        kernelInitializer: tfl.initializers.heNormal(seeded(i)),
        biasInitializer: 'zeros',
      }),
    );
  });
  model.add(
    tfl.layers.dense({
      units: w.classes,
      activation: 'softmax',
      kernelInitializer: tfl.initializers.glorotUniform(seeded(9)),
    }),
  );
  model.compile({ optimizer: tf.train.adam(w.learningRate, 0.9, 0.999, 1e-7), loss: 'sparseCategoricalCrossentropy' });
  return model;
}
