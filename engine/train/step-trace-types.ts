/** The shapes of a traced training step (engine/train/step-trace.ts): every number of its four steps, per layer. */
import type { Backend } from '../backend/backend.ts';
import type { NetworkSpec, OptimizerSpec, Task } from '../spec/types.ts';
import type { LayerGradientScale } from './step-trace-text.ts';
import type { WeightTensor } from './types.ts';

/** A matrix [rows, cols] as flat row-major numbers. */
export interface TraceMatrix {
  rows: number;
  cols: number;
  data: number[];
}

/** Forward values of one layer for the traced rows. */
export interface ForwardTrace {
  layerId: string;
  type: string;
  activation: string | null;
  /** Formula of the activation (dense and activation layers). */
  formula: string | null;
  input: TraceMatrix;
  /** Weighted sum x·W + b (dense layers only). */
  z: TraceMatrix | null;
  output: TraceMatrix;
  /** f′(z) per row and unit: dense layers with an elementwise activation (all 1 for linear); else null. */
  derivative: TraceMatrix | null;
}

/** Backward values of one layer, in backward order (output layer first). */
export interface BackwardTrace {
  layerId: string;
  /** dLoss/dOutput of the layer (for the fused output layer: dLoss/dz, and `fused` is true). */
  dOutput: TraceMatrix;
  /** dLoss/dz for dense layers: dOutput ⊙ f'(z). */
  dz: TraceMatrix | null;
  fused: boolean;
  /** How dOutput was formed: from the loss at the output layer, else from the layer after this one. */
  formula: string;
}

/** Old value, gradient and new value of one weight tensor. */
export interface UpdateTrace {
  layer: string;
  name: string;
  shape: number[];
  before: number[];
  /** dLoss/dW, including the regularization part below. */
  grad: number[];
  after: number[];
  /** The L1/L2 part of grad (l1·sign(w) + 2·l2·w); null when the tensor has no regularization. */
  penalty: number[] | null;
}

/** The whole iteration. */
export interface StepTrace {
  rows: number;
  task: Task;
  forward: ForwardTrace[];
  /** Network outputs (probabilities or values), and the targets (class index or value, standardized for regression). */
  output: TraceMatrix;
  target: number[];
  /** `value` is the weighted mean Σ w_r·ℓ_r / n; `rowWeights` each row's class weight (null when all weigh 1). */
  loss: {
    name: string;
    formula: string;
    value: number;
    perRow: number[];
    rowWeights: number[] | null;
    example: string;
  };
  backward: BackwardTrace[];
  /**
   * dLoss/dInputs [rows, inputs]: the backward pass carried one layer further, to the inputs themselves
   * (∂L/∂xᵢ = Σⱼ ∂L/∂zⱼ · wᵢⱼ through a first dense layer). Training never needs it; explanations do.
   */
  inputGradient: TraceMatrix;
  gradients: WeightTensor[];
  update: { optimizer: string; learningRate: number; note: string; tensors: UpdateTrace[] };
  lossAfter: number;
  /** Loss of each row after the update. */
  lossAfterPerRow: number[];
  /** Per layer with trained weights (forward order): how large its gradients are. */
  gradientScale: LayerGradientScale[];
  /** Plain words when the gradient sizes span many orders of magnitude (or one is zero); else null. */
  gradientNote: string | null;
}

/** Options of a trace. */
export interface TraceOptions {
  spec: NetworkSpec;
  task: Task;
  weights: readonly WeightTensor[];
  x: Float32Array;
  y: Float32Array;
  rows: number;
  backend: Backend;
  /** Defaults to the spec's optimizer. */
  optimizer?: OptimizerSpec;
  /** Per-class weights of the loss (class-index order), as the run resolves them; none when omitted. */
  classWeights?: readonly number[] | null;
}
