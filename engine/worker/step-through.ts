/**
 * The step-through requests: trace one training iteration on chosen training rows, for the
 * current spec's initial weights or a run's weights (current while paused, final once finished), on the
 * backend a run uses. Traces run one at a time, so the cached backend is never replaced while in use.
 */
import type { Backend } from '../backend/index.ts';
import type { DatasetSettings, PreparedDataset } from '../data/index.ts';
import { DatasetError, RunError, SpecError } from '../errors.ts';
import type { ModelFile } from '../export/index.ts';
import type { StepMatrix, StepRequest, StepSource, WireStepTrace } from '../protocol/index.ts';
import { parseSpec, type NetworkSpec, type OptimizerSpec } from '../spec/index.ts';
import {
  initialWeights,
  resolveClassWeights,
  resolveTraining,
  selectBackend,
  traceStep,
  type StepTrace,
  type TraceMatrix,
  type TrainControl,
  type WeightTensor,
} from '../train/index.ts';
import { stepMessages } from './messages.ts';
import type { TableStore } from './table-store.ts';

/** Most rows one step traces: a teaching view of a small batch, not a training batch. */
export const MAX_STEP_ROWS = 32;

/** What the worker keeps about a run that the step-through can read. */
export interface StepRun {
  /** The spec the run trains (while it trains). */
  spec: NetworkSpec | null;
  settings: DatasetSettings | null;
  /** Set while the run trains; its snapshot works only while paused. */
  control: TrainControl | null;
  /** Set once the run has finished with weights. */
  model: ModelFile | null;
}

/** Where the weights of a trace come from, resolved in the worker. */
interface Resolved {
  spec: NetworkSpec;
  settings: DatasetSettings;
  seed: number;
  weights: readonly WeightTensor[] | null;
  /** A paused run's own backend; null: use the step backend for the spec. */
  backend: Backend | null;
  /** For a finished run: the features its model reads, to check the loaded table. */
  featureNames: readonly string[] | null;
  /** For a paused run: where it paused. */
  position: WireStepTrace['position'];
}

function matrix(m: TraceMatrix): StepMatrix {
  return { rows: m.rows, cols: m.cols, data: Float32Array.from(m.data) };
}

/** Serves `step/trace`. */
export class StepThrough {
  readonly #tables: TableStore;
  readonly #run: (runId: string) => StepRun | null;
  #backend: { key: string; backend: Promise<Backend> } | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(tables: TableStore, run: (runId: string) => StepRun | null) {
    this.#tables = tables;
    this.#run = run;
  }

  /** Trace one iteration; requests are served in order, one at a time. */
  trace(req: StepRequest): Promise<WireStepTrace> {
    const next = this.#queue.then(() => this.#trace(req));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #trace(req: StepRequest): Promise<WireStepTrace> {
    const source = await this.#resolve(req.source);
    if (!this.#tables.table) throw new DatasetError(stepMessages.noTable());
    const prepared = this.#tables.prepare(source.settings, source.seed);
    if (source.featureNames && source.featureNames.join('\u0000') !== prepared.featureNames.join('\u0000')) {
      throw new DatasetError(stepMessages.otherTable());
    }
    const positions = this.#checkPositions(req.positions, prepared);
    const optimizer = this.#optimizer(source.spec, req.learningRate);
    const inputs = prepared.featureNames.length;
    const backend = source.backend ?? (await this.#stepBackend(source.spec, inputs, prepared));
    const weights = source.weights ?? (await initialWeights(source.spec, inputs, prepared.task, backend));
    const rows = positions.length;
    const x = new Float32Array(rows * inputs);
    const y = new Float32Array(rows);
    positions.forEach((p, r) => {
      x.set(prepared.train.x.subarray(p * inputs, (p + 1) * inputs), r * inputs);
      y[r] = prepared.train.y[p];
    });
    const { classWeight } = resolveTraining(source.spec.training);
    const classWeights =
      resolveClassWeights(classWeight, prepared.task, prepared.train.y, prepared.train.rows)?.weights ?? null;
    const trace = await traceStep({
      spec: source.spec,
      task: prepared.task,
      weights,
      x,
      y,
      rows,
      backend,
      optimizer,
      classWeights,
    });
    const target = prepared.preprocessing.target;
    return toWire(trace, {
      backend: backend.label,
      seed: source.seed,
      position: source.position,
      featureNames: prepared.featureNames,
      task: prepared.task,
      targetScale: target.kind === 'regression' ? { mean: target.mean, std: target.std } : null,
      trainRows: prepared.train.rows,
      positions,
      rowIndices: Int32Array.from(positions, (p) => prepared.train.rowIndices[p]),
    });
  }

  async #resolve(source: StepSource): Promise<Resolved> {
    const known =
      (source.kind === 'initial' && typeof source.spec === 'object' && typeof source.settings === 'object') ||
      (source.kind === 'run' && typeof source.runId === 'string');
    if (!known) throw new Error('Internal error (please report): a step/trace request names no initial spec or run.');
    if (source.kind === 'initial') {
      const spec = parseSpec(source.spec);
      return {
        spec,
        settings: source.settings,
        seed: resolveTraining(spec.training).seed,
        weights: null,
        backend: null,
        featureNames: null,
        position: null,
      };
    }
    const run = this.#run(source.runId);
    if (!run) throw new RunError(stepMessages.noRun());
    if (!run.settings) throw new RunError(stepMessages.noSettings());
    if (run.control && run.spec) {
      const { backend, weights, position } = await run.control.snapshot();
      return {
        spec: run.spec,
        settings: run.settings,
        seed: resolveTraining(run.spec.training).seed,
        weights,
        backend,
        featureNames: null,
        position,
      };
    }
    if (run.model) {
      const m = run.model;
      return {
        spec: m.spec,
        settings: run.settings,
        seed: m.seed,
        weights: m.weights,
        backend: null,
        featureNames: m.featureNames,
        position: null,
      };
    }
    throw new RunError(stepMessages.noWeights());
  }

  #checkPositions(positions: Int32Array, prepared: PreparedDataset): Int32Array {
    const n = prepared.train.rows;
    if (positions.length === 0) throw new DatasetError(stepMessages.noRows());
    if (positions.length > MAX_STEP_ROWS)
      throw new DatasetError(stepMessages.tooManyRows(MAX_STEP_ROWS, positions.length));
    for (const p of positions) {
      if (!Number.isInteger(p) || p < 0 || p >= n) throw new DatasetError(stepMessages.noSuchRow(p + 1, n));
    }
    return positions;
  }

  #optimizer(spec: NetworkSpec, learningRate: number | null): OptimizerSpec {
    const optimizer = resolveTraining(spec.training).optimizer;
    if (learningRate === null) return optimizer;
    if (!Number.isFinite(learningRate) || learningRate <= 0) {
      throw new SpecError(stepMessages.learningRate(learningRate, optimizer.learningRate));
    }
    return { ...optimizer, learningRate };
  }

  /**
   * The backend a run of this spec would train on (`auto` calibrates on this very network), built once
   * per backend choice, network and batch size.
   */
  #stepBackend(spec: NetworkSpec, inputs: number, prepared: PreparedDataset): Promise<Backend> {
    const cfg = resolveTraining(spec.training);
    const choice = spec.training?.backend ?? 'auto';
    const key = JSON.stringify([
      choice,
      inputs,
      prepared.task,
      choice === 'auto' ? [spec.layers, cfg.batchSize] : null,
    ]);
    if (this.#backend?.key === key) return this.#backend.backend;
    const old = this.#backend;
    const backend = selectBackend(choice, spec, inputs, prepared.task).then((c) => c.backend);
    this.#backend = { key, backend };
    // Traces run one at a time, so the previous backend is idle now.
    void old?.backend.then(
      (b) => b.destroy(),
      () => undefined,
    );
    backend.catch(() => {
      if (this.#backend?.backend === backend) this.#backend = null;
    });
    return backend;
  }
}

/** The engine's trace as the wire carries it: matrices and tensors as float32 arrays. */
function toWire(
  t: StepTrace,
  about: Omit<
    WireStepTrace,
    | 'rows'
    | 'forward'
    | 'output'
    | 'target'
    | 'loss'
    | 'backward'
    | 'inputGradient'
    | 'update'
    | 'lossAfter'
    | 'lossAfterPerRow'
    | 'gradientScale'
    | 'gradientNote'
  >,
): WireStepTrace {
  return {
    ...about,
    rows: t.rows,
    forward: t.forward.map((f) => ({
      layerId: f.layerId,
      type: f.type,
      activation: f.activation,
      formula: f.formula,
      input: matrix(f.input),
      z: f.z ? matrix(f.z) : null,
      output: matrix(f.output),
      derivative: f.derivative ? matrix(f.derivative) : null,
    })),
    output: matrix(t.output),
    target: t.target,
    loss: t.loss,
    backward: t.backward.map((b) => ({
      layerId: b.layerId,
      dOutput: matrix(b.dOutput),
      dz: b.dz ? matrix(b.dz) : null,
      fused: b.fused,
      formula: b.formula,
    })),
    inputGradient: matrix(t.inputGradient),
    update: {
      ...t.update,
      tensors: t.update.tensors.map((u) => ({
        layer: u.layer,
        name: u.name,
        shape: u.shape,
        before: Float32Array.from(u.before),
        grad: Float32Array.from(u.grad),
        after: Float32Array.from(u.after),
        penalty: u.penalty ? Float32Array.from(u.penalty) : null,
      })),
    },
    lossAfter: t.lossAfter,
    lossAfterPerRow: t.lossAfterPerRow,
    gradientScale: t.gradientScale,
    gradientNote: t.gradientNote,
  };
}
