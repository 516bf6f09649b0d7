/** One backward pass without an update: dLoss/dW for every weight, for teaching and cross-checks. */
import type { Backend, Tensor } from '../backend/backend.ts';
import { CpuBackend } from '../backend/cpu/index.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { NetworkSpec, Task } from '../spec/types.ts';
import { checkMemory } from './memory.ts';
import { meanLoss } from './metrics.ts';
import { Network } from './network.ts';
import type { WeightTensor } from './types.ts';

/** Loss and gradients of the mean loss over the given rows. */
export interface GradientReport {
  /** Mean data loss over the rows, without the penalty. */
  loss: number;
  /** Regularization penalty Σ l1·|w| + l2·w² over the penalized kernels. */
  penalty: number;
  /** loss + penalty: the quantity the gradients are of. */
  totalLoss: number;
  rows: number;
  /** Same layout as the model file's weights; only trained tensors (not batch-norm running statistics). */
  gradients: WeightTensor[];
}

/** Host copy of a tensor: exact (float64 in float64 mode) on the CPU reference backend, else float32. */
function readHost(backend: Backend, t: Tensor): Promise<Float32Array | Float64Array> {
  return backend instanceof CpuBackend ? Promise.resolve(backend.readExact(t)) : backend.read(t);
}

/**
 * Gradients of (mean loss + penalty) with respect to every trained tensor, with dropout off and batch
 * norm on its running statistics, so the result is deterministic.
 */
export async function computeGradients(
  spec: NetworkSpec,
  task: Task,
  weights: readonly WeightTensor[],
  x: Float32Array,
  y: Float32Array,
  rows: number,
  backend: Backend,
): Promise<GradientReport> {
  const net = resolveNetwork(spec, x.length / Math.max(1, rows), task);
  checkMemory(net, rows, 'sgd', 'fewer rows at once', 0);
  const network = new Network(net, backend, 0, weights);
  try {
    const xt = backend.tensor([rows, net.inputs], x);
    const yt = backend.tensor([rows, 1], y.subarray(0, rows));
    const d = backend.tensor([rows, net.outputs]);
    const out = network.forward(xt, rows, { training: false, seed: 0, step: 0 });
    const outHost = await readHost(backend, out);
    const loss = meanLoss(net.loss, outHost, y, rows, net.outputs, net.huberDelta);
    backend.lossGradient(net.loss, out, yt, d, net.huberDelta, net.fused);
    network.backward(rows, d);
    let penalty = 0;
    const gradients: WeightTensor[] = [];
    for (const p of network.trainable) {
      if (p.l1 || p.l2) {
        backend.addRegularizationGradient(p.value, p.grad!, p.l1, p.l2);
        for (const w of await readHost(backend, p.value)) penalty += p.l1 * Math.abs(w) + p.l2 * w * w;
      }
      gradients.push({
        layer: p.layer,
        name: p.name,
        shape: [...p.shape],
        data: Array.from(await readHost(backend, p.grad!)),
      });
    }
    for (const t of [xt, yt, d]) backend.dispose(t);
    return { loss, penalty, totalLoss: loss + penalty, rows, gradients };
  } finally {
    network.dispose();
  }
}
