/**
 * What a run fixes before its first epoch: the resolved config and network, the checks that refuse a run
 * (no rows, nothing left to continue, too much memory), class weights, the optimizer and its schedule, and the
 * batches' shuffled order (replayed for the epochs a continued run already did).
 */
import { assert, TrainingError } from '../errors.ts';
import { LOSSES } from '../losses/index.ts';
import { createOptimizer, createSchedule, type Optimizer, type Schedule } from '../optimizers/index.ts';
import { Random } from '../random.ts';
import { resolveNetwork, type ResolvedNetwork } from '../spec/resolve.ts';
import type { MonitorName } from '../spec/types.ts';
import { resolveClassWeights, rowWeightMatrix, type ResolvedClassWeights } from './class-weights.ts';
import { resolveTraining, type TrainingConfig } from './config.ts';
import { monitorValues } from './early-stopping.ts';
import { checkMemory } from './memory.ts';
import { trainMessages } from './messages.ts';
import type { TrainOptions } from './trainer-types.ts';
import type { TrainEvent } from './types.ts';

/** A run's fixed parts, set up once. */
export interface RunSetup {
  cfg: TrainingConfig;
  net: ResolvedNetwork;
  /** Whether the loss is a classification loss (the accumulator counts correct rows). */
  isClassification: boolean;
  /** Epochs an earlier run already trained (0 for a fresh run). */
  done: number;
  hasValidation: boolean;
  /** What early stopping and the schedule watch when the config names nothing: `valLoss`, else `loss`. */
  defaultMonitor: MonitorName;
  classWeights: ResolvedClassWeights | null;
  /** Per training row, its class weight on each output (null without class weights). */
  rowWeights: Float32Array | null;
  optimizer: Optimizer;
  schedule: Schedule;
  rng: Random;
  /** Dropout draws its masks from this seed and the step number. */
  dropoutSeed: number;
  batchSize: number;
  batches: number;
  /** The order of the training rows, shuffled in place each epoch. */
  order: Int32Array;
}

/** Check and set up the run `opts` describes; `emit` gets the class-weight note. */
export function setUpRun(opts: TrainOptions, emit: (event: TrainEvent) => void): RunSetup {
  const { spec, data } = opts;
  const cfg = resolveTraining(spec.training);
  const net = resolveNetwork(spec, data.train.features, data.task);
  const { train, validation } = data;
  if (train.rows === 0) throw new TrainingError(trainMessages.noRows());
  const done = opts.initialHistory?.length ?? 0;
  assert(
    opts.initialHistory?.every((h, i) => h.epoch === i + 1) ?? true,
    'the history to continue is not numbered 1, 2, 3, …',
  );
  if (done >= cfg.epochs) throw new TrainingError(trainMessages.nothingToContinue(done, cfg.epochs));
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
  const hasValidation = !!validation && validation.rows > 0;
  const defaultMonitor: MonitorName = hasValidation ? 'valLoss' : 'loss';
  const schedule = createSchedule(cfg.schedule, optimizer.learningRate, cfg.epochs, defaultMonitor);
  for (const h of opts.initialHistory ?? []) schedule.observe(monitorValues(h));
  const rng = new Random(cfg.seed ^ 0x5eed);
  const dropoutSeed = rng.nextUint32();
  const batchSize = Math.min(cfg.batchSize, train.rows);
  const order = new Int32Array(train.rows);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // The order is shuffled in place each epoch, so the epochs already done are replayed to pick it up.
  if (cfg.shuffle) for (let e = 0; e < done; e++) rng.shuffle(order);
  return {
    cfg,
    net,
    isClassification: LOSSES[net.loss].isClassification,
    done,
    hasValidation,
    defaultMonitor,
    classWeights,
    rowWeights,
    optimizer,
    schedule,
    rng,
    dropoutSeed,
    batchSize,
    batches: Math.ceil(train.rows / batchSize),
    order,
  };
}
