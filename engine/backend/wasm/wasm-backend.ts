/**
 * The WebAssembly SIMD backend: tensors live in the kernel module's linear memory; ops run synchronously.
 * One file because it is the `Backend` interface implemented once, one short method per op (each a call of its
 * kernel, whose formula is in assembly/), like cpu/cpu-backend.ts; split, one interface would span files.
 */
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
import { BlockAllocator } from './allocator.ts';
import { ACTIVATION_CODES, LOSS_CODES } from './codes.ts';
import { INIT_BIAS, INIT_ZERO, type Kernels } from './kernels.ts';
import type { KernelThreads } from './threads.ts';
import type { WasmMemory } from './webassembly.ts';

/** A tensor of the wasm backend: a shape over `size` float32 values at byte address `ptr`. */
export class WasmTensor implements Tensor {
  disposed = false;
  constructor(
    readonly shape: readonly number[],
    readonly size: number,
    readonly ptr: number,
    readonly owner: WasmBackend,
  ) {}
}

function rowsCols(t: Tensor): [number, number] {
  const s = t.shape;
  return s.length === 1 ? [1, s[0]] : [s[0], t.size / s[0]];
}

/** The Backend over the AssemblyScript kernels (see assembly/*.ts for each kernel's formula). */
export class WasmBackend implements Backend {
  readonly name: BackendName = 'wasm';
  /** Why it runs on this many threads (for the run log). */
  threadsDetail = '1 thread: no thread host was given';
  private threads: KernelThreads | null = null;
  private readonly alloc: BlockAllocator;
  /** View of the whole memory; replaced after every allocation, since growing detaches the old one. */
  private f32: Float32Array;
  /** Temporary space for kernels (Wᵀ in dense backward, f64 sums in batch norm). */
  private scratchPtr = 0;
  private scratchBytes = 0;
  private destroyed = false;

  constructor(
    private readonly k: Kernels,
    private readonly memory: WasmMemory,
    /** True when `k` is the relaxed-SIMD build (fused multiply-add in the GEMM). */
    readonly fused = false,
  ) {
    this.alloc = new BlockAllocator(memory, k.heapBase());
    this.f32 = new Float32Array(memory.buffer);
  }

  /** Badge text, e.g. "WebAssembly SIMD · 2 threads" or "WebAssembly SIMD + FMA · 1 thread". */
  get label(): string {
    const n = this.threads?.count ?? 1;
    return `WebAssembly SIMD${this.fused ? ' + FMA' : ''} · ${n} thread${n > 1 ? 's' : ''}`;
  }

  /** Why this many threads (BackendInfo.detail, for the run log). */
  get detail(): string {
    return this.threadsDetail;
  }

  /** How the helpers shared the work so far (null on 1 thread). */
  get threadStats(): Readonly<KernelThreads['stats']> | null {
    return this.threads?.stats ?? null;
  }

  /** Threads in use, the calling one included. */
  get threadCount(): number {
    return this.threads?.count ?? 1;
  }

  /** Run the big multiplies and Adam updates on `threads` from now on (null: this thread only). */
  useThreads(threads: KernelThreads | null, detail: string): void {
    this.threads = threads;
    this.threadsDetail = detail;
  }

  /** Raw memory block (the helpers' job block; released with `free`). */
  allocBytes(bytes: number): number {
    return this.allocate(bytes);
  }

  /** Release a block from allocBytes. */
  free(ptr: number): void {
    this.alloc.release(ptr);
  }

  /** C rows [0, m) = act(init + A·B) (assembly/gemm.ts), on every thread when they are in use. */
  gemm(
    a: number,
    sai: number,
    sak: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    m: number,
    n: number,
    k: number,
    init: number,
    bias: number,
    act = ACTIVATION_CODES.linear,
  ): void {
    this.gemmOn(this.threads, a, sai, sak, b, ldb, c, ldc, m, n, k, init, bias, act);
  }

  /** gemm on the given threads (null: this thread only). */
  private gemmOn(
    threads: KernelThreads | null,
    a: number,
    sai: number,
    sak: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    m: number,
    n: number,
    k: number,
    init: number,
    bias: number,
    act: number,
  ): void {
    if (threads) threads.gemmRows(a, sai, sak, b, ldb, c, ldc, m, n, k, init, bias, act);
    else this.k.gemmRows(a, sai, sak, b, ldb, c, ldc, 0, m, n, k, init, bias, act);
  }

  /** Bytes of wasm memory held by live tensors and scratch (for leak checks). */
  get bytesInUse(): number {
    return this.alloc.bytesInUse;
  }

  /** Size of the whole linear memory in bytes (it only grows). */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
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
    if (this.f32.length * 4 !== this.memory.buffer.byteLength) this.f32 = new Float32Array(this.memory.buffer);
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

  gatherRows(
    t: Tensor,
    source: Float32Array,
    cols: number,
    rows: Int32Array | Uint32Array,
    start: number,
    count: number,
  ): void {
    assert(count * cols === t.size, 'gatherRows count does not match the tensor');
    const base = this.at(t);
    const f32 = this.f32;
    if (cols >= 64) {
      for (let r = 0; r < count; r++) {
        const s = rows[start + r] * cols;
        f32.set(source.subarray(s, s + cols), base + r * cols);
      }
      return;
    }
    // Short rows: a plain loop beats creating a subarray view per row (measured 10× on W1's 32 and 1 columns).
    for (let r = 0, o = base; r < count; r++) {
      const s = rows[start + r] * cols;
      for (let j = 0; j < cols; j++) f32[o++] = source[s + j];
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

  denseForward(x: Tensor, w: Tensor, b: Tensor, y: Tensor, activation: FusedActivation = 'linear'): void {
    const [inputs, units] = [w.shape[0], w.shape[1]];
    const n = x.size / inputs;
    assert(y.size === n * units && b.size === units, 'denseForward shapes do not match');
    // y = f(x·W + b): A = x (row stride `inputs`), B = W, C starts from the bias row; f runs on each band as it is finished.
    this.gemm(
      this.p(x),
      inputs,
      1,
      this.p(w),
      units,
      this.p(y),
      units,
      n,
      units,
      inputs,
      INIT_BIAS,
      this.p(b),
      ACTIVATION_CODES[activation],
    );
  }

  denseBackward(x: Tensor, w: Tensor, dz: Tensor, dw: Tensor, db: Tensor, dx: Tensor | null): void {
    const [inputs, units] = [w.shape[0], w.shape[1]];
    const n = x.size / inputs;
    assert(dz.size === n * units && dw.size === w.size && db.size === units, 'denseBackward shapes do not match');
    // dW = xᵀ·dz: A(i, k) = x[k, i], read transposed in place (sai = 1, sak = inputs).
    this.gemm(this.p(x), 1, inputs, this.p(dz), units, this.p(dw), units, inputs, units, n, INIT_ZERO, 0);
    this.k.columnSums(this.p(dz), this.p(db), n, units);
    if (!dx) return;
    assert(dx.size === x.size, 'denseBackward dx shape does not match x');
    // dx = dz·Wᵀ: Wᵀ [units, inputs] is copied out first so B's rows are contiguous (1/n of the multiply's cost).
    const wt = this.scratch(w.size * 4);
    this.k.transpose(this.p(w), wt, inputs, units);
    this.gemm(this.p(dz), units, 1, wt, inputs, this.p(dx), inputs, n, inputs, units, INIT_ZERO, 0);
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
    const scratch = this.scratch(16 * f);
    this.k.batchNormForward(
      this.p(x),
      this.p(gamma),
      this.p(beta),
      this.p(runningMean),
      this.p(runningVar),
      this.p(y),
      this.p(xhat),
      this.p(invStd),
      n,
      f,
      momentum,
      epsilon,
      training ? 1 : 0,
      scratch,
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
    const scratch = this.scratch(16 * f);
    this.k.batchNormBackward(
      this.p(dy),
      this.p(xhat),
      this.p(gamma),
      this.p(invStd),
      this.p(dx),
      this.p(dgamma),
      this.p(dbeta),
      n,
      f,
      training ? 1 : 0,
      scratch,
    );
  }

  lossAccumulate(loss: LossName, pred: Tensor, target: Tensor, acc: Tensor, huberDelta: number): void {
    const [n, k] = rowsCols(pred);
    this.k.lossAccumulate(LOSS_CODES[loss], this.p(pred), this.p(target), this.p(acc), n, k, huberDelta);
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
    this.k.lossGradient(
      LOSS_CODES[loss],
      this.p(pred),
      this.p(target),
      this.p(dpred),
      n,
      k,
      huberDelta,
      fusedLogits ? 1 : 0,
    );
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
    this.k.addRegularizationGradient(this.p(w), this.p(g), w.size, l1, l2);
  }

  accumulateSquaredNorms(ts: readonly Tensor[], acc: Tensor, first: number): void {
    assert(
      first >= 0 && first + ts.length <= acc.size,
      `squared-norm slots [${first}, ${first + ts.length}) outside an accumulator of ${acc.size}`,
    );
    ts.forEach((t, i) => this.k.accumulateSquaredNorm(this.p(t), t.size, this.p(acc), first + i));
  }

  clipByGlobalNorm(grads: readonly Tensor[], acc: Tensor, from: number, to: number, maxNorm: number): void {
    const norm = this.k.globalNorm(this.p(acc), from, to);
    if (!(norm > maxNorm)) return;
    const s = maxNorm / norm;
    for (const g of grads) this.k.scale(this.p(g), g.size, s);
  }

  applyLayerUpdate(step: OptimizerUpdate, updates: readonly TensorUpdate[]): void {
    for (const u of updates) this.applyUpdate(step, u.w, u.g, u.slots);
  }

  applyUpdate(step: OptimizerUpdate, w: Tensor, g: Tensor, slots: OptimizerSlots): void {
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
        (this.threads ?? this.k).adam(pw, pg, pa, pb, n, lr, beta1, beta2, epsilon, 1 - lr * weightDecay, c1, c2);
        return;
      }
    }
  }

  async sync(): Promise<void> {}

  destroy(): void {
    this.destroyed = true;
    this.threads?.destroy();
    this.threads = null;
  }
}
