/** The WebAssembly SIMD backend: tensors live in the kernel module's linear memory; ops run synchronously. */
import { assert } from '../../errors.ts';
import type { ActivationName, LossName } from '../../spec/types.ts';
import type { Backend, BackendName, OptimizerSlots, OptimizerStep, Tensor } from '../backend.ts';
import { BlockAllocator } from './allocator.ts';
import { ACTIVATION_CODES, LOSS_CODES } from './codes.ts';
import type { Kernels } from './kernels.ts';

/** A tensor of the wasm backend: a shape over `size` float32 values at byte address `ptr`. */
export class WasmTensor implements Tensor {
  disposed = false;
  constructor(readonly shape: readonly number[], readonly size: number, readonly ptr: number, readonly owner: WasmBackend) {}
}

function rowsCols(t: Tensor): [number, number] {
  const s = t.shape;
  return s.length === 1 ? [1, s[0]] : [s[0], t.size / s[0]];
}

/** The Backend over the AssemblyScript kernels (see assembly/*.ts for each kernel's formula). */
export class WasmBackend implements Backend {
  readonly name: BackendName = 'wasm';
  readonly label = 'WebAssembly SIMD · 1 thread';
  private readonly alloc: BlockAllocator;
  /** View of the whole memory; replaced after every allocation, since growing detaches the old one. */
  private f32: Float32Array;
  /** Temporary space for kernels (Wᵀ in dense backward, f64 sums in batch norm). */
  private scratchPtr = 0;
  private scratchBytes = 0;
  private destroyed = false;

  constructor(private readonly k: Kernels) {
    this.alloc = new BlockAllocator(k.memory, k.heapBase());
    this.f32 = new Float32Array(k.memory.buffer);
  }

  /** Bytes of wasm memory held by live tensors and scratch (for leak checks). */
  get bytesInUse(): number {
    return this.alloc.bytesInUse;
  }

  /** Size of the whole linear memory in bytes (it only grows). */
  get memoryBytes(): number {
    return this.k.memory.buffer.byteLength;
  }

  private p(t: Tensor): number {
    assert(t instanceof WasmTensor && t.owner === this, 'tensor from another backend passed to the wasm backend');
    assert(!t.disposed, 'disposed tensor used');
    return t.ptr;
  }

  /** Index of t's first element in `this.f32`. */
  private at(t: Tensor): number {
    return this.p(t) >> 2;
  }

  private allocate(bytes: number): number {
    assert(!this.destroyed, 'wasm backend used after destroy()');
    const ptr = this.alloc.alloc(bytes);
    if (this.f32.buffer !== this.k.memory.buffer) this.f32 = new Float32Array(this.k.memory.buffer);
    return ptr;
  }

  private scratch(bytes: number): number {
    if (bytes > this.scratchBytes) {
      if (this.scratchBytes > 0) this.alloc.release(this.scratchPtr);
      this.scratchPtr = this.allocate(bytes);
      this.scratchBytes = bytes;
    }
    return this.scratchPtr;
  }

  tensor(shape: readonly number[], data?: Float32Array | Float64Array): Tensor {
    const size = shape.reduce((a, b) => a * b, 1);
    const ptr = this.allocate(size * 4);
    const t = new WasmTensor([...shape], size, ptr, this);
    if (data) {
      assert(data.length === size, `tensor data length ${data.length} does not match shape [${shape.join(', ')}]`);
      this.f32.set(data, ptr >> 2);
    } else {
      this.f32.fill(0, ptr >> 2, (ptr >> 2) + size);
    }
    return t;
  }

  write(t: Tensor, data: Float32Array | Float64Array): void {
    assert(data.length === t.size, `write of ${data.length} values into a tensor of ${t.size}`);
    this.f32.set(data, this.at(t));
  }

  gatherRows(t: Tensor, source: Float32Array, cols: number, rows: Int32Array | Uint32Array, start: number, count: number): void {
    assert(count * cols === t.size, 'gatherRows count does not match the tensor');
    const base = this.at(t);
    const f32 = this.f32;
    for (let r = 0; r < count; r++) {
      const s = rows[start + r] * cols;
      f32.set(source.subarray(s, s + cols), base + r * cols);
    }
  }

  async read(t: Tensor): Promise<Float32Array> {
    return this.readSync(t);
  }

  /** Synchronous copy of t's contents (the kernels run synchronously, so nothing is pending). */
  readSync(t: Tensor): Float32Array {
    const i = this.at(t);
    return this.f32.slice(i, i + t.size);
  }

  copy(src: Tensor, dst: Tensor): void {
    assert(src.size === dst.size, `copy of ${src.size} values into a tensor of ${dst.size}`);
    const s = this.at(src);
    this.f32.copyWithin(this.at(dst), s, s + src.size);
  }

  fill(t: Tensor, value: number): void {
    const i = this.at(t);
    this.f32.fill(value, i, i + t.size);
  }

  dispose(t: Tensor): void {
    const ptr = this.p(t);
    (t as WasmTensor).disposed = true;
    this.alloc.release(ptr);
  }

  denseForward(x: Tensor, w: Tensor, b: Tensor, z: Tensor): void {
    const [inputs, units] = [w.shape[0], w.shape[1]];
    const n = x.size / inputs;
    assert(z.size === n * units && b.size === units, 'denseForward shapes do not match');
    this.k.denseForward(this.p(x), this.p(w), this.p(b), this.p(z), n, inputs, units);
  }

  denseBackward(x: Tensor, w: Tensor, dz: Tensor, dw: Tensor, db: Tensor, dx: Tensor | null): void {
    const [inputs, units] = [w.shape[0], w.shape[1]];
    const n = x.size / inputs;
    assert(dz.size === n * units && dw.size === w.size && db.size === units, 'denseBackward shapes do not match');
    this.k.denseBackwardWeights(this.p(x), this.p(dz), this.p(dw), this.p(db), n, inputs, units);
    if (!dx) return;
    assert(dx.size === x.size, 'denseBackward dx shape does not match x');
    const scratch = this.scratch(w.size * 4);
    this.k.denseBackwardInput(this.p(w), this.p(dz), this.p(dx), scratch, n, inputs, units);
  }

  activationForward(name: ActivationName, z: Tensor, y: Tensor): void {
    const [r, c] = rowsCols(z);
    this.k.activationForward(ACTIVATION_CODES[name], this.p(z), this.p(y), r, c);
  }

  activationBackward(name: ActivationName, z: Tensor, y: Tensor, dy: Tensor, dz: Tensor): void {
    const [r, c] = rowsCols(z);
    this.k.activationBackward(ACTIVATION_CODES[name], this.p(z), this.p(y), this.p(dy), this.p(dz), r, c);
  }

  dropoutForward(x: Tensor, mask: Tensor, y: Tensor, rate: number, seed: number, step: number): void {
    this.k.dropoutForward(this.p(x), this.p(mask), this.p(y), x.size, rate, seed | 0, step | 0);
  }

  dropoutBackward(dy: Tensor, mask: Tensor, dx: Tensor): void {
    this.k.dropoutBackward(this.p(dy), this.p(mask), this.p(dx), dy.size);
  }

  batchNormForward(
    x: Tensor, gamma: Tensor, beta: Tensor, runningMean: Tensor, runningVar: Tensor,
    y: Tensor, xhat: Tensor, invStd: Tensor, momentum: number, epsilon: number, training: boolean,
  ): void {
    const [n, f] = rowsCols(x);
    const scratch = this.scratch(16 * f);
    this.k.batchNormForward(this.p(x), this.p(gamma), this.p(beta), this.p(runningMean), this.p(runningVar),
      this.p(y), this.p(xhat), this.p(invStd), n, f, momentum, epsilon, training ? 1 : 0, scratch);
  }

  batchNormBackward(dy: Tensor, xhat: Tensor, gamma: Tensor, invStd: Tensor, dx: Tensor, dgamma: Tensor, dbeta: Tensor, training: boolean): void {
    const [n, f] = rowsCols(dy);
    const scratch = this.scratch(16 * f);
    this.k.batchNormBackward(this.p(dy), this.p(xhat), this.p(gamma), this.p(invStd), this.p(dx), this.p(dgamma), this.p(dbeta),
      n, f, training ? 1 : 0, scratch);
  }

  lossAccumulate(loss: LossName, pred: Tensor, target: Tensor, acc: Tensor, huberDelta: number): void {
    const [n, k] = rowsCols(pred);
    this.k.lossAccumulate(LOSS_CODES[loss], this.p(pred), this.p(target), this.p(acc), n, k, huberDelta);
  }

  lossGradient(loss: LossName, pred: Tensor, target: Tensor, dpred: Tensor, huberDelta: number, fusedLogits: boolean): void {
    const [n, k] = rowsCols(pred);
    this.k.lossGradient(LOSS_CODES[loss], this.p(pred), this.p(target), this.p(dpred), n, k, huberDelta, fusedLogits ? 1 : 0);
  }

  addRegularizationGradient(w: Tensor, g: Tensor, l1: number, l2: number): void {
    this.k.addRegularizationGradient(this.p(w), this.p(g), w.size, l1, l2);
  }

  accumulateSquaredNorm(t: Tensor, acc: Tensor, index: number): void {
    assert(index >= 0 && index < acc.size, `squared-norm slot ${index} outside an accumulator of ${acc.size}`);
    this.k.accumulateSquaredNorm(this.p(t), t.size, this.p(acc), index);
  }

  clipByGlobalNorm(grads: readonly Tensor[], acc: Tensor, from: number, to: number, maxNorm: number): void {
    const norm = this.k.globalNorm(this.p(acc), from, to);
    if (!(norm > maxNorm)) return;
    const s = maxNorm / norm;
    for (const g of grads) this.k.scale(this.p(g), g.size, s);
  }

  optimizerStep(step: OptimizerStep, w: Tensor, g: Tensor, slots: OptimizerSlots): void {
    const [pw, pg, pa, pb, n] = [this.p(w), this.p(g), this.p(slots.a), this.p(slots.b), w.size];
    switch (step.type) {
      case 'sgd':
        this.k.sgd(pw, pg, pa, n, step.learningRate, step.momentum, step.nesterov ? 1 : 0);
        return;
      case 'rmsprop':
        this.k.rmsprop(pw, pg, pa, pb, n, step.learningRate, step.rho, step.epsilon, step.momentum);
        return;
      case 'adagrad':
        this.k.adagrad(pw, pg, pa, n, step.learningRate, step.epsilon);
        return;
      case 'adam': {
        const { learningRate: lr, beta1, beta2, epsilon, weightDecay, t } = step;
        const c1 = 1 / (1 - Math.pow(beta1, t));
        const c2 = 1 / (1 - Math.pow(beta2, t));
        this.k.adam(pw, pg, pa, pb, n, lr, beta1, beta2, epsilon, 1 - lr * weightDecay, c1, c2);
        return;
      }
    }
  }

  async sync(): Promise<void> {}

  destroy(): void {
    this.destroyed = true;
  }
}
