/**
 * The training loop: mini-batch backpropagation.
 * Each step: 1. forward pass, 2. loss, 3. backward pass by the chain rule from the output,
 * 4. update every weight against its gradient, scaled by the learning rate (via the optimizer).
 * Around it, in their own modules: setting a run up (run-setup.ts), an epoch's summary (epoch-summary.ts),
 * early stopping (early-stopping.ts) and moving to another backend when the device is lost (device-fallback.ts).
 */
import { now as monotonicNow } from '../clock.ts';
import type { OptimizerUpdate, Tensor } from '../backend/backend.ts';
import type { NetworkSpec } from '../spec/types.ts';
import { weighGradient } from './class-weights.ts';
import { DeviceFallback } from './device-fallback.ts';
import { checkedSlots, DeviceState } from './device-state.ts';
import { checkGradients } from './diagnostics.ts';
import { DivergenceWatch, nonFiniteLoss } from './divergence.ts';
import { EarlyStopping, monitorValues } from './early-stopping.ts';
import { summarizeEpoch } from './epoch-summary.ts';
import { layerNorms, penalizeAndClip } from './norms.ts';
import { setUpRun } from './run-setup.ts';
import type { TrainOptions, TrainResult } from './trainer-types.ts';
import type { EpochSummary, StopReason } from './types.ts';

/** Progress events at most this often. */
const PROGRESS_MS = 100;
/** Yield to the host this often. */
const YIELD_MS = 30;

/** Train a network on the data; streams events, honours the control, returns the trained weights. */
export async function trainNetwork(opts: TrainOptions): Promise<TrainResult> {
  const { spec, data } = opts;
  const now = opts.now ?? monotonicNow;
  const emit = opts.onEvent ?? (() => {});
  const run = setUpRun(opts, emit);
  const { cfg, net, optimizer, order, batches, batchSize, rowWeights } = run;
  const { train } = data;
  let state = new DeviceState(opts.backend, net, cfg.seed, optimizer, opts.initialWeights);
  if (opts.initialOptimizer) state.loadSlots(checkedSlots(opts.initialOptimizer, state));
  // A paused run shows its current weights in the step-through view (read through the control), and
  // where it paused: `batch` batches of epoch `epoch` are done.
  const position = { epoch: 0, batch: 0, batches: 0 };
  opts.control?.attach(
    () => state.network,
    () => ({ ...position }),
  );
  const layerIds = state.network.layers.filter((l) => l.params.some((p) => p.grad)).map((l) => l.id);

  const advice = { hasBatchNorm: net.layers.some((l) => l.type === 'batchNorm'), clipNorm: optimizer.clipNorm };
  const history: EpochSummary[] = [...(opts.initialHistory ?? [])];
  const reported = new Set<string>();
  const stopping = new EarlyStopping(cfg.earlyStopping, run.defaultMonitor, run.hasValidation);
  const fallback = new DeviceFallback(opts.fallback);
  let stopReason: StopReason = 'completed';
  /** Optimizer steps taken (Adam's t). */
  let t = opts.initialOptimizer?.steps ?? 0;
  let lastYield = now();

  /** One step of backpropagation on a batch of `rows` rows already gathered into x and y. */
  function backpropagate(x: Tensor, y: Tensor, d: Tensor, start: number, rows: number, step: OptimizerUpdate): void {
    const { backend, network, acc } = state;
    // 1. forward: the network's outputs for the batch (dropout draws its mask from the step number)
    //    (a softmax output layer fused with the loss leaves its softmax to the loss: `logits`)
    const logits = network.takesLogits;
    const out = network.forward(x, rows, { training: true, seed: run.dropoutSeed, step: t, logits });
    // 2. loss: added to the epoch's sum (and the correct count, for classification), and
    // 3. backward: dLoss/dOutput (dLoss/dLogits when fused) in the same op, then the chain rule back through
    //    the layers (each row's scaled by its class weight), plus the penalty's gradient and clipping
    backend.lossStep(net.loss, { out, target: y, acc, dpred: d }, net.huberDelta, net.fused, logits);
    const k = net.outputs;
    network.backward(
      rows,
      rowWeights ? weighGradient(backend, rowWeights, k, order, start, rows, state.weightBuffers(rows)) : d,
    );
    penalizeAndClip(state, optimizer.clipNorm);
    // 4. update: every weight against its gradient, scaled by the learning rate (via the optimizer), a
    //    layer's tensors together (one launch on gpu.js)
    t++;
    const s = step.type === 'adam' ? { ...step, t } : step;
    for (const updates of state.layerUpdates) backend.applyLayerUpdate(s, updates);
  }

  /** Run one epoch's batches on the current state; returns false when the user stopped the run. */
  async function runBatches(epoch: number, lr: number): Promise<boolean> {
    const { backend, acc, normAcc } = state;
    const readsEveryBatch = backend.name === 'cpu' || backend.name === 'wasm';
    const step = optimizer.step(lr, 1);
    const started = now();
    let lastProgress = started;
    let seen = 0;
    backend.fill(acc, 0);
    backend.fill(normAcc, 0);
    for (let b = 0; b < batches; b++) {
      position.epoch = epoch + 1;
      position.batch = b;
      position.batches = batches;
      if (now() - lastYield > YIELD_MS) {
        await opts.yieldToHost?.();
        lastYield = now();
      }
      if (!(await (opts.control?.checkpoint() ?? Promise.resolve(true)))) return false;
      const start = b * batchSize;
      const rows = Math.min(batchSize, train.rows - start);
      const { x, y, d } = state.batchBuffers(rows);
      backend.gatherRows(x, train.x, net.inputs, order, start, rows);
      backend.gatherRows(y, train.y, 1, order, start, rows);
      backpropagate(x, y, d, start, rows, step);
      seen += rows;
      const time = now();
      if (readsEveryBatch || time - lastProgress >= PROGRESS_MS || b === batches - 1) {
        const a = await backend.read(acc);
        if (!Number.isFinite(a[0])) throw nonFiniteLoss(epoch + 1, b + 1, cfg.optimizer.type, lr, !readsEveryBatch);
        if (time - lastProgress >= PROGRESS_MS || b === batches - 1) {
          lastProgress = time;
          const elapsed = Math.max(1, time - started);
          emit({
            type: 'progress',
            epoch: epoch + 1,
            epochs: cfg.epochs,
            batch: b + 1,
            batches,
            loss: a[0] / seen,
            rowsPerSecond: (seen / elapsed) * 1000,
            elapsedMs: elapsed,
          });
        }
      }
    }
    return true;
  }

  /**
   * Train one epoch and summarize it (keeping the best weights when it improves); null when the user
   * stopped the run. A lost GPU moves the run to the fallback backend and reruns the epoch from its start.
   */
  async function trainEpoch(
    epoch: number,
    lr: number,
    started: number,
  ): Promise<{ summary: EpochSummary; improved: boolean } | null> {
    const stepsAtStart = t;
    for (;;) {
      try {
        if (!(await runBatches(epoch, lr))) return null;
        const summary = await summarizeEpoch(state, run, data, { epoch, learningRate: lr, started, now, layerIds });
        const improved = stopping.improves(summary);
        if (improved && stopping.keepsBestWeights) stopping.bestWeights = await state.network.readWeights();
        await fallback.save(state);
        return { summary, improved };
      } catch (e) {
        state = await fallback.recover(
          e,
          state,
          epoch + 1,
          (backend, host) => {
            const moved = new DeviceState(backend, net, cfg.seed, optimizer, host.weights);
            moved.loadSlots(host);
            return moved;
          },
          emit,
        );
        t = stepsAtStart;
      }
    }
  }

  try {
    await fallback.save(state);
    const watch = new DivergenceWatch(
      await layerNorms(state, 1, layerIds),
      cfg.optimizer.type,
      data.task.kind === 'regression',
    );
    for (let epoch = run.done; epoch < cfg.epochs; epoch++) {
      const started = now();
      const lr = run.schedule.rate(epoch);
      if (cfg.shuffle) run.rng.shuffle(order);
      const trained = await trainEpoch(epoch, lr, started);
      if (!trained) {
        stopReason = 'stopped';
        break;
      }
      const { summary, improved } = trained;
      watch.check(summary);
      history.push(summary);
      emit({ type: 'epoch', summary });
      for (const diagnostic of checkGradients(summary.layers, epoch + 1, reported, advice))
        emit({ type: 'diagnostic', diagnostic });
      run.schedule.observe(monitorValues(summary));
      if (stopping.shouldStop(summary, improved)) {
        stopReason = 'earlyStopping';
        break;
      }
    }
    const bestEpoch = stopping.restoreBest(state.network, stopReason === 'earlyStopping', history.length);
    // toHost reads the weights too, so they are read back once either way
    const last = opts.returnOptimizer ? await state.toHost() : null;
    const weights = last ? last.weights : await state.network.readWeights();
    // The spec says which class weights ran (`auto` resolved), so a saved model file states them.
    const ran: NetworkSpec =
      data.task.kind === 'classification'
        ? { ...spec, training: { ...spec.training, classWeight: run.classWeights?.setting ?? 'none' } }
        : spec;
    const result: TrainResult = {
      spec: ran,
      weights,
      history,
      stopReason,
      bestEpoch,
      backend: state.backend.label,
      outputs: net.outputs,
    };
    if (last) result.optimizer = { steps: t, slots: last.slots };
    return result;
  } finally {
    opts.control?.detach();
    state.dispose();
  }
}
