/**
 * The training loop: mini-batch backpropagation.
 * Each step: 1. forward pass, 2. loss, 3. backward pass by the chain rule from the output,
 * 4. update every weight against its gradient, scaled by the learning rate (via the optimizer).
 */
import type { Backend, OptimizerSlots, Tensor } from '../backend/backend.ts';
import { TrainingError } from '../errors.ts';
import { LOSSES } from '../losses/index.ts';
import { createOptimizer, createSchedule, isMaximized } from '../optimizers/index.ts';
import { Random } from '../random.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { MonitorName, NetworkSpec } from '../spec/types.ts';
import { resolveTraining } from './config.ts';
import type { TrainControl } from './control.ts';
import { checkGradients } from './diagnostics.ts';
import { computeMetrics, headlineMetrics } from './metrics.ts';
import { Network } from './network.ts';
import { predictRows } from './predict.ts';
import type { EpochSummary, LayerNorms, StopReason, TrainEvent, TrainingData, WeightTensor } from './types.ts';

/** Options of one training run. */
export interface TrainOptions {
  spec: NetworkSpec;
  data: TrainingData;
  backend: Backend;
  onEvent?: (event: TrainEvent) => void;
  control?: TrainControl;
  /** Start from these weights instead of a fresh initialization. */
  initialWeights?: readonly WeightTensor[];
  /** Lets the host process messages (pause/stop) during long epochs; called every ~30 ms of work. */
  yieldToHost?: () => Promise<void>;
  /** Milliseconds clock (injectable for tests). */
  now?: () => number;
}

/** The outcome of a run: a usable model whatever the stop reason. */
export interface TrainResult {
  spec: NetworkSpec;
  weights: WeightTensor[];
  history: EpochSummary[];
  stopReason: StopReason;
  /** Epoch (from 1) whose weights were kept; the last one unless early stopping restored the best. */
  bestEpoch: number;
  backend: string;
  /** Outputs per row of the network (1 for regression and binary classification). */
  outputs: number;
}

/** Rows of training data used to report regression train metrics each epoch (eval mode). */
const TRAIN_METRIC_SAMPLE = 4096;
/** Progress events at most this often. */
const PROGRESS_MS = 100;
/** Yield to the host this often. */
const YIELD_MS = 30;

/** Train a network on the data; streams events, honours the control, returns the trained weights. */
export async function trainNetwork(opts: TrainOptions): Promise<TrainResult> {
  const { spec, data, backend } = opts;
  const now = opts.now ?? Date.now;
  const emit = opts.onEvent ?? (() => {});
  const cfg = resolveTraining(spec.training);
  const net = resolveNetwork(spec, data.train.features, data.task);
  const lossName = net.loss;
  const lossMath = LOSSES[lossName];
  const targetWidth = 1;
  const { train, validation } = data;
  if (train.rows === 0) {
    throw new TrainingError({ code: 'train/no-rows', path: 'data', message: 'The training split has no rows. Use a larger dataset or smaller validation/test fractions.' });
  }
  const network = new Network(net, backend, cfg.seed, opts.initialWeights);
  const optimizer = createOptimizer(cfg.optimizer);
  const hasVal = !!validation && validation.rows > 0;
  const defaultMonitor: MonitorName = hasVal ? 'valLoss' : 'loss';
  const schedule = createSchedule(cfg.schedule, optimizer.learningRate, cfg.epochs, defaultMonitor);
  const rng = new Random(cfg.seed ^ 0x5eed);
  const dropoutSeed = rng.nextUint32();
  const batchSize = Math.min(cfg.batchSize, train.rows);
  const batches = Math.ceil(train.rows / batchSize);
  const order = new Int32Array(train.rows);
  for (let i = 0; i < order.length; i++) order[i] = i;

  const trainable = network.trainable;
  const slots: OptimizerSlots[] = trainable.map((p) => {
    const a = backend.tensor(p.shape);
    if (optimizer.slotInit.a !== 0) backend.fill(a, optimizer.slotInit.a);
    const b = backend.tensor(optimizer.usesSlotB ? p.shape : [1]);
    return { a, b };
  });
  const acc = backend.tensor([2]);
  const normAcc = backend.tensor([Math.max(1, trainable.length)]);
  const stepAcc = backend.tensor([Math.max(1, trainable.length)]);
  const weightAcc = backend.tensor([Math.max(1, trainable.length)]);
  const io = new Map<number, { x: Tensor; y: Tensor; d: Tensor }>();
  const ioFor = (rows: number) => {
    let t = io.get(rows);
    if (!t) {
      t = { x: backend.tensor([rows, net.inputs]), y: backend.tensor([rows, targetWidth]), d: backend.tensor([rows, net.outputs]) };
      io.set(rows, t);
    }
    return t;
  };
  const grads = trainable.map((p) => p.grad!);
  const layerIds = network.layers.filter((l) => l.params.some((p) => p.grad)).map((l) => l.id);
  const readsEveryBatch = backend.name === 'cpu' || backend.name === 'wasm';

  const history: EpochSummary[] = [];
  const reported = new Set<string>();
  const es = cfg.earlyStopping;
  // Without validation rows, a val* monitor falls back to its training counterpart.
  const esMonitor = !es?.monitor ? defaultMonitor : !hasVal && es.monitor.startsWith('val')
    ? ((es.monitor.charAt(3).toLowerCase() + es.monitor.slice(4)) as MonitorName) : es.monitor;
  const esMax = isMaximized(esMonitor);
  let bestValue = esMax ? -Infinity : Infinity;
  let bestEpoch = 0;
  let wait = 0;
  let best: Tensor[] | null = null;
  let stopReason: StopReason = 'completed';
  let t = 0;
  let lastYield = now();

  try {
    epochs: for (let epoch = 0; epoch < cfg.epochs; epoch++) {
      const started = now();
      const lr = schedule.rate(epoch);
      const step = optimizer.step(lr, 1);
      if (cfg.shuffle) rng.shuffle(order);
      backend.fill(acc, 0);
      backend.fill(normAcc, 0);
      let lastProgress = started;
      let seen = 0;
      for (let b = 0; b < batches; b++) {
        if (now() - lastYield > YIELD_MS) {
          await opts.yieldToHost?.();
          lastYield = now();
        }
        if (!(await (opts.control?.checkpoint() ?? Promise.resolve(true)))) {
          stopReason = 'stopped';
          break epochs;
        }
        const start = b * batchSize;
        const rows = Math.min(batchSize, train.rows - start);
        const { x, y, d } = ioFor(rows);
        backend.gatherRows(x, train.x, net.inputs, order, start, rows);
        backend.gatherRows(y, train.y, 1, order, start, rows);
        // 1. forward  2. loss
        const out = network.forward(x, rows, { training: true, seed: dropoutSeed, step: t });
        backend.lossAccumulate(lossName, out, y, acc, net.huberDelta);
        // 3. backward (dLoss/dOutput, or dLoss/dLogits when fused)
        backend.lossGradient(lossName, out, y, d, net.huberDelta, net.fused);
        network.backward(rows, d);
        trainable.forEach((p, i) => {
          if (p.l1 || p.l2) backend.addRegularizationGradient(p.value, p.grad!, p.l1, p.l2);
          backend.accumulateSquaredNorm(p.grad!, normAcc, i);
        });
        if (optimizer.clipNorm !== null) {
          backend.fill(stepAcc, 0);
          grads.forEach((g, i) => backend.accumulateSquaredNorm(g, stepAcc, i));
          backend.clipByGlobalNorm(grads, stepAcc, 0, grads.length, optimizer.clipNorm);
        }
        // 4. update
        t++;
        const s = step.type === 'adam' ? { ...step, t } : step;
        trainable.forEach((p, i) => backend.optimizerStep(s, p.value, p.grad!, slots[i]));
        seen += rows;
        const time = now();
        if (readsEveryBatch || time - lastProgress >= PROGRESS_MS || b === batches - 1) {
          const a = await backend.read(acc);
          if (!Number.isFinite(a[0])) throw divergence(epoch + 1, b + 1, lr, readsEveryBatch ? null : seen);
          if (time - lastProgress >= PROGRESS_MS || b === batches - 1) {
            lastProgress = time;
            const elapsed = Math.max(1, time - started);
            emit({ type: 'progress', epoch: epoch + 1, epochs: cfg.epochs, batch: b + 1, batches, loss: a[0] / seen, rowsPerSecond: (seen / elapsed) * 1000, elapsedMs: elapsed });
          }
        }
      }
      const a = await backend.read(acc);
      const loss = a[0] / train.rows;
      const layers = await layerNorms(network, normAcc, weightAcc, batches, layerIds);
      const metrics: Record<string, number> = {};
      if (lossMath.isClassification) metrics.accuracy = a[1] / train.rows;
      else {
        const n = Math.min(train.rows, TRAIN_METRIC_SAMPLE);
        const outTrain = await predictRows(network, train.x.subarray(0, n * net.inputs), n);
        Object.assign(metrics, headlineMetrics(computeMetrics(data.task, lossName, net.huberDelta, outTrain, train.y, n, net.outputs, data.targetScale)));
      }
      let valLoss: number | null = null;
      let valMetrics: Record<string, number> | null = null;
      if (hasVal && validation) {
        const outVal = await predictRows(network, validation.x, validation.rows);
        const mv = computeMetrics(data.task, lossName, net.huberDelta, outVal, validation.y, validation.rows, net.outputs, data.targetScale);
        valLoss = mv.loss;
        valMetrics = headlineMetrics(mv);
      }
      const summary: EpochSummary = {
        epoch: epoch + 1, epochs: cfg.epochs, loss, metrics, valLoss, valMetrics, learningRate: lr, elapsedMs: now() - started, layers,
      };
      history.push(summary);
      emit({ type: 'epoch', summary });
      for (const diagnostic of checkGradients(layers, epoch + 1, reported)) emit({ type: 'diagnostic', diagnostic });
      const monitored = monitorValues(summary);
      schedule.observe(monitored);
      if (es) {
        const v = monitored[esMonitor];
        if (v !== undefined && (esMax ? v > bestValue + es.minDelta : v < bestValue - es.minDelta)) {
          bestValue = v;
          bestEpoch = epoch + 1;
          wait = 0;
          if (es.restoreBestWeights) best = snapshot(network, best);
        } else if (++wait > es.patience) {
          stopReason = 'earlyStopping';
          break;
        }
      } else {
        bestEpoch = epoch + 1;
      }
    }
    if (es && es.restoreBestWeights && best && stopReason === 'earlyStopping') {
      network.params.forEach((p, i) => backend.copy(best![i], p.value));
    } else {
      bestEpoch = history.length;
    }
    const weights = await network.readWeights();
    return { spec, weights, history, stopReason, bestEpoch, backend: backend.label, outputs: net.outputs };
  } finally {
    for (const s of slots) {
      backend.dispose(s.a);
      backend.dispose(s.b);
    }
    for (const t2 of io.values()) {
      backend.dispose(t2.x);
      backend.dispose(t2.y);
      backend.dispose(t2.d);
    }
    if (best) for (const b of best) backend.dispose(b);
    backend.dispose(acc);
    backend.dispose(normAcc);
    backend.dispose(stepAcc);
    backend.dispose(weightAcc);
  }
}

function divergence(epoch: number, batch: number, lr: number, rowsSeen: number | null): TrainingError {
  const where = rowsSeen === null ? `in epoch ${epoch}, batch ${batch}` : `in epoch ${epoch}, by batch ${batch}`;
  return new TrainingError({
    code: 'train/diverged', path: 'training.optimizer.learningRate',
    message: `Training diverged: the loss became NaN or infinite ${where}. Lower the learning rate (now ${lr}), e.g. to ${+(lr / 10).toPrecision(2)}, make sure the inputs are scaled (standardize them), or turn on gradient clipping.`,
  });
}

function monitorValues(s: EpochSummary): Partial<Record<MonitorName, number>> {
  const m: Partial<Record<MonitorName, number>> = { loss: s.loss };
  const cap = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
  for (const [k, v] of Object.entries(s.metrics)) m[k as MonitorName] = v;
  if (s.valLoss !== null) m.valLoss = s.valLoss;
  for (const [k, v] of Object.entries(s.valMetrics ?? {})) m[`val${cap(k)}` as MonitorName] = v;
  return m;
}

function snapshot(network: Network, prev: Tensor[] | null): Tensor[] {
  const b = network.backend;
  const out = prev ?? network.params.map((p) => b.tensor(p.shape));
  network.params.forEach((p, i) => b.copy(p.value, out[i]));
  return out;
}

async function layerNorms(network: Network, normAcc: Tensor, weightAcc: Tensor, steps: number, ids: string[]): Promise<LayerNorms[]> {
  const b = network.backend;
  b.fill(weightAcc, 0);
  network.trainable.forEach((p, i) => b.accumulateSquaredNorm(p.value, weightAcc, i));
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
