/**
 * The training loop: mini-batch backpropagation.
 * Each step: 1. forward pass, 2. loss, 3. backward pass by the chain rule from the output,
 * 4. update every weight against its gradient, scaled by the learning rate (via the optimizer).
 */
import type { Backend, OptimizerStep, Tensor } from '../backend/backend.ts';
import { assert, TrainingError } from '../errors.ts';
import { LOSSES } from '../losses/index.ts';
import { createOptimizer, createSchedule } from '../optimizers/index.ts';
import { Random } from '../random.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { MonitorName, NetworkSpec } from '../spec/types.ts';
import { resolveClassWeights, rowWeightMatrix, weighGradient } from './class-weights.ts';
import { checkMemory } from './memory.ts';
import { resolveTraining } from './config.ts';
import type { TrainControl } from './control.ts';
import { DeviceFallback } from './device-fallback.ts';
import { checkedSlots, DeviceState } from './device-state.ts';
import { checkGradients } from './diagnostics.ts';
import { DivergenceWatch, nonFiniteLoss } from './divergence.ts';
import { EarlyStopping, monitorValues } from './early-stopping.ts';
import { trainMessages } from './messages.ts';
import { layerNorms, penaltyOf } from './norms.ts';
import { computeMetrics, headlineMetrics } from './metrics.ts';
import { predictRows } from './predict.ts';
import type { EpochSummary, OptimizerCheckpoint, StopReason, TrainEvent, TrainingData, WeightTensor } from './types.ts';

/** Options of one training run. */
export interface TrainOptions {
  spec: NetworkSpec;
  data: TrainingData;
  backend: Backend;
  onEvent?: (event: TrainEvent) => void;
  control?: TrainControl;
  /** Start from these weights instead of a fresh initialization. */
  initialWeights?: readonly WeightTensor[];
  /**
   * Continue the optimizer where an earlier run of the same network (`initialWeights`) left it: moments,
   * velocities and step count carry on instead of restarting (a successive-halving trial continues so).
   */
  initialOptimizer?: OptimizerCheckpoint;
  /** Return the optimizer's state at the end (TrainResult.optimizer), to continue the run later. */
  returnOptimizer?: boolean;
  /**
   * Epochs an earlier run of this spec and data trained, when continuing it (with its weights and optimizer):
   * `spec.training.epochs` is the total (Keras's `initial_epoch`); numbering, schedule, shuffled order and
   * reduce-on-plateau pick up after them; early stopping watches the new epochs; the history starts with them.
   */
  initialHistory?: readonly EpochSummary[];
  /** Lets the host process messages (pause/stop) during long epochs; called every ~30 ms of work. */
  yieldToHost?: () => Promise<void>;
  /** Milliseconds clock (injectable for tests). */
  now?: () => number;
  /** Where to go on if the device is lost mid-run ('backend/device-lost'): the epoch restarts there, losing no step. */
  fallback?: () => Promise<Backend>;
}

/** The outcome of a run: a usable model whatever the stop reason. */
export interface TrainResult {
  spec: NetworkSpec;
  weights: WeightTensor[];
  history: EpochSummary[];
  stopReason: StopReason;
  /** Epoch (from 1) whose weights were kept; the last one unless early stopping restored the best. */
  bestEpoch: number;
  /** Label of the backend that finished the run. */
  backend: string;
  /** Outputs per row of the network (1 for regression and binary classification). */
  outputs: number;
  /** The optimizer's state after the last step, when asked for (TrainOptions.returnOptimizer). */
  optimizer?: OptimizerCheckpoint;
  /** Set when the weights were refitted on `rows` training + validation rows (engine/run/refit.ts). */ refit?: {
    epochs: number;
    rows: number;
  };
}

/** Rows of training data used to report regression train metrics each epoch (eval mode). */
const TRAIN_METRIC_SAMPLE = 4096;
/** Progress events at most this often. */
const PROGRESS_MS = 100;
/** Yield to the host this often. */
const YIELD_MS = 30;

/** Train a network on the data; streams events, honours the control, returns the trained weights. */
export async function trainNetwork(opts: TrainOptions): Promise<TrainResult> {
  const { spec, data } = opts;
  const now = opts.now ?? Date.now;
  const emit = opts.onEvent ?? (() => {});
  const cfg = resolveTraining(spec.training);
  const net = resolveNetwork(spec, data.train.features, data.task);
  const [lossName, lossMath] = [net.loss, LOSSES[net.loss]];
  const { train, validation } = data;
  if (train.rows === 0) {
    throw new TrainingError(trainMessages.noRows());
  }
  const done = opts.initialHistory?.length ?? 0;
  assert(
    opts.initialHistory?.every((h, i) => h.epoch === i + 1) ?? true,
    'the history to continue is not numbered 1, 2, 3, …',
  );
  if (done >= cfg.epochs) {
    throw new TrainingError(trainMessages.nothingToContinue(done, cfg.epochs));
  }
  checkMemory(
    net,
    Math.min(cfg.batchSize, train.rows),
    cfg.optimizer.type,
    undefined,
    Math.max(train.rows, validation?.rows ?? 0),
  );
  const classWeights = resolveClassWeights(cfg.classWeight, data.task, train.y, train.rows);
  if (classWeights?.note)
    emit({
      type: 'diagnostic',
      diagnostic: { kind: 'classWeights', layerId: null, epoch: done, message: classWeights.note },
    });
  const rowWeights = classWeights ? rowWeightMatrix(classWeights.weights, train.y, train.rows, net.outputs) : null;
  const optimizer = createOptimizer(cfg.optimizer);
  let state = new DeviceState(opts.backend, net, cfg.seed, optimizer, opts.initialWeights);
  if (opts.initialOptimizer) state.loadSlots(checkedSlots(opts.initialOptimizer, state));
  // A paused run shows its current weights in the step-through view (read through the control), and
  // where it paused: `batch` batches of epoch `epoch` are done.
  const position = { epoch: 0, batch: 0, batches: 0 };
  opts.control?.attach(
    () => state.network,
    () => ({ ...position }),
  );
  const hasVal = !!validation && validation.rows > 0;
  const defaultMonitor: MonitorName = hasVal ? 'valLoss' : 'loss';
  const schedule = createSchedule(cfg.schedule, optimizer.learningRate, cfg.epochs, defaultMonitor);
  for (const h of opts.initialHistory ?? []) schedule.observe(monitorValues(h));
  const rng = new Random(cfg.seed ^ 0x5eed);
  const dropoutSeed = rng.nextUint32();
  const batchSize = Math.min(cfg.batchSize, train.rows);
  const batches = Math.ceil(train.rows / batchSize);
  const order = new Int32Array(train.rows);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // The order is shuffled in place each epoch, so the epochs already done are replayed to pick it up.
  if (cfg.shuffle) for (let e = 0; e < done; e++) rng.shuffle(order);
  const layerIds = state.network.layers.filter((l) => l.params.some((p) => p.grad)).map((l) => l.id);

  const advice = { hasBatchNorm: net.layers.some((l) => l.type === 'batchNorm'), clipNorm: optimizer.clipNorm };
  const history: EpochSummary[] = [...(opts.initialHistory ?? [])];
  const reported = new Set<string>();
  const stopping = new EarlyStopping(cfg.earlyStopping, defaultMonitor, hasVal);
  const fallback = new DeviceFallback(opts.fallback);
  let stopReason: StopReason = 'completed';
  /** Optimizer steps taken (Adam's t). */
  let t = opts.initialOptimizer?.steps ?? 0;
  let lastYield = now();

  /** One step of backpropagation on a batch of `rows` rows already gathered into x and y. */
  function backpropagate(x: Tensor, y: Tensor, d: Tensor, start: number, rows: number, step: OptimizerStep): void {
    const { backend, network, acc, slots } = state;
    // 1. forward: the network's outputs for the batch (dropout draws its mask from the step number)
    const out = network.forward(x, rows, { training: true, seed: dropoutSeed, step: t });
    // 2. loss: added to the epoch's sum (and the correct count, for classification)
    backend.lossAccumulate(lossName, out, y, acc, net.huberDelta);
    // 3. backward: dLoss/dOutput (dLoss/dLogits when fused), then the chain rule back through the layers,
    //    (each row's scaled by its class weight), plus the penalty's gradient and clipping
    backend.lossGradient(lossName, out, y, d, net.huberDelta, net.fused);
    const k = net.outputs;
    network.backward(
      rows,
      rowWeights ? weighGradient(backend, rowWeights, k, order, start, rows, state.weightBuffers(rows)) : d,
    );
    penalizeAndClip(state, optimizer.clipNorm);
    // 4. update: every weight against its gradient, scaled by the learning rate (via the optimizer)
    t++;
    const s = step.type === 'adam' ? { ...step, t } : step;
    network.trainable.forEach((p, i) => backend.optimizerStep(s, p.value, p.grad!, slots[i]));
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

  /** Epoch-end numbers: train loss/metrics, validation, norms. */
  async function summarize(epoch: number, lr: number, started: number): Promise<EpochSummary> {
    const { backend, network } = state;
    const a = await backend.read(state.acc);
    const loss = a[0] / train.rows;
    const layers = await layerNorms(state, batches, layerIds);
    const metrics: Record<string, number> = {};
    if (lossMath.isClassification) metrics.accuracy = a[1] / train.rows;
    else {
      const n = Math.min(train.rows, TRAIN_METRIC_SAMPLE);
      const outTrain = await predictRows(network, train.x.subarray(0, n * net.inputs), n);
      Object.assign(
        metrics,
        headlineMetrics(
          computeMetrics(data.task, lossName, net.huberDelta, outTrain, train.y, n, net.outputs, data.targetScale),
        ),
      );
    }
    let valLoss: number | null = null;
    let valMetrics: Record<string, number> | null = null;
    if (hasVal && validation) {
      const outVal = await predictRows(network, validation.x, validation.rows);
      const mv = computeMetrics(
        data.task,
        lossName,
        net.huberDelta,
        outVal,
        validation.y,
        validation.rows,
        net.outputs,
        data.targetScale,
      );
      valLoss = mv.loss;
      valMetrics = headlineMetrics(mv);
    }
    const penalty = await penaltyOf(network);
    return {
      epoch: epoch + 1,
      epochs: cfg.epochs,
      loss,
      penalty,
      totalLoss: loss + penalty,
      metrics,
      valLoss,
      valMetrics,
      learningRate: lr,
      elapsedMs: now() - started,
      layers,
    };
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
        const summary = await summarize(epoch, lr, started);
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
    for (let epoch = done; epoch < cfg.epochs; epoch++) {
      const started = now();
      const lr = schedule.rate(epoch);
      if (cfg.shuffle) rng.shuffle(order);
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
      schedule.observe(monitorValues(summary));
      if (stopping.shouldStop(summary, improved)) {
        stopReason = 'earlyStopping';
        break;
      }
    }
    let bestEpoch = history.length;
    if (stopReason === 'earlyStopping' && stopping.keepsBestWeights && stopping.bestWeights) {
      state.network.loadWeights(stopping.bestWeights);
      bestEpoch = stopping.bestEpoch;
    }
    // toHost reads the weights too, so they are read back once either way
    const last = opts.returnOptimizer ? await state.toHost() : null;
    const weights = last ? last.weights : await state.network.readWeights();
    // The spec says which class weights ran (`auto` resolved), so a saved model file states them.
    const ran: NetworkSpec =
      data.task.kind === 'classification'
        ? { ...spec, training: { ...spec.training, classWeight: classWeights?.setting ?? 'none' } }
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

/**
 * The gradients' last touches before the update: the L1/L2 penalty's gradient, the squared norms the
 * diagnostics read at the epoch's end, and clipping to a global norm when the optimizer sets one.
 */
function penalizeAndClip(state: DeviceState, clipNorm: number | null): void {
  const { backend, network, normAcc, stepAcc, grads } = state;
  for (const p of network.trainable) if (p.l1 || p.l2) backend.addRegularizationGradient(p.value, p.grad!, p.l1, p.l2);
  backend.accumulateSquaredNorms(grads, normAcc, 0);
  if (clipNorm !== null) {
    backend.fill(stepAcc, 0);
    backend.accumulateSquaredNorms(grads, stepAcc, 0);
    backend.clipByGlobalNorm(grads, stepAcc, 0, grads.length, clipNorm);
  }
}
