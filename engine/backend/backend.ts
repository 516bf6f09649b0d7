/**
 * The compute interface every layer, loss and optimizer calls. Implementations: `cpu` (plain
 * TypeScript, the reference), `wasm` (AssemblyScript SIMD kernels) and `gpujs` (gpu.js kernels).
 *
 * Conventions
 * - Tensors are opaque handles owned by the backend; data is float32, row-major. A matrix [rows, cols]
 *   stores element (r, c) at r·cols + c.
 * - Ops write into output tensors the caller allocated once (no allocation per batch), and are
 *   enqueued in call order: a backend may run them later, but results are as if run in order.
 *   Only `read` (and the `Scalars` accumulators read through it) brings data back.
 * - An output tensor never aliases an input unless the op says so.
 */
import type { ActivationName, BackendChoice, LossName } from '../spec/types.ts';

/**
 * Activations a dense layer applies inside its forward kernel. For each, f'(z) can be computed from
 * y = f(z) alone — σ' = y(1 − y), tanh' = 1 − y², and the ReLU family's z > 0 ⇔ y > 0 (leakyRelu's slope
 * and elu's α are positive) — so the backward pass needs no stored pre-activation. GELU, softplus and
 * softmax need z (or a whole row) and run as a separate activation op.
 */
export type FusedActivation = Extract<ActivationName, 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu'>;

/** Opaque handle to backend memory holding a float32 tensor. */
export interface Tensor {
  readonly shape: readonly number[];
  /** Number of elements (product of shape). */
  readonly size: number;
}

/** Names of concrete backends (what actually runs, unlike the user's `auto`). */
export type BackendName =
  'cpu' | 'wasm' | 'gpujs-webgpu' | 'gpujs-webgl2' | 'gpujs-webgl' | 'gpujs-webasm' | 'gpujs-cpu';

/** Hyperparameters of one optimizer step, resolved (no defaults left). `t` counts steps from 1. */
export type OptimizerUpdate =
  /** v ← μv + g; w ← w − lr·(nesterov ? g + μv : v) */
  | { type: 'sgd'; learningRate: number; momentum: number; nesterov: boolean }
  /** s ← ρs + (1−ρ)g²; μ > 0: b ← μb + g/(√s + ε), w ← w − lr·b; μ = 0: w ← w − lr·g/(√s + ε) */
  | { type: 'rmsprop'; learningRate: number; rho: number; epsilon: number; momentum: number }
  /** a ← a + g²; w ← w − lr·g/(√a + ε) */
  | { type: 'adagrad'; learningRate: number; epsilon: number }
  /** w ← w·(1 − lr·λ) (λ = 0 for adam); m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε) */
  | {
      type: 'adam';
      learningRate: number;
      beta1: number;
      beta2: number;
      epsilon: number;
      weightDecay: number;
      t: number;
    };

/** The optimizer's per-tensor state buffers, allocated like the weight (zeros unless stated). */
export interface OptimizerSlots {
  /** sgd: velocity; rmsprop: mean square; adagrad: accumulator; adam: first moment m. */
  a: Tensor;
  /** rmsprop: momentum buffer; adam: second moment v; unused otherwise (size-1 tensor). */
  b: Tensor;
}

/** One tensor's part of a layer's update: the weight, its gradient and its optimizer slots. */
export interface TensorUpdate {
  w: Tensor;
  g: Tensor;
  slots: OptimizerSlots;
}

/** What a backend can do; `auto` selection and the UI badge read it. */
export interface BackendInfo {
  name: BackendName;
  /** Human label for the badge, e.g. "WebAssembly SIMD · 1 thread" or "WebGPU · NVIDIA H200". */
  label: string;
  /** More on how it runs, for the run log (e.g. why this many threads); absent when the label says it all. */
  readonly detail?: string;
}

/** The compute interface. */
export interface Backend extends BackendInfo {
  // ---- memory
  /** A new tensor, zero-filled or holding a copy of `data`. */
  tensor(shape: readonly number[], data?: Float32Array): Tensor;
  /** Copy `data` (length = t.size) into t. */
  write(t: Tensor, data: Float32Array): void;
  /** Copy rows `rowIndices` of the host matrix `source` ([?, cols]) into t ([rowIndices.length, cols]). */
  gatherRows(
    t: Tensor,
    source: Float32Array,
    cols: number,
    rowIndices: Int32Array | Uint32Array,
    start: number,
    count: number,
  ): void;
  /** Bring t's contents back to the host. */
  read(t: Tensor): Promise<Float32Array>;
  /** Copy src into dst (same size). */
  copy(src: Tensor, dst: Tensor): void;
  /** Set every element of t to `value`. */
  fill(t: Tensor, value: number): void;
  /** Free t; using it afterwards is a bug. */
  dispose(t: Tensor): void;

  // ---- dense
  /**
   * y = f(x·W + b) in one pass (x [n, in], W [in, out], b [out], y [n, out]); `activation` defaults to
   * linear (y = z). The pre-activation is not kept, so only activations whose derivative is a function of
   * the output fuse (FusedActivation): their backward is `activationBackward(name, y, y, dy, dz)`.
   */
  denseForward(x: Tensor, w: Tensor, b: Tensor, y: Tensor, activation?: FusedActivation): void;
  /** Backward of z = x·W + b given dz: dW = xᵀ·dz, db = Σ_rows dz, and (if dx) dx = dz·Wᵀ. */
  denseBackward(x: Tensor, w: Tensor, dz: Tensor, dw: Tensor, db: Tensor, dx: Tensor | null): void;

  // ---- activations (math from the table in layers/activations.ts)
  /** y = f(z) elementwise, or row-wise softmax. */
  activationForward(name: ActivationName, z: Tensor, y: Tensor): void;
  /** dz = dy ⊙ f'(z) (softmax: dz = y ⊙ (dy − Σ_j dy_j y_j) per row). May be called with dz === dy. */
  activationBackward(name: ActivationName, z: Tensor, y: Tensor, dy: Tensor, dz: Tensor): void;

  // ---- dropout (mask from a counter-based hash, identical on every backend; see layers/dropout.ts)
  /** mask_i = (hash(seed, step, i) ≥ rate) / (1 − rate); y = x ⊙ mask. */
  dropoutForward(x: Tensor, mask: Tensor, y: Tensor, rate: number, seed: number, step: number): void;
  /** dx = dy ⊙ mask. */
  dropoutBackward(dy: Tensor, mask: Tensor, dx: Tensor): void;

  // ---- batch normalization over the rows of x [n, f]
  /**
   * training: μ, σ² from the batch; x̂ = (x − μ)/√(σ² + ε); y = γx̂ + β; running ← m·running + (1−m)·batch
   * (the running variance uses the unbiased batch variance). Inference: μ, σ² from the running statistics.
   * `xhat` [n, f] and `invStd` [f] are saved for the backward pass.
   */
  batchNormForward(
    x: Tensor,
    gamma: Tensor,
    beta: Tensor,
    runningMean: Tensor,
    runningVar: Tensor,
    y: Tensor,
    xhat: Tensor,
    invStd: Tensor,
    momentum: number,
    epsilon: number,
    training: boolean,
  ): void;
  /**
   * dγ = Σ_rows dy⊙x̂; dβ = Σ_rows dy; training: dx = γ·invStd/n · (n·dy − dβ − x̂·dγ);
   * inference (running statistics are constants): dx = γ·invStd·dy.
   */
  batchNormBackward(
    dy: Tensor,
    xhat: Tensor,
    gamma: Tensor,
    invStd: Tensor,
    dx: Tensor,
    dgamma: Tensor,
    dbeta: Tensor,
    training: boolean,
  ): void;

  // ---- losses; `pred` [n, k], `target` [n, t] (sparse class index for categoricalCrossentropy, t = 1)
  /**
   * Adds Σ over rows of the loss to `acc[0]` and, for classification losses, the number of correct
   * predictions to `acc[1]`. Loss values are per row: mean over the k outputs (MSE, MAE, Huber, BCE),
   * −log p[target] for categorical cross-entropy.
   */
  lossAccumulate(loss: LossName, pred: Tensor, target: Tensor, acc: Tensor, huberDelta: number): void;
  /**
   * dpred = ∂(mean loss over the n rows)/∂pred. When `fusedLogits` is set, `pred` holds the
   * probabilities after softmax (categoricalCrossentropy) or sigmoid (binaryCrossentropy) and the
   * result is the gradient with respect to the logits: (p − y)/n (divided by k for BCE).
   */
  lossGradient(
    loss: LossName,
    pred: Tensor,
    target: Tensor,
    dpred: Tensor,
    huberDelta: number,
    fusedLogits: boolean,
  ): void;

  /**
   * A training step's loss work in one op: `lossAccumulate(loss, pred, target, acc)` and
   * `lossGradient(loss, pred, target, dpred, fusedLogits)` (a GPU backend: one kernel and the accumulator's
   * launch). With `fromLogits` (categorical cross-entropy fused with a softmax output layer that skipped its
   * softmax: ForwardMode.logits), `out` holds the logits z and pred = softmax(z) is computed here.
   */
  lossStep(
    loss: LossName,
    tensors: { out: Tensor; target: Tensor; acc: Tensor; dpred: Tensor },
    huberDelta: number,
    fusedLogits: boolean,
    fromLogits: boolean,
  ): void;

  // ---- regularization and optimizers
  /** g ← g + l1·sign(w) + 2·l2·w. */
  addRegularizationGradient(w: Tensor, g: Tensor, l1: number, l2: number): void;
  /**
   * acc[first + i] += Σ ts[i]² for every i (gradient norms and clipping). One call for all of a step's
   * tensors, so a GPU backend can sum several tensors per launch.
   */
  accumulateSquaredNorms(ts: readonly Tensor[], acc: Tensor, first: number): void;
  /** g ← g · min(1, maxNorm / √(Σ_i acc[i] for i in [from, to))) — clipping by global norm without a read-back. */
  clipByGlobalNorm(grads: readonly Tensor[], acc: Tensor, from: number, to: number, maxNorm: number): void;
  /** One fused optimizer update of w with gradient g (formulas on OptimizerUpdate). */
  applyUpdate(step: OptimizerUpdate, w: Tensor, g: Tensor, slots: OptimizerSlots): void;
  /**
   * The update of every tensor of one layer (a dense layer's kernel and bias, batch norm's γ and β): the same
   * result as `applyUpdate` on each in turn, in fewer launches where the backend can (gpu.js: one per pair).
   */
  applyLayerUpdate(step: OptimizerUpdate, updates: readonly TensorUpdate[]): void;

  /** Wait until every enqueued op has run; throws BackendError if the device was lost. */
  sync(): Promise<void>;
  /** Free everything this backend holds. */
  destroy(): void;
}

/** A concrete backend a host can build: what engine/backend's registry lists and `createBackend` picks from. */
export interface BackendProvider {
  name: Exclude<BackendChoice, 'auto'>;
  /** Why not, when unavailable; null when it can be built here. */
  unavailable(): Promise<string | null>;
  create(): Promise<Backend>;
}
