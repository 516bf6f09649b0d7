/**
 * Compiles kernels (cached by body, output size and constants: gpu.js fixes both at compile time) and
 * runs them through the op queue, binding the output tensors to views of the result.
 */
import { assert, BackendError, errorMessage } from '../../errors.ts';
import type { Device } from './device.ts';
import { DeviceBuffer, GpuJsTensor, type BufferStats } from './device-buffer.ts';
import { asDeviceValue, type CompiledKernel, type KernelArgument, type KernelHelper } from './facade/gpujs-module.ts';
import { isPromiseLike } from './facade/reflect.ts';
import type { KernelThis } from './kernels/kernel-types.ts';
import { deviceLost, kernelDegraded, kernelFailed, mentionsDeviceLoss } from './messages.ts';
import type { OpQueue } from './op-queue.ts';

/** Compile-time integers of a kernel (sizes, loop bounds). */
export type Constants = Record<string, number>;

/** A kernel body with the helpers it calls, under a stable name. */
export interface KernelDef<C extends Constants> {
  name: string;
  body: (this: KernelThis<C>, ...args: never[]) => number | number[];
  helpers?: readonly KernelHelper[];
  /** `Array(4)`: each thread writes four floats, one texel (GL backends only). */
  returnType?: 'Array(4)';
}

/** Where one output tensor sits in a kernel's output. */
export interface OutputView {
  tensor: GpuJsTensor;
  offset: number;
}

/** One kernel launch. Tensor arguments expand to (memory, offset) pairs; host arrays upload as-is. */
export interface KernelCall<C extends Constants> {
  def: KernelDef<C>;
  /** Output elements (threads). */
  size: number;
  constants: C;
  args: readonly (GpuJsTensor | Float32Array | number)[];
  outputs: readonly OutputView[];
  /** Longest loop in the body, so gpu.js's loop cap never truncates it. */
  loop?: number;
}

/** One planned launch (KernelRunner.launchOf). */
export type Launch = () => void | Promise<void>;

/** A compiled copy of a kernel and the output it made last (free to render into again once no tensor views it). */
interface Instance {
  kernel: CompiledKernel;
  last: DeviceBuffer | null;
}

/** Runs kernels on one device, in queue order. */
export class KernelRunner {
  /** Per (body, size, constants): up to `device.instancesPerKernel` compiled copies, in LRU order of keys. */
  private readonly cache = new Map<string, Instance[]>();
  private readonly verified = new Set<CompiledKernel>();
  private evicted = 0;
  private launched = 0;

  constructor(
    private readonly device: Device,
    private readonly queue: OpQueue,
    private readonly buffers: BufferStats,
  ) {}

  /** Kernels compiled so far, evicted ones included (for tests and diagnostics). */
  get compiledCount(): number {
    let n = this.evicted;
    for (const list of this.cache.values()) n += list.length;
    return n;
  }

  /** Kernel launches run so far (the bench's launches per training step). */
  get launchCount(): number {
    return this.launched;
  }

  /** Enqueue a launch. Shape errors throw here, at the call site; device errors surface from sync/read. */
  exec<C extends Constants>(call: KernelCall<C>): void {
    checkCall(call);
    this.queue.run(() => this.guard(call.def.name, () => this.launch(call)));
  }

  /**
   * Enqueue launches planned only when they run, from the buffers the tensors are bound to then (every op
   * before them has run): for kernels whose arguments depend on which tensors share a buffer. The plan
   * returns its launches made by `launchOf`.
   */
  execPlanned(name: string, plan: () => readonly Launch[]): void {
    this.queue.run(() => this.guard(name, () => runInTurn(plan(), 0)));
  }

  /** A launch for `execPlanned`'s plan (checked now, run by the plan's op). */
  launchOf<C extends Constants>(call: KernelCall<C>): Launch {
    checkCall(call);
    return () => this.launch(call);
  }

  /** Run `op` in queue order, turning whatever it throws into the backend's errors. */
  enqueue(name: string, op: () => void | PromiseLike<void>): void {
    this.queue.run(() => this.guard(name, op));
  }

  /** Map a failure to a BackendError: device loss first (it explains most others), then kernel failure. */
  toBackendError(e: unknown, kernel: string): BackendError {
    if (e instanceof BackendError) return e;
    if (this.device.isLost() || mentionsDeviceLoss(e)) return deviceLost(this.device.label, errorMessage(e));
    return kernelFailed(this.device.label, kernel, errorMessage(e));
  }

  /** Destroy the least recently used kernels past the device's limit (ops run one at a time, so none is in use). */
  private evict(): void {
    while (this.cache.size > this.device.maxKernels) {
      const oldest = this.cache.keys().next();
      if (oldest.done) return;
      const list = this.cache.get(oldest.value) ?? [];
      this.cache.delete(oldest.value);
      for (const { kernel } of list) {
        this.verified.delete(kernel);
        kernel.destroy();
        this.evicted++;
      }
    }
  }

  /** Free every compiled kernel. */
  destroy(): void {
    for (const list of this.cache.values()) for (const { kernel } of list) kernel.destroy();
    this.cache.clear();
  }

  private guard(name: string, op: () => void | PromiseLike<void>): void | Promise<void> {
    try {
      if (this.device.isLost()) throw deviceLost(this.device.label, 'reported before launch');
      const r = op();
      if (isPromiseLike(r))
        return Promise.resolve(r).then(undefined, (e: unknown) => Promise.reject(this.toBackendError(e, name)));
    } catch (e) {
      throw this.toBackendError(e, name);
    }
  }

  private launch<C extends Constants>(call: KernelCall<C>): void | Promise<void> {
    this.launched++;
    const values: KernelArgument[] = [];
    const inputs = new Set<DeviceBuffer>();
    for (const a of call.args) {
      if (a instanceof GpuJsTensor) {
        const b = a.bound();
        values.push(b.buffer.value, b.offset);
        inputs.add(b.buffer);
      } else values.push(a);
    }
    // Outputs not read by this launch let go of their memory first, so the kernel can render into the
    // texture (GL) or buffer (WebGPU, facade/recycle-webgpu-output.ts) it made last time instead of a new one.
    for (const o of call.outputs) {
      const b = o.tensor.binding;
      if (b && !inputs.has(b.buffer)) o.tensor.unbind();
    }
    const instance = this.instance(call);
    const r = instance.kernel.run(values);
    if (isPromiseLike(r)) return Promise.resolve(r).then((v) => this.finish(call, instance, v));
    this.finish(call, instance, r);
  }

  private finish<C extends Constants>(call: KernelCall<C>, instance: Instance, result: unknown): void {
    const { kernel } = instance;
    if (!this.verified.has(kernel)) {
      const ran = kernel.executedMode();
      if (!this.device.ranHere(ran, kernel.executedContext())) {
        throw kernelDegraded(this.device.label, call.def.name, ran ?? 'unknown', kernel.fallbackReason());
      }
      this.verified.add(kernel);
    }
    const buffer = new DeviceBuffer(asDeviceValue(result), call.size, this.buffers);
    for (const o of call.outputs) o.tensor.bind(buffer, o.offset);
    buffer.release();
    instance.last = buffer;
  }

  /** A compiled copy whose last output no tensor views (so it can render into it again), compiling a second copy when allowed. */
  private instance<C extends Constants>(call: KernelCall<C>): Instance {
    const key = `${call.def.name}|${call.size}|${JSON.stringify(call.constants)}`;
    let list = this.cache.get(key);
    if (list) {
      // Map order is the LRU order
      this.cache.delete(key);
      this.cache.set(key, list);
    } else {
      list = [];
      this.cache.set(key, list);
    }
    const free = list.find((i) => i.last === null || !i.last.isLive);
    if (free) return free;
    if (list.length < this.device.instancesPerKernel) {
      const created: Instance = { kernel: this.compile(call), last: null };
      list.push(created);
      this.evict();
      return created;
    }
    // every copy's output is still viewed: gpu.js makes a fresh one
    return list[0];
  }

  private compile<C extends Constants>(call: KernelCall<C>): CompiledKernel {
    return this.device.gpu.createKernel(call.def.body, {
      output: [call.size],
      constants: call.constants,
      functions: call.def.helpers ?? [],
      loopMaxIterations: Math.max(1000, (call.loop ?? 0) + 1),
      asyncMode: this.device.asyncKernels,
      poolSize: this.device.poolSize,
      dynamicArguments: true,
      moduleCacheLimit: this.device.moduleCacheLimit,
      ...(call.def.returnType ? { returnType: call.def.returnType } : {}),
    });
  }
}

/** Shape checks of a launch (a failure is a bug at the call site). */
function checkCall<C extends Constants>(call: KernelCall<C>): void {
  assert(Number.isInteger(call.size) && call.size > 0, `kernel '${call.def.name}' with output size ${call.size}`);
  for (const a of call.args)
    if (a instanceof GpuJsTensor) assert(!a.disposed, `disposed tensor passed to '${call.def.name}'`);
  for (const o of call.outputs) {
    assert(!o.tensor.disposed, `disposed tensor written by '${call.def.name}'`);
    assert(
      o.offset + o.tensor.size <= call.size,
      `output view of '${call.def.name}' outside its ${call.size} elements`,
    );
  }
}

/** Run launches one after the other, waiting for each asynchronous one. */
function runInTurn(launches: readonly Launch[], from: number): void | Promise<void> {
  for (let i = from; i < launches.length; i++) {
    const r = launches[i]();
    if (isPromiseLike(r)) return Promise.resolve(r).then(() => runInTurn(launches, i + 1));
  }
}
