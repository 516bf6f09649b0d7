/**
 * The step-through family: one training iteration traced on chosen training rows, with every number
 * from the engine on the real backend.
 *
 * - `step/trace` names where the weights come from (the current spec's initial weights, or a run's
 *   weights: paused or finished), the rows (positions in the training split) and, optionally, a learning
 *   rate for the update; `step/traced` answers with the whole trace.
 * - Matrices and weight tensors cross as transferable `Float32Array`s (float32, as the backends compute).
 *
 */
import type { DatasetSettings } from '../data/index.ts';
import type { NetworkSpec, Task } from '../spec/index.ts';
import { isRecord, ProtocolError, reply, request, type UnionOf } from './fields.ts';

/** Where the traced weights come from. */
export type StepSource =
  /** The weights a run of this spec starts from (its seed), on this data. */
  | { kind: 'initial'; spec: NetworkSpec; settings: DatasetSettings }
  /** A run's weights: its current ones while paused, its final ones once finished. */
  | { kind: 'run'; runId: string };

/** A matrix [rows, cols], row-major: row r of the traced rows, column j of the layer. */
export interface StepMatrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

/** One layer's forward pass on the traced rows. */
export interface StepForward {
  layerId: string;
  /** `dense`, `activation`, `dropout` or `batchNorm`. */
  type: string;
  activation: string | null;
  /** The activation's formula, e.g. `f(z) = max(0, z)`. */
  formula: string | null;
  input: StepMatrix;
  /** Weighted sum x·W + b (dense layers only). */
  z: StepMatrix | null;
  /** The layer's output: the activation a = f(z) for dense layers. */
  output: StepMatrix;
  /** f′(z) for dense layers with an elementwise activation; null otherwise. */
  derivative: StepMatrix | null;
}

/** One layer's backward pass, output layer first. */
export interface StepBackward {
  layerId: string;
  /** dLoss/dOutput (dLoss/dz when `fused`: softmax/sigmoid differentiated together with cross-entropy). */
  dOutput: StepMatrix;
  /** dLoss/dz = dOutput ⊙ f′(z), dense layers only. */
  dz: StepMatrix | null;
  fused: boolean;
  /** How dOutput was formed, in symbols. */
  formula: string;
}

/** Old value, gradient and new value of one weight tensor (a kernel is [inputs, units], row-major). */
export interface StepTensor {
  layer: string;
  name: string;
  shape: number[];
  before: Float32Array;
  /** dLoss/dW summed over the traced rows' mean loss, including any L1/L2 part. */
  grad: Float32Array;
  after: Float32Array;
  /** The L1/L2 part of grad; null without regularization. */
  penalty: Float32Array | null;
}

/** How large one layer's weight gradients are. */
export interface StepGradientScale {
  layer: string;
  rms: number;
  maxAbs: number;
}

/** The whole iteration, and what it was run on. */
export interface WireStepTrace {
  /** Label of the backend that computed it. */
  backend: string;
  /** Seed of the initial weights (for a run: the run's seed). */
  seed: number;
  /** A paused run: where it paused (`batch` of `batches` batches of epoch `epoch` done); else null. */
  position: { epoch: number; batch: number; batches: number } | null;
  featureNames: string[];
  task: Task;
  /** Regression targets and outputs are standardized with these; null for classification. */
  targetScale: { mean: number; std: number } | null;
  /** Rows in the training split, and the traced ones: their positions there and their rows in the table. */
  trainRows: number;
  positions: Int32Array;
  rowIndices: Int32Array;
  rows: number;
  forward: StepForward[];
  /** Network outputs: class probabilities or values. */
  output: StepMatrix;
  /** Per row: the true class index, or the (standardized) target value. */
  target: number[];
  /** `value` is Σ w_r·ℓ_r / rows; `rowWeights` each row's class weight, null when every class weighs 1. */
  loss: {
    name: string;
    formula: string;
    value: number;
    perRow: number[];
    rowWeights: number[] | null;
    example: string;
  };
  backward: StepBackward[];
  /** dLoss/dInputs [rows, inputs]: the backward pass carried on to the inputs (what explanations use). */
  inputGradient: StepMatrix;
  update: { optimizer: string; learningRate: number; note: string; tensors: StepTensor[] };
  /** Mean loss over the same rows after the update, and per row. */
  lossAfter: number;
  lossAfterPerRow: number[];
  gradientScale: StepGradientScale[];
  /** Plain words when the gradient sizes span many orders of magnitude (or one is zero). */
  gradientNote: string | null;
}

function isMatrix(v: unknown): v is StepMatrix {
  return (
    isRecord(v) &&
    typeof v.rows === 'number' &&
    typeof v.cols === 'number' &&
    v.data instanceof Float32Array &&
    v.data.length === v.rows * v.cols
  );
}

function isMatrixOrNull(v: unknown): boolean {
  return v === null || isMatrix(v);
}

/** True when `v` has the shape of a trace (every matrix and tensor a Float32Array of the right size). */
function isWireStepTrace(v: unknown): v is WireStepTrace {
  if (
    !isRecord(v) ||
    !isRecord(v.loss) ||
    !isRecord(v.update) ||
    !Array.isArray(v.forward) ||
    !Array.isArray(v.backward)
  )
    return false;
  if (!(v.positions instanceof Int32Array) || !(v.rowIndices instanceof Int32Array) || !isMatrix(v.output))
    return false;
  if (!isMatrix(v.inputGradient)) return false;
  if (typeof v.loss.value !== 'number' || typeof v.lossAfter !== 'number' || !Array.isArray(v.update.tensors))
    return false;
  const forwardOk = v.forward.every(
    (f: unknown) =>
      isRecord(f) &&
      typeof f.layerId === 'string' &&
      isMatrix(f.input) &&
      isMatrix(f.output) &&
      isMatrixOrNull(f.z) &&
      isMatrixOrNull(f.derivative),
  );
  const backwardOk = v.backward.every(
    (b: unknown) => isRecord(b) && typeof b.layerId === 'string' && isMatrix(b.dOutput) && isMatrixOrNull(b.dz),
  );
  const tensorsOk = v.update.tensors.every(
    (t: unknown) =>
      isRecord(t) &&
      t.before instanceof Float32Array &&
      t.grad instanceof Float32Array &&
      t.after instanceof Float32Array &&
      (t.penalty === null || t.penalty instanceof Float32Array),
  );
  return forwardOk && backwardOk && tensorsOk;
}

/** Every typed array of a trace, for `postMessage` to transfer. */
function stepTransferables(t: WireStepTrace): ArrayBufferView[] {
  const out: ArrayBufferView[] = [t.positions, t.rowIndices, t.output.data, t.inputGradient.data];
  for (const f of t.forward) {
    out.push(f.input.data, f.output.data);
    if (f.z) out.push(f.z.data);
    if (f.derivative) out.push(f.derivative.data);
  }
  for (const b of t.backward) {
    out.push(b.dOutput.data);
    if (b.dz) out.push(b.dz.data);
  }
  for (const u of t.update.tensors) {
    out.push(u.before, u.grad, u.after);
    if (u.penalty) out.push(u.penalty);
  }
  return out;
}

/** The step-through requests. */
export const STEP_REQUESTS = {
  /** Trace one iteration on training rows `positions` (0-based, in the training split). */
  'step/trace': request<{ source: StepSource; positions: Int32Array; learningRate: number | null }>()('step/traced', {
    source: 'object',
    positions: 'i32',
    learningRate: 'number?',
  }),
};

/** The step-through events. */
export const STEP_EVENTS = {
  'step/traced': reply<{ trace: WireStepTrace }>()(
    { trace: 'object' },
    {
      check: (m) => {
        if (!isWireStepTrace(m.trace)) throw new ProtocolError("'step/traced' trace is malformed");
      },
      transfer: (m) => stepTransferables(m.trace),
    },
  ),
};

/** The step-through request, as a message. */
export type StepRequest = UnionOf<typeof STEP_REQUESTS>;
