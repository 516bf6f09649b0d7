/** Everything a run keeps on one backend (network, optimizer slots, accumulators, batch buffers), movable to another. */
import type { Backend, OptimizerSlots, Tensor, TensorUpdate } from '../backend/backend.ts';
import { TrainingError } from '../errors.ts';
import type { Optimizer } from '../optimizers/index.ts';
import type { ResolvedNetwork } from '../spec/resolve.ts';
import { trainMessages } from './messages.ts';
import { Network } from './network.ts';
import type { OptimizerCheckpoint, WeightTensor } from './types.ts';

/** A host copy of the run's state: weights and optimizer slots. */
export interface HostState {
  weights: WeightTensor[];
  slots: { a: Float32Array; b: Float32Array }[];
}

/** The run's tensors on one backend. */
export class DeviceState {
  readonly network: Network;
  readonly slots: OptimizerSlots[];
  /** [Σ loss, correct] of the epoch so far. */
  readonly acc: Tensor;
  /** Per trained tensor: Σ over the epoch's steps of ‖g‖². */
  readonly normAcc: Tensor;
  /** Per trained tensor: ‖g‖² of this step (for clipping). */
  readonly stepAcc: Tensor;
  /** Per trained tensor: ‖w‖². */
  readonly weightAcc: Tensor;
  readonly grads: Tensor[];
  /** The trained tensors with their gradients and slots, one list per layer (one optimizer launch each). */
  readonly layerUpdates: TensorUpdate[][];
  private readonly io = new Map<number, { x: Tensor; y: Tensor; d: Tensor }>();
  private readonly weighting = new Map<number, { w: Tensor; weighted: Tensor }>();

  constructor(
    readonly backend: Backend,
    readonly net: ResolvedNetwork,
    seed: number,
    optimizer: Optimizer,
    weights?: readonly WeightTensor[],
  ) {
    this.network = new Network(net, backend, seed, weights);
    const trainable = this.network.trainable;
    this.slots = trainable.map((p) => {
      const a = backend.tensor(p.shape);
      if (optimizer.slotInit.a !== 0) backend.fill(a, optimizer.slotInit.a);
      return { a, b: backend.tensor(optimizer.usesSlotB ? p.shape : [1]) };
    });
    const n = Math.max(1, trainable.length);
    this.acc = backend.tensor([2]);
    this.normAcc = backend.tensor([n]);
    this.stepAcc = backend.tensor([n]);
    this.weightAcc = backend.tensor([n]);
    this.grads = trainable.map((p) => p.grad!);
    const byLayer = new Map<string, TensorUpdate[]>();
    trainable.forEach((p, i) => {
      const list = byLayer.get(p.layer) ?? [];
      list.push({ w: p.value, g: p.grad!, slots: this.slots[i] });
      byLayer.set(p.layer, list);
    });
    this.layerUpdates = [...byLayer.values()];
  }

  /** Input, target and output-gradient buffers for batches of `rows`. */
  batchBuffers(rows: number): { x: Tensor; y: Tensor; d: Tensor } {
    let t = this.io.get(rows);
    if (!t) {
      const b = this.backend;
      t = { x: b.tensor([rows, this.net.inputs]), y: b.tensor([rows, 1]), d: b.tensor([rows, this.net.outputs]) };
      this.io.set(rows, t);
    }
    return t;
  }

  /** Class-weighting buffers for batches of `rows`: each row's weight per output, and the weighted dLoss/dOutput. */
  weightBuffers(rows: number): { w: Tensor; d: Tensor; weighted: Tensor } {
    let t = this.weighting.get(rows);
    if (!t) {
      t = { w: this.backend.tensor([rows, this.net.outputs]), weighted: this.backend.tensor([rows, this.net.outputs]) };
      this.weighting.set(rows, t);
    }
    return { ...t, d: this.batchBuffers(rows).d };
  }

  /** Copy weights and optimizer slots to the host. */
  async toHost(): Promise<HostState> {
    const weights = await this.network.readWeights();
    const slots = [];
    for (const s of this.slots) slots.push({ a: await this.backend.read(s.a), b: await this.backend.read(s.b) });
    return { weights, slots };
  }

  /** Put host slots back (after building from the same host weights). */
  loadSlots(host: Pick<HostState, 'slots'>): void {
    this.slots.forEach((s, i) => {
      this.backend.write(s.a, host.slots[i].a);
      this.backend.write(s.b, host.slots[i].b);
    });
  }

  /** Free every tensor on the backend. */
  dispose(): void {
    const b = this.backend;
    for (const s of this.slots) {
      b.dispose(s.a);
      b.dispose(s.b);
    }
    for (const t of this.io.values()) {
      b.dispose(t.x);
      b.dispose(t.y);
      b.dispose(t.d);
    }
    for (const t of this.weighting.values()) {
      b.dispose(t.w);
      b.dispose(t.weighted);
    }
    for (const t of [this.acc, this.normAcc, this.stepAcc, this.weightAcc]) b.dispose(t);
    this.network.dispose();
  }
}

/** The checkpoint's slots, when they fit this network and optimizer (else a TrainingError saying what differs). */
export function checkedSlots(c: OptimizerCheckpoint, state: DeviceState): OptimizerCheckpoint {
  const sizes = state.slots.map((s) => [s.a.size, s.b.size]);
  const fits =
    Number.isInteger(c.steps) &&
    c.steps >= 0 &&
    c.slots.length === sizes.length &&
    c.slots.every((s, i) => s.a.length === sizes[i][0] && s.b.length === sizes[i][1]);
  if (!fits) {
    throw new TrainingError(trainMessages.optimizerStateMismatch(c.slots.length, sizes.length));
  }
  return c;
}
