/** The network spec: a versioned JSON description of a sequential network and how to train it. */

/** Identifies spec files. */
export const SPEC_FORMAT = 'backprop-studio/network';
/** Newest spec version this engine reads and writes. */
export const SPEC_VERSION = 1;

/** Every activation the engine knows; the table in `layers/activations.ts` holds their math. */
export const ACTIVATION_NAMES = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'gelu',
  'softplus',
  'softmax',
] as const;
/** Name of an activation function. */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** Every weight initializer the engine knows. */
export const INITIALIZER_NAMES = [
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'lecunNormal',
  'zeros',
] as const;
/** Name of a weight initializer. */
export type InitializerName = (typeof INITIALIZER_NAMES)[number];

/** Fully connected layer: y = activation(x·W + b), W of shape [inputs, units]. */
export interface DenseLayerSpec {
  id: string;
  type: 'dense';
  /** Number of neurons; `'auto'` (last layer only) means "as many as the target needs". */
  units: number | 'auto';
  /** Omitted: `relu` for hidden layers; for the last layer, chosen by the task (softmax, sigmoid or linear). */
  activation?: ActivationName;
  /** Omitted: He for the ReLU family, Glorot otherwise. */
  kernelInitializer?: InitializerName;
  /** Omitted: zeros. */
  biasInitializer?: InitializerName;
  /** L1 penalty strength on the kernel: loss += l1·Σ|w|. */
  l1?: number;
  /** L2 penalty strength on the kernel: loss += l2·Σw². */
  l2?: number;
}

/** Applies an activation function on its own. */
export interface ActivationLayerSpec {
  id: string;
  type: 'activation';
  activation: ActivationName;
}

/** Randomly zeroes a fraction `rate` of inputs while training (inverted dropout). */
export interface DropoutLayerSpec {
  id: string;
  type: 'dropout';
  /** Fraction dropped, 0 ≤ rate < 1. */
  rate: number;
}

/** Normalizes each feature over the batch, then scales by gamma and shifts by beta. */
export interface BatchNormLayerSpec {
  id: string;
  type: 'batchNorm';
  /** Running statistics: r ← momentum·r + (1−momentum)·batch. Default 0.99. */
  momentum?: number;
  /** Added to the variance before the square root. Default 1e-3. */
  epsilon?: number;
}

/** Any layer in the sequential stack. */
export type LayerSpec = DenseLayerSpec | ActivationLayerSpec | DropoutLayerSpec | BatchNormLayerSpec;
/** The `type` of a layer. */
export type LayerType = LayerSpec['type'];
/** Every layer type, in palette order. */
export const LAYER_TYPES: readonly LayerType[] = ['dense', 'activation', 'dropout', 'batchNorm'];

/** Every loss the engine knows. */
export const LOSS_NAMES = [
  'meanSquaredError',
  'meanAbsoluteError',
  'huber',
  'binaryCrossentropy',
  'categoricalCrossentropy',
] as const;
/** Name of a loss function. */
export type LossName = (typeof LOSS_NAMES)[number];

/** Plain (or momentum / Nesterov) stochastic gradient descent. */
export interface SgdSpec {
  type: 'sgd';
  learningRate: number;
  momentum?: number;
  nesterov?: boolean;
  clipNorm?: number;
}
/** RMSprop: divides by a running RMS of gradients. */
export interface RmspropSpec {
  type: 'rmsprop';
  learningRate: number;
  rho?: number;
  epsilon?: number;
  momentum?: number;
  clipNorm?: number;
}
/** Adagrad: divides by the root of all past squared gradients. */
export interface AdagradSpec {
  type: 'adagrad';
  learningRate: number;
  epsilon?: number;
  initialAccumulator?: number;
  clipNorm?: number;
}
/** Adam: bias-corrected first and second moments. */
export interface AdamSpec {
  type: 'adam';
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  clipNorm?: number;
}
/** AdamW: Adam with decoupled weight decay. */
export interface AdamwSpec {
  type: 'adamw';
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  weightDecay?: number;
  clipNorm?: number;
}
/** Any optimizer; `clipNorm` clips gradients by their global norm before the update. */
export type OptimizerSpec = SgdSpec | RmspropSpec | AdagradSpec | AdamSpec | AdamwSpec;
/** Name of an optimizer. */
export type OptimizerName = OptimizerSpec['type'];
/** Every optimizer name. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['sgd', 'rmsprop', 'adagrad', 'adam', 'adamw'];

/** Names of the quantities training reports and can monitor. */
export const MONITOR_NAMES = [
  'loss',
  'valLoss',
  'accuracy',
  'valAccuracy',
  'mae',
  'valMae',
  'rmse',
  'valRmse',
  'r2',
  'valR2',
] as const;
/** A metric that early stopping or reduce-on-plateau can watch. */
export type MonitorName = (typeof MONITOR_NAMES)[number];

/** Learning-rate schedule, applied at the start of each epoch. */
export type ScheduleSpec =
  | { type: 'constant' }
  /** lr = lr₀ · gamma^floor(epoch / stepSize) */
  | { type: 'step'; stepSize: number; gamma: number }
  /** lr = lr₀ · gamma^epoch */
  | { type: 'exponential'; gamma: number }
  /** lr = min + (lr₀ − min)·(1 + cos(π·epoch/epochs))/2 */
  | { type: 'cosine'; minLearningRate?: number }
  /** lr ← lr·factor after `patience` epochs without improvement of `monitor` */
  | {
      type: 'reduceOnPlateau';
      monitor?: MonitorName;
      factor?: number;
      patience?: number;
      minDelta?: number;
      minLearningRate?: number;
    };
/** Name of a learning-rate schedule. */
export type ScheduleName = ScheduleSpec['type'];
/** Every schedule name. */
export const SCHEDULE_NAMES: readonly ScheduleName[] = ['constant', 'step', 'exponential', 'cosine', 'reduceOnPlateau'];

/** Stop when `monitor` has not improved by `minDelta` for `patience` epochs. */
export interface EarlyStoppingSpec {
  monitor?: MonitorName;
  patience?: number;
  minDelta?: number;
  /** Put back the weights of the best epoch when stopping. Default true. */
  restoreBestWeights?: boolean;
}

/** Backend names a user can ask for. */
export const BACKEND_NAMES = [
  'auto',
  'cpu',
  'wasm',
  'gpujs-webgpu',
  'gpujs-webgl2',
  'gpujs-webasm',
  'gpujs-cpu',
] as const;
/** Which compute backend runs training. */
export type BackendChoice = (typeof BACKEND_NAMES)[number];

/** The named class-weight settings; a per-class object `{ label: weight }` is the other form. */
export const CLASS_WEIGHT_NAMES = ['auto', 'balanced', 'none'] as const;
/**
 * How much each class counts in the loss and its gradient (classification only). `balanced`: class c weighs
 * n / (classes·n_c) over the training rows, as scikit-learn's class_weight='balanced'; `none`: 1 each;
 * `auto` (the default): balanced when the training rows are strongly imbalanced, else none; an object gives
 * each class label its weight (classes it leaves out weigh 1).
 */
export type ClassWeightSpec = (typeof CLASS_WEIGHT_NAMES)[number] | Record<string, number>;

/** How to train: epochs, batches, optimizer, schedule, stopping, seed. */
export interface TrainingSpec {
  epochs?: number;
  batchSize?: number;
  seed?: number;
  /** Fraction of the training rows held out for validation (0 ≤ f < 1). */
  validationSplit?: number;
  shuffle?: boolean;
  optimizer?: OptimizerSpec;
  schedule?: ScheduleSpec;
  earlyStopping?: EarlyStoppingSpec | null;
  backend?: BackendChoice;
  /** Class weights in the loss (default `auto`). */
  classWeight?: ClassWeightSpec;
  /**
   * After early stopping chose the best epoch, train the final model afresh on training + validation rows for
   * that many epochs (default true). The test rows stay out either way.
   */
  refit?: boolean;
}

/** A whole spec file. */
export interface NetworkSpec {
  format?: typeof SPEC_FORMAT;
  version?: number;
  name?: string;
  /** Number of input features; omitted means "from the data". */
  inputs?: number;
  layers: LayerSpec[];
  /** Omitted: chosen by the task (categoricalCrossentropy, binaryCrossentropy or meanSquaredError). */
  loss?: LossName;
  /** Huber's threshold between quadratic and linear. Default 1. */
  huberDelta?: number;
  training?: TrainingSpec;
}

/** What the data asks the network to predict. */
export type Task = { kind: 'classification'; classes: readonly string[] } | { kind: 'regression' };
