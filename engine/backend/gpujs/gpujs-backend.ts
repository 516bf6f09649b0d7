/**
 * The gpu.js backend: every op of the Backend interface as gpu.js kernels, tensors kept on the device
 * (textures, storage buffers, or wasm-side arrays) between ops; only `read` downloads.
 *
 * Lost-device contract: when the GPU goes away (WebGPU device lost, WebGL context lost) the next
 * `sync()` or `read()` rejects with a BackendError coded `backend/device-lost` (ops themselves never
 * throw for it: they are only enqueued). From then on every op is skipped and every `sync()`/`read()`
 * rejects the same way; the tensors' contents are gone, so the caller resumes elsewhere from host copies.
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
import type { Device } from './device.ts';
import { BufferStats, GpuJsTensor } from './device-buffer.ts';
import { KernelRunner } from './kernel-runner.ts';
import { deviceLost } from './messages.ts';
import { activationBackward, activationForward } from './ops/activation.ts';
import { batchNormBackward, batchNormForward } from './ops/batch-norm.ts';
import { denseBackward, denseForward } from './ops/dense.ts';
import { dropoutBackward, dropoutForward } from './ops/dropout.ts';
import { lossAccumulate, lossGradient, lossStep } from './ops/loss.ts';
import { copyInto, download, FillCache, upload } from './ops/memory.ts';
import { own, type OpContext } from './ops/op-context.ts';
import { applyLayerUpdate } from './ops/layer-update.ts';
import { addRegularizationGradient, applyUpdate } from './ops/optimizer.ts';
import { accumulateSquaredNorms, clipByGlobalNorm } from './ops/reduction.ts';
import { OpQueue } from './op-queue.ts';

/** The Backend implemented with gpu.js kernels on one device. */
export class GpuJsBackend implements Backend {
  readonly name: BackendName;
  readonly label: string;
  private readonly queue = new OpQueue();
  private readonly ctx: OpContext;
  private readonly fills: FillCache;
  private destroyed = false;

  constructor(private readonly device: Device) {
    this.name = `gpujs-${device.mode}`;
    this.label = device.label;
    const buffers = new BufferStats();
    this.ctx = { device, runner: new KernelRunner(device, this.queue, buffers), buffers };
    this.fills = new FillCache(this.ctx);
  }

  /** Kernels compiled so far (one per op, shape and constants). */
  get compiledKernels(): number {
    return this.ctx.runner.compiledCount;
  }

  /** Kernel launches run so far (read after `sync()`): the bench divides them by the training steps. */
  get launches(): number {
    return this.ctx.runner.launchCount;
  }

  /** Device buffers alive now (after `sync()`): constant across epochs, back to the fill cache after a run. */
  get liveBuffers(): number {
    return this.ctx.buffers.live;
  }

  /** Lose the device on purpose, to exercise the fallback path (tests, and the app's "simulate GPU loss" drill). */
  simulateDeviceLoss(): Promise<void> {
    return this.device.loseForTesting();
  }

  tensor(shape: readonly number[], data?: Float32Array): Tensor {
    assert(!this.destroyed, 'tensor() on a destroyed gpu.js backend');
    const size = shape.reduce((a, b) => a * b, 1);
    assert(Number.isInteger(size) && size > 0, `tensor of shape [${shape.join(', ')}]`);
    const t = new GpuJsTensor([...shape], size);
    if (data) upload(this.ctx, t, data);
    else this.fills.fill(t, 0);
    return t;
  }

  write(t: Tensor, data: Float32Array): void {
    upload(this.ctx, own(t), data);
  }

  gatherRows(
    t: Tensor,
    source: Float32Array,
    cols: number,
    rowIndices: Int32Array | Uint32Array,
    start: number,
    count: number,
  ): void {
    assert(count * cols === t.size, 'gatherRows count does not match the tensor');
    const rows = new Float32Array(t.size);
    for (let r = 0; r < count; r++) {
      const s = rowIndices[start + r] * cols;
      rows.set(source.subarray(s, s + cols), r * cols);
    }
    upload(this.ctx, own(t), rows);
  }

  async read(t: Tensor): Promise<Float32Array> {
    let out: Float32Array | null = null;
    download(this.ctx, own(t), (data) => {
      out = data;
    });
    await this.sync();
    assert(out !== null, 'read finished without data');
    return out;
  }

  copy(src: Tensor, dst: Tensor): void {
    copyInto(this.ctx, own(src), own(dst));
  }

  fill(t: Tensor, value: number): void {
    this.fills.fill(own(t), value);
  }

  dispose(t: Tensor): void {
    const g = own(t);
    g.disposed = true;
    this.ctx.runner.enqueue('dispose', () => g.unbind());
  }

  denseForward(x: Tensor, w: Tensor, b: Tensor, y: Tensor, activation: FusedActivation = 'linear'): void {
    denseForward(this.ctx, own(x), own(w), own(b), own(y), activation);
  }

  denseBackward(x: Tensor, w: Tensor, dz: Tensor, dw: Tensor, db: Tensor, dx: Tensor | null): void {
    denseBackward(this.ctx, own(x), own(w), own(dz), own(dw), own(db), dx ? own(dx) : null);
  }

  activationForward(name: ActivationName, z: Tensor, y: Tensor): void {
    activationForward(this.ctx, name, own(z), own(y));
  }

  activationBackward(name: ActivationName, z: Tensor, y: Tensor, dy: Tensor, dz: Tensor): void {
    activationBackward(this.ctx, name, own(z), own(y), own(dy), own(dz));
  }

  dropoutForward(x: Tensor, mask: Tensor, y: Tensor, rate: number, seed: number, step: number): void {
    dropoutForward(this.ctx, own(x), own(mask), own(y), rate, seed, step);
  }

  dropoutBackward(dy: Tensor, mask: Tensor, dx: Tensor): void {
    dropoutBackward(this.ctx, own(dy), own(mask), own(dx));
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
    batchNormForward(
      this.ctx,
      {
        x: own(x),
        gamma: own(gamma),
        beta: own(beta),
        runningMean: own(runningMean),
        runningVar: own(runningVar),
        y: own(y),
        xhat: own(xhat),
        invStd: own(invStd),
      },
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
    batchNormBackward(
      this.ctx,
      {
        dy: own(dy),
        xhat: own(xhat),
        gamma: own(gamma),
        invStd: own(invStd),
        dx: own(dx),
        dgamma: own(dgamma),
        dbeta: own(dbeta),
      },
      training,
    );
  }

  lossAccumulate(loss: LossName, pred: Tensor, target: Tensor, acc: Tensor, huberDelta: number): void {
    lossAccumulate(this.ctx, loss, own(pred), own(target), own(acc), huberDelta);
  }

  lossGradient(
    loss: LossName,
    pred: Tensor,
    target: Tensor,
    dpred: Tensor,
    huberDelta: number,
    fusedLogits: boolean,
  ): void {
    lossGradient(this.ctx, loss, own(pred), own(target), own(dpred), huberDelta, fusedLogits);
  }

  lossStep(
    loss: LossName,
    tensors: { out: Tensor; target: Tensor; acc: Tensor; dpred: Tensor },
    huberDelta: number,
    fusedLogits: boolean,
    fromLogits: boolean,
  ): void {
    const { out, target, acc, dpred } = tensors;
    const owned = { out: own(out), target: own(target), acc: own(acc), dpred: own(dpred) };
    lossStep(this.ctx, loss, owned, huberDelta, fusedLogits, fromLogits);
  }

  addRegularizationGradient(w: Tensor, g: Tensor, l1: number, l2: number): void {
    addRegularizationGradient(this.ctx, own(w), own(g), l1, l2);
  }

  accumulateSquaredNorms(ts: readonly Tensor[], acc: Tensor, first: number): void {
    accumulateSquaredNorms(this.ctx, ts.map(own), own(acc), first);
  }

  clipByGlobalNorm(grads: readonly Tensor[], acc: Tensor, from: number, to: number, maxNorm: number): void {
    clipByGlobalNorm(this.ctx, grads.map(own), own(acc), from, to, maxNorm);
  }

  applyUpdate(step: OptimizerUpdate, w: Tensor, g: Tensor, slots: OptimizerSlots): void {
    applyUpdate(this.ctx, step, own(w), own(g), { a: own(slots.a), b: own(slots.b) });
  }

  applyLayerUpdate(step: OptimizerUpdate, updates: readonly TensorUpdate[]): void {
    const owned = updates.map((u) => ({ w: own(u.w), g: own(u.g), slots: { a: own(u.slots.a), b: own(u.slots.b) } }));
    applyLayerUpdate(this.ctx, step, owned);
  }

  async sync(): Promise<void> {
    try {
      await this.queue.drain();
    } catch (e) {
      throw this.ctx.runner.toBackendError(e, 'sync');
    }
    // a lost GL context reads back zeros without any error: check after every drain
    if (this.device.isLost()) {
      const e = deviceLost(this.label, 'reported after the last op');
      this.queue.fail(e);
      throw e;
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.fills.clear();
    this.ctx.runner.enqueue('destroy', () => {
      this.ctx.runner.destroy();
      this.device.gpu.destroy();
    });
  }
}
