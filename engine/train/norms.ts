/**
 * Norms of a run: the gradients' penalty and clipping before each update, and what the trainer reads back at the
 * end of an epoch besides the loss (the L1/L2 penalty and per-layer norms).
 */
import type { DeviceState } from './device-state.ts';
import type { LayerNorms } from './types.ts';

/** Σ l1·|w| + l2·w² over the penalized tensors (read back only when there are any). */
export async function penaltyOf(network: DeviceState['network']): Promise<number> {
  let penalty = 0;
  for (const p of network.trainable) {
    if (!p.l1 && !p.l2) continue;
    for (const w of await network.backend.read(p.value)) penalty += p.l1 * Math.abs(w) + p.l2 * w * w;
  }
  return penalty;
}

/** Per layer with trained tensors: the gradient norm averaged over `steps` steps (from normAcc) and the weight norm. */
export async function layerNorms(state: DeviceState, steps: number, ids: string[]): Promise<LayerNorms[]> {
  const { backend: b, network, normAcc, weightAcc } = state;
  b.fill(weightAcc, 0);
  b.accumulateSquaredNorms(
    network.trainable.map((p) => p.value),
    weightAcc,
    0,
  );
  const g = await b.read(normAcc);
  const w = await b.read(weightAcc);
  return ids.map((id) => {
    let gs = 0;
    let ws = 0;
    network.trainable.forEach((p, i) => {
      if (p.layer === id) {
        gs += g[i];
        ws += w[i];
      }
    });
    return { id, gradNorm: Math.sqrt(gs / Math.max(1, steps)), weightNorm: Math.sqrt(ws) };
  });
}

/**
 * The gradients' last touches before the update: the L1/L2 penalty's gradient, the squared norms the
 * diagnostics read at the epoch's end, and clipping to a global norm when the optimizer sets one.
 */
export function penalizeAndClip(state: DeviceState, clipNorm: number | null): void {
  const { backend, network, normAcc, stepAcc, grads } = state;
  for (const p of network.trainable) if (p.l1 || p.l2) backend.addRegularizationGradient(p.value, p.grad!, p.l1, p.l2);
  backend.accumulateSquaredNorms(grads, normAcc, 0);
  if (clipNorm !== null) {
    backend.fill(stepAcc, 0);
    backend.accumulateSquaredNorms(grads, stepAcc, 0);
    backend.clipByGlobalNorm(grads, stepAcc, 0, grads.length, clipNorm);
  }
}
