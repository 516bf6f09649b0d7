/**
 * What every neuron and connection of the step-through drawing shows at a stage: forward values, gradients
 * or updates, picked from the engine's trace of one iteration.
 */
import type { WireStepTrace } from '../../engine/protocol/index.ts';
import {
  tensorOf,
  type ColumnView,
  type GapView,
  type NeuronLine,
  type Stage,
  type StepColumn,
} from './step-through-model.ts';
function at(data: Float32Array, row: number, cols: number, j: number): number {
  return data[row * cols + j] ?? Number.NaN;
}

function forwardView(trace: WireStepTrace, col: StepColumn, row: number, state: ColumnView['state']): ColumnView {
  const lines: NeuronLine[][] = [];
  const signed = new Float64Array(col.units);
  const input = trace.forward[0]?.input;
  const f = col.layer === null ? null : trace.forward[col.layer];
  for (let j = 0; j < col.units; j++) {
    if (!f) {
      const x = input ? at(input.data, row, input.cols, j) : Number.NaN;
      lines.push([{ label: 'x', value: x }]);
      signed[j] = x;
      continue;
    }
    const z = f.z ? at(f.z.data, row, f.z.cols, j) : Number.NaN;
    const a = col.isOutput
      ? at(trace.output.data, row, trace.output.cols, j)
      : at(f.output.data, row, f.output.cols, j);
    lines.push([
      { label: col.isOutput ? (trace.task.kind === 'regression' ? 'ŷ' : 'p') : 'a', value: a },
      { label: 'z', value: z },
    ]);
    signed[j] = a;
  }
  return { state, kind: 'forward', lines, magnitude: signed.map(Math.abs), signed };
}

function gradientView(trace: WireStepTrace, col: StepColumn, row: number, state: ColumnView['state']): ColumnView {
  const f = col.layer === null ? null : trace.forward[col.layer];
  const b = f ? trace.backward.find((x) => x.layerId === f.layerId) : undefined;
  const lines: NeuronLine[][] = [];
  const signed = new Float64Array(col.units);
  for (let j = 0; j < col.units; j++) {
    if (!b) {
      lines.push([]);
      continue;
    }
    const dOut = at(b.dOutput.data, row, b.dOutput.cols, j);
    const dz = b.dz ? at(b.dz.data, row, b.dz.cols, j) : dOut;
    lines.push(
      b.fused
        ? [{ label: '∂L/∂z', value: dOut }]
        : [
            { label: '∂L/∂a', value: dOut },
            { label: '∂L/∂z', value: dz },
          ],
    );
    signed[j] = dz;
  }
  return { state, kind: 'gradient', lines, magnitude: signed.map(Math.abs), signed };
}

/** The inputs at the last backward stop: ∂L/∂x of each feature for the row. */
function inputGradientView(trace: WireStepTrace, col: StepColumn, row: number): ColumnView {
  const g = trace.inputGradient;
  const signed = Float64Array.from({ length: col.units }, (_, j) => at(g.data, row, g.cols, j));
  const lines = Array.from(signed, (v, j) => [
    { label: 'x', value: at(trace.forward[0]?.input.data ?? new Float32Array(), row, col.units, j) },
    { label: '∂L/∂x', value: v },
  ]);
  return { state: 'current', kind: 'gradient', lines, magnitude: signed.map(Math.abs), signed };
}

function updateView(trace: WireStepTrace, col: StepColumn, row: number): ColumnView {
  if (col.layer === null) return { ...forwardView(trace, col, row, 'done') };
  const bias = tensorOf(trace, col.id, 'bias');
  const kernel = tensorOf(trace, col.id, 'kernel');
  const lines: NeuronLine[][] = [];
  const signed = new Float64Array(col.units);
  const magnitude = new Float64Array(col.units);
  for (let j = 0; j < col.units; j++) {
    const before = bias?.before[j] ?? Number.NaN;
    const after = bias?.after[j] ?? Number.NaN;
    lines.push(
      bias
        ? [
            { label: 'b', value: before },
            { label: '→', value: after },
          ]
        : [],
    );
    signed[j] = after - before;
    let moved = Math.abs(after - before) || 0;
    if (kernel) {
      const from = kernel.shape[0] ?? 0;
      for (let i = 0; i < from; i++)
        moved += Math.abs((kernel.after[i * col.units + j] ?? 0) - (kernel.before[i * col.units + j] ?? 0));
    }
    magnitude[j] = moved;
  }
  return { state: 'done', kind: 'update', lines, magnitude, signed };
}

/** How every column looks at a stage, for traced row `row`. */
export function columnViews(
  trace: WireStepTrace,
  columns: readonly StepColumn[],
  stage: Stage,
  row: number,
): ColumnView[] {
  return columns.map((col, c) => {
    switch (stage.phase) {
      case 'forward':
        if (c > stage.column)
          return {
            state: 'future',
            kind: 'forward',
            lines: [],
            magnitude: new Float64Array(col.units),
            signed: new Float64Array(col.units),
          };
        return forwardView(trace, col, row, c === stage.column ? 'current' : 'done');
      case 'loss':
        return forwardView(trace, col, row, c === stage.column ? 'current' : 'done');
      case 'backward':
        if (c === 0 && stage.column === 0) return inputGradientView(trace, col, row);
        if (c === 0 || c < stage.column) return forwardView(trace, col, row, 'done');
        return gradientView(trace, col, row, c === stage.column ? 'current' : 'done');
      case 'update':
        return updateView(trace, col, row);
    }
  });
}

/** The connections of every gap at a stage: weights, their gradients, or how far they moved. */
export function gapViews(trace: WireStepTrace, columns: readonly StepColumn[], stage: Stage): GapView[] {
  return columns.slice(1).map((col, k) => {
    const g = k + 1;
    const kernel = tensorOf(trace, col.id, 'kernel');
    const size = (columns[g - 1]?.units ?? 0) * col.units;
    // The gradient reaching the inputs flows back through the first gap's weights.
    const entered = stage.phase === 'backward' && stage.column === 0 ? 1 : stage.column;
    const isCurrent = stage.phase === 'update' || (stage.phase !== 'loss' && g === entered);
    if (!kernel || kernel.before.length !== size)
      return { kind: 'idle', isCurrent: false, values: new Float32Array(size) };
    switch (stage.phase) {
      case 'forward':
        return { kind: g <= stage.column ? 'weight' : 'idle', isCurrent, values: kernel.before };
      case 'loss':
        return { kind: 'weight', isCurrent, values: kernel.before };
      case 'backward':
        return g >= stage.column
          ? { kind: 'grad', isCurrent, values: kernel.grad }
          : { kind: 'idle', isCurrent, values: kernel.before };
      case 'update':
        return { kind: 'delta', isCurrent, values: kernel.after.map((a, i) => a - (kernel.before[i] ?? 0)) };
    }
  });
}
