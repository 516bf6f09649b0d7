/** The reference backend: plain TypeScript over typed arrays. Float32 normally; float64 for gradient checks. */
import { assert } from '../../errors.ts';
import type { ActivationName, LossName } from '../../spec/types.ts';
import type {
  Backend,
  BackendName,
  FusedActivation,
  OptimizerSlots,
  OptimizerUpdate,
  Tensor,
  TensorUpdate,
} from '../backend.ts';
import type { Buf } from './buffer.ts';
import * as dense from './dense.ts';
import * as act from './activation.ts';
import * as drop from './dropout.ts';
import * as bn from './batch-norm.ts';
import * as lossK from './loss.ts';
import * as opt from './optimizer.ts';

/** A tensor of the CPU backend: a shape over a host array. */
export class CpuTensor implements Tensor {
  disposed = false;
  constructor(
    readonly shape: readonly number[],
    readonly size: number,
    readonly data: Buf,
  ) {}
}

/** Options of the CPU backend. */
export interface CpuBackendOptions {
  /** 'float64' only for gradient checks and exact comparisons. */
  precision?: 'float32' | 'float64';
}

function rowsCols(t: Tensor): [number, number] {
  const s = t.shape;
  return s.length === 1 ? [1, s[0]] : [s[0], t.size / s[0]];
}

/** The plain-TypeScript backend. */
export class CpuBackend implements Backend {
  readonly name: BackendName = 'cpu';
  readonly label: string;
  private readonly f64: boolean;

  constructor(options: CpuBackendOptions = {}) {
    this.f64 = options.precision === 'float64';
    this.label = this.f64 ? 'CPU · TypeScript (float64)' : 'CPU · TypeScript';
  }

  private d(t: Tensor): Buf {
    assert(t instanceof CpuTensor, 'tensor from another backend passed to the CPU backend');
    assert(!t.disposed, 'disposed tensor used');
    return t.data;
  }

  tensor(shape: readonly number[], data?: Float32Array | Float64Array): Tensor {
    const size = shape.reduce((a, b) => a * b, 1);
    const buf = this.f64 ? new Float64Array(size) : new Float32Array(size);
    if (data) {
      assert(data.length === size, `tensor data length ${data.length} does not match shape [${shape.join(', ')}]`);
      buf.set(data);
    }
    return new CpuTensor([...shape], size, buf);
  }

  write(t: Tensor, data: Float32Array | Float64Array): void {
    assert(data.length === t.size, `write of ${data.length} values into a tensor of ${t.size}`);
    this.d(t).set(data);
  }

  gatherRows(
    t: Tensor,
    source: Float32Array,
    cols: number,
    rows: Int32Array | Uint32Array,
    start: number,
    count: number,
  ): void {
    const out = this.d(t);
    assert(count * cols === t.size, 'gatherRows count does not match the tensor');
    for (let r = 0; r < count; r++) {
      const s = rows[start + r] * cols;
      out.set(source.subarray(s, s + cols), r * cols);
    }
  }

  async read(t: Tensor): Promise<Float32Array> {
    return Float32Array.from(this.d(t));
  }

  /** Synchronous, exact read (float64 in float64 mode): for tests and step-through. */
  readExact(t: Tensor): Buf {
    return this.d(t).slice();
  }

  copy(src: Tensor, dst: Tensor): void {
    this.d(dst).set(this.d(src));
  }

  fill(t: Tensor, value: number): void {
    this.d(t).fill(value);
  }

  dispose(t: Tensor): void {
    (t as CpuTensor).disposed = true;
  }

  denseForward(x: Tensor, w: Tensor, b: Tensor, y: Tensor, activation: FusedActivation = 'linear'): void {
    const [inputs, units] = [w.shape[0], w.shape[1]];
    const n = x.size / inputs;
    dense.denseForward(this.d(x), this.d(w), this.d(b), this.d(y), n, inputs, units);
    // z rounded to the tensor's precision first, then f in place: the same values as the unfused pair
    if (activation !== 'linear') act.activationForward(activation, this.d(y), this.d(y), n, units);
  }

  denseBackward(x: Tensor, w: Tensor, dz: Tensor, dw: Tensor, db: Tensor, dx: Tensor | null): void {
    const [inputs, units] = [w.shape[0], w.shape[1]];
    dense.denseBackward(
      this.d(x),
      this.d(w),
      this.d(dz),
      this.d(dw),
      this.d(db),
      dx ? this.d(dx) : null,
      x.size / inputs,
      inputs,
      units,
    );
  }

  activationForward(name: ActivationName, z: Tensor, y: Tensor): void {
    const [r, c] = rowsCols(z);
    act.activationForward(name, this.d(z), this.d(y), r, c);
  }

  activationBackward(name: ActivationName, z: Tensor, y: Tensor, dy: Tensor, dz: Tensor): void {
    const [r, c] = rowsCols(z);
    act.activationBackward(name, this.d(z), this.d(y), this.d(dy), this.d(dz), r, c);
  }

  dropoutForward(x: Tensor, mask: Tensor, y: Tensor, rate: number, seed: number, step: number): void {
    drop.dropoutForward(this.d(x), this.d(mask), this.d(y), x.size, rate, seed, step);
  }

  dropoutBackward(dy: Tensor, mask: Tensor, dx: Tensor): void {
    drop.dropoutBackward(this.d(dy), this.d(mask), this.d(dx), dy.size);
  }

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
  ): void {
    const [n, f] = rowsCols(x);
    bn.batchNormForward(
      this.d(x),
      this.d(gamma),
      this.d(beta),
      this.d(runningMean),
      this.d(runningVar),
      this.d(y),
      this.d(xhat),
      this.d(invStd),
      n,
      f,
      momentum,
      epsilon,
      training,
    );
  }

  batchNormBackward(
    dy: Tensor,
    xhat: Tensor,
    gamma: Tensor,
    invStd: Tensor,
    dx: Tensor,
    dgamma: Tensor,
    dbeta: Tensor,
    training: boolean,
  ): void {
    const [n, f] = rowsCols(dy);
    bn.batchNormBackward(
      this.d(dy),
      this.d(xhat),
      this.d(gamma),
      this.d(invStd),
      this.d(dx),
      this.d(dgamma),
      this.d(dbeta),
      n,
      f,
      training,
    );
  }

  lossAccumulate(loss: LossName, pred: Tensor, target: Tensor, acc: Tensor, huberDelta: number): void {
    const [n, k] = rowsCols(pred);
    lossK.lossAccumulate(loss, this.d(pred), this.d(target), this.d(acc), n, k, huberDelta);
  }

  lossGradient(
    loss: LossName,
    pred: Tensor,
    target: Tensor,
    dpred: Tensor,
    huberDelta: number,
    fusedLogits: boolean,
  ): void {
    const [n, k] = rowsCols(pred);
    lossK.lossGradient(loss, this.d(pred), this.d(target), this.d(dpred), n, k, huberDelta, fusedLogits);
  }

  lossStep(
    loss: LossName,
    tensors: { out: Tensor; target: Tensor; acc: Tensor; dpred: Tensor },
    huberDelta: number,
    fusedLogits: boolean,
    fromLogits: boolean,
  ): void {
    const { out, target, acc, dpred } = tensors;
    // from logits, the probabilities go to dpred first: the gradient is elementwise, so it may overwrite them
    const pred = fromLogits ? dpred : out;
    if (fromLogits) this.activationForward('softmax', out, dpred);
    this.lossAccumulate(loss, pred, target, acc, huberDelta);
    this.lossGradient(loss, pred, target, dpred, huberDelta, fusedLogits);
  }

  addRegularizationGradient(w: Tensor, g: Tensor, l1: number, l2: number): void {
    opt.addRegularizationGradient(this.d(w), this.d(g), w.size, l1, l2);
  }

  accumulateSquaredNorms(ts: readonly Tensor[], acc: Tensor, first: number): void {
    const a = this.d(acc);
    assert(
      first >= 0 && first + ts.length <= acc.size,
      `squared-norm slots [${first}, ${first + ts.length}) outside an accumulator of ${acc.size}`,
    );
    ts.forEach((t, i) => (a[first + i] += opt.sumSquares(this.d(t), t.size)));
  }

  clipByGlobalNorm(grads: readonly Tensor[], acc: Tensor, from: number, to: number, maxNorm: number): void {
    const a = this.d(acc);
    let s = 0;
    for (let i = from; i < to; i++) s += a[i];
    const norm = Math.sqrt(s);
    if (!(norm > maxNorm)) return;
    const k = maxNorm / norm;
    for (const g of grads) {
      const d = this.d(g);
      for (let i = 0; i < d.length; i++) d[i] *= k;
    }
  }

  applyLayerUpdate(step: OptimizerUpdate, updates: readonly TensorUpdate[]): void {
    for (const u of updates) this.applyUpdate(step, u.w, u.g, u.slots);
  }

  applyUpdate(step: OptimizerUpdate, w: Tensor, g: Tensor, slots: OptimizerSlots): void {
    opt.applyUpdate(step, this.d(w), this.d(g), this.d(slots.a), this.d(slots.b), w.size);
  }

  async sync(): Promise<void> {}

  destroy(): void {}
}
