/** `auto` backend selection by calibration: time a few real training steps of this network on each candidate. */
import { autoCandidates, createBackend, type ChosenBackend } from '../backend/index.ts';
import type { Backend } from '../backend/backend.ts';
import { createOptimizer } from '../optimizers/index.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { BackendChoice, NetworkSpec, Task } from '../spec/types.ts';
import { resolveTraining } from './config.ts';
import { DeviceState } from './device-state.ts';
import { errorMessage } from '../errors.ts';

/** Steps timed per candidate, after warm-up steps that compile every kernel (GPU backends compile a second copy of some on the second step). */
const CALIBRATION_STEPS = 5;
const WARMUP_STEPS = 2;

/** What calibration measured, for the run log. */
export interface Calibration {
  name: string;
  msPerStep: number | null;
  error?: string;
}

/** Time training steps of `spec` at its batch size on a backend (random data, the real ops). */
export async function timeSteps(
  backend: Backend,
  spec: NetworkSpec,
  inputs: number,
  task: Task,
  now: () => number,
): Promise<number> {
  const net = resolveNetwork(spec, inputs, task);
  const cfg = resolveTraining(spec.training);
  const optimizer = createOptimizer(cfg.optimizer);
  const state = new DeviceState(backend, net, cfg.seed, optimizer);
  try {
    const rows = cfg.batchSize;
    const { x, y, d } = state.batchBuffers(rows);
    const xs = new Float32Array(rows * inputs).fill(0.5);
    const ys = new Float32Array(rows);
    // what a training step does (trainer.ts): upload the batch, forward, loss, backward, gradient norms,
    // update; the loss is read back once at the end, as training reads it every ~100 ms, not every step
    const step = () => {
      backend.write(x, xs);
      backend.write(y, ys);
      const logits = state.network.takesLogits;
      const out = state.network.forward(x, rows, { training: true, seed: 1, step: 0, logits });
      backend.lossStep(net.loss, { out, target: y, acc: state.acc, dpred: d }, net.huberDelta, net.fused, logits);
      state.network.backward(rows, d);
      backend.accumulateSquaredNorms(state.grads, state.normAcc, 0);
      for (const updates of state.layerUpdates) backend.applyLayerUpdate(optimizer.step(1e-9, 1), updates);
    };
    for (let i = 0; i < WARMUP_STEPS; i++) step();
    await backend.read(state.acc);
    const t0 = now();
    for (let i = 0; i < CALIBRATION_STEPS; i++) step();
    await backend.read(state.acc);
    return (now() - t0) / CALIBRATION_STEPS;
  } finally {
    state.dispose();
  }
}

/**
 * The backend to train on. A named choice is built (or fails with the available ones); `auto` times a few
 * steps of this very network on every candidate that works here and keeps the fastest.
 */
export async function selectBackend(
  choice: BackendChoice,
  spec: NetworkSpec,
  inputs: number,
  task: Task,
  now: () => number = Date.now,
): Promise<ChosenBackend & { calibration: Calibration[] }> {
  const chosen = await choose(choice, spec, inputs, task, now);
  const detail = chosen.backend.detail;
  return detail ? { ...chosen, reason: `${chosen.reason}; ${detail}` } : chosen;
}

async function choose(
  choice: BackendChoice,
  spec: NetworkSpec,
  inputs: number,
  task: Task,
  now: () => number,
): Promise<ChosenBackend & { calibration: Calibration[] }> {
  if (choice !== 'auto') return { ...(await createBackend(choice)), calibration: [] };
  const candidates = await autoCandidates();
  if (candidates.length <= 1) return { ...(await createBackend('auto')), calibration: [] };
  const calibration: Calibration[] = [];
  let best: { backend: Backend; ms: number } | null = null;
  for (const p of candidates) {
    let backend: Backend;
    try {
      backend = await p.create();
    } catch (e) {
      calibration.push({ name: p.name, msPerStep: null, error: errorMessage(e) });
      continue;
    }
    const ms = await timeSteps(backend, spec, inputs, task, now);
    calibration.push({ name: p.name, msPerStep: ms });
    if (!best || ms < best.ms) {
      best?.backend.destroy();
      best = { backend, ms };
    } else {
      backend.destroy();
    }
  }
  if (!best) return { ...(await createBackend('auto')), calibration };
  const others = calibration
    .filter((c) => c.name !== best!.backend.name)
    .map((c) => (c.msPerStep === null ? `${c.name} failed to start` : `${c.name} ${c.msPerStep.toFixed(2)} ms`))
    .join(', ');
  return {
    backend: best.backend,
    calibration,
    reason: `auto: fastest for this network at batch size ${resolveTraining(spec.training).batchSize} — ${best.ms.toFixed(2)} ms per step${others ? ` (vs ${others})` : ''}`,
  };
}
