/** A built network on a backend: layer runtimes, parameters, and per-batch-size buffers. */
import type { Backend, Tensor } from '../backend/backend.ts';
import { ModelFileError, type Problem } from '../errors.ts';
import { createLayer, type BoundLayer, type ForwardMode, type LayerRuntime, type Param } from '../layers/index.ts';
import { Random } from '../random.ts';
import type { ResolvedNetwork } from '../spec/resolve.ts';
import { trainMessages } from './messages.ts';
import type { WeightTensor } from './types.ts';

/** The network's layers and parameters, bound to a backend. */
export class Network {
  readonly layers: LayerRuntime[];
  /** Every parameter, in layer order (kernel, bias; gamma, beta, movingMean, movingVariance). */
  readonly params: Param[];
  /** Parameters the optimizer updates (those with a gradient). */
  readonly trainable: Param[];
  /**
   * The output layer is a dense softmax fused with categorical cross-entropy: a training forward pass with
   * `logits` gives its logits, and Backend.lossStep applies the softmax (one launch less on gpu.js).
   */
  readonly takesLogits: boolean;
  private readonly bound = new Map<number, BoundLayer[]>();

  constructor(
    readonly resolved: ResolvedNetwork,
    readonly backend: Backend,
    seed: number,
    weights?: readonly WeightTensor[],
  ) {
    const rng = new Random(seed);
    this.layers = resolved.layers.map((l, i) => createLayer(l, backend, rng, i));
    this.params = this.layers.flatMap((l) => l.params);
    this.trainable = this.params.filter((p) => p.grad !== null);
    const last = resolved.layers[resolved.layers.length - 1];
    this.takesLogits =
      resolved.fused &&
      resolved.loss === 'categoricalCrossentropy' &&
      last?.type === 'dense' &&
      last.activation === 'softmax';
    if (weights) this.loadWeights(weights);
  }

  /** Layers bound to buffers for batches of `rows` rows (cached per size). */
  bind(rows: number): BoundLayer[] {
    let b = this.bound.get(rows);
    if (!b) {
      b = this.layers.map((l) => l.bind(rows));
      this.bound.set(rows, b);
    }
    return b;
  }

  /**
   * Forward pass of x [rows, inputs]; returns the output tensor [rows, outputs] (owned by the network). With
   * `mode.logits`, when `takesLogits`, the output layer's logits instead (only the output layer sees the flag).
   */
  forward(x: Tensor, rows: number, mode: ForwardMode): Tensor {
    let h = x;
    const layers = this.bind(rows);
    const inner = mode.logits ? { ...mode, logits: false } : mode;
    layers.forEach((l, i) => {
      h = l.forward(h, i === layers.length - 1 ? mode : inner);
    });
    return h;
  }

  /**
   * Backward pass from dLoss/dOutput (or dLoss/dLogits when the loss is fused with the output
   * activation), layer by layer from the output: each layer turns dLoss/dOutput into dLoss/dInput by the
   * chain rule and fills its parameter gradients. `observe(i, g, fused)` sees the gradient arriving at
   * layer i's output (dLoss/dLogits when `fused`) before that layer's backward runs. With `toInputs`, the
   * first layer also passes the gradient on, and the result is dOutput/dInputs [rows, inputs] (owned by the
   * network, valid until the next pass); without it, null.
   */
  backward(
    rows: number,
    dOut: Tensor,
    observe?: (layer: number, g: Tensor, fused: boolean) => void,
    toInputs = false,
  ): Tensor | null {
    const b = this.bind(rows);
    let g: Tensor | null = dOut;
    let fusedPending = this.resolved.fused;
    for (let i = b.length - 1; i >= 0 && g; i--) {
      const layer = this.layers[i];
      const carriesOutputActivation = layer.type === 'dense' || layer.type === 'activation';
      const skip = fusedPending && carriesOutputActivation;
      if (carriesOutputActivation) fusedPending = false;
      observe?.(i, g, skip);
      g = b[i].backward(g, i > 0 || toInputs, skip);
    }
    return toInputs ? g : null;
  }

  /** Copy every parameter back to the host as named tensors. */
  async readWeights(): Promise<WeightTensor[]> {
    const out: WeightTensor[] = [];
    for (const p of this.params) {
      const data = await this.backend.read(p.value);
      out.push({ layer: p.layer, name: p.name, shape: [...p.shape], data: Array.from(data) });
    }
    return out;
  }

  /** Load named tensors; every parameter must be present with its exact shape. */
  loadWeights(weights: readonly WeightTensor[]): void {
    const problems: Problem[] = [];
    const byKey = new Map(weights.map((w) => [`${w.layer}/${w.name}`, w]));
    for (const p of this.params) {
      const w = byKey.get(`${p.layer}/${p.name}`);
      const path = `weights['${p.layer}/${p.name}']`;
      if (!w) {
        problems.push(trainMessages.missingWeight(path, p.name, p.layer));
        continue;
      }
      const size = p.shape.reduce((a, c) => a * c, 1);
      if (w.shape.join(',') !== p.shape.join(',') || w.data.length !== size) {
        problems.push(trainMessages.weightShape(path, p.name, p.layer, w.shape, w.data.length, p.shape));
        continue;
      }
      this.backend.write(p.value, Float32Array.from(w.data));
    }
    if (problems.length) throw new ModelFileError(problems);
  }

  /** Free every tensor of this network: batch buffers and parameters. */
  dispose(): void {
    for (const bound of this.bound.values()) for (const l of bound) l.dispose();
    this.bound.clear();
    for (const p of this.params) {
      this.backend.dispose(p.value);
      if (p.grad) this.backend.dispose(p.grad);
    }
  }
}
