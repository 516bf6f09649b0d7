/**
 * The step-through's pure model: the drawing's columns (inputs, then each dense layer), the stages of one
 * iteration, and which units to draw (what each shows at a stage is in `step-through-views.ts`). All
 * numbers are the engine's; this only picks which ones to show.
 */
import type { StepTensor, WireStepTrace } from '../../engine/protocol/index.ts';

/** The four steps of backpropagation. */
export type StepPhase = 'forward' | 'loss' | 'backward' | 'update';

/** Every phase, in order, with its label. */
export const PHASES: readonly { phase: StepPhase; label: string }[] = [
  { phase: 'forward', label: 'Forward' },
  { phase: 'loss', label: 'Loss' },
  { phase: 'backward', label: 'Backward' },
  { phase: 'update', label: 'Update' },
];

/** One column of neurons: the inputs, or a dense layer's units. */
export interface StepColumn {
  /** `__input` or the dense layer's id. */
  id: string;
  title: string;
  units: number;
  /** Per-unit names (features, classes); empty for hidden layers. */
  labels: readonly string[];
  /** Index into `trace.forward` of the dense layer; null for the inputs. */
  layer: number | null;
  /** The layers between the previous column and this one (activation, dropout, batch norm), in words. */
  note: string;
  isOutput: boolean;
}

/** One stop of "Next step". */
export interface Stage {
  phase: StepPhase;
  /** The column this stage is about. */
  column: number;
  title: string;
}

/** A value shown beside a neuron, e.g. `a 0.392`. */
export interface NeuronLine {
  label: string;
  value: number;
}

/** How a column looks at a stage. */
export interface ColumnView {
  /** `future`: not computed yet at this stage (no values); `current`: the stage is about it. */
  state: 'future' | 'done' | 'current';
  /** What the values are. */
  kind: 'forward' | 'gradient' | 'update';
  /** Per unit, the lines shown beside it (empty when `future`). */
  lines: NeuronLine[][];
  /** Per unit, the size used to rank units and shade them (|a|, |∂L/∂z|, |Δ|). */
  magnitude: Float64Array;
  /** Per unit, the signed value that colours it. */
  signed: Float64Array;
}

/** The connections of one gap (column g − 1 → column g) at a stage. */
export interface GapView {
  /** `weight` (forward), `grad` (∂L/∂w), `delta` (new − old weight), `idle` (weights, not the stage's subject). */
  kind: 'weight' | 'grad' | 'delta' | 'idle';
  /** The stage is about this gap (it enters the stage's column); others are drawn fainter. */
  isCurrent: boolean;
  /** Row-major [from units, to units], like the kernel. */
  values: Float32Array;
}

/** The kernel or bias tensor of a layer. */
export function tensorOf(trace: WireStepTrace, layer: string, name: 'kernel' | 'bias'): StepTensor | null {
  return trace.update.tensors.find((t) => t.layer === layer && t.name === name) ?? null;
}

function layerWords(type: string, activation: string | null): string {
  if (type === 'activation') return activation ?? 'activation';
  if (type === 'dropout') return 'dropout (off in this step)';
  if (type === 'batchNorm') return 'batch norm';
  return type;
}

/** Output labels: class names, P(positive class) for one sigmoid output, or `value`. */
function outputLabels(trace: WireStepTrace, units: number): string[] {
  const task = trace.task;
  if (task.kind === 'regression')
    return units === 1 ? ['value'] : Array.from({ length: units }, (_, i) => `value ${i + 1}`);
  if (units === 1 && task.classes.length === 2) return [`P(${task.classes[1]})`];
  return [...task.classes];
}

/** The drawing's columns: the inputs, then each dense layer, with the other layers as notes. */
export function columnsOf(trace: WireStepTrace): StepColumn[] {
  const columns: StepColumn[] = [
    {
      id: '__input',
      title: 'Input',
      units: trace.featureNames.length,
      labels: trace.featureNames,
      layer: null,
      note: '',
      isOutput: false,
    },
  ];
  const lastDense = trace.forward.map((f) => f.type).lastIndexOf('dense');
  let pending: string[] = [];
  trace.forward.forEach((f, i) => {
    if (f.type !== 'dense') {
      pending.push(layerWords(f.type, f.activation));
      return;
    }
    const isOutput = i === lastDense;
    columns.push({
      id: f.layerId,
      title: isOutput ? 'Output' : f.layerId,
      units: f.output.cols,
      labels: isOutput ? outputLabels(trace, f.output.cols) : [],
      layer: i,
      note: pending.join(' · '),
      isOutput,
    });
    pending = [];
  });
  return columns;
}

/**
 * The name of input `index` of column `column`'s dense layer, given the previous column's name for that
 * unit: the layers between the two (batch norm, an activation, dropout) change the value, so the name says
 * so ("dense_1 #36 after batch norm"); it is not dense_1's own output a.
 */
export function inputName(columns: readonly StepColumn[], column: number, unitName: string): string {
  const note = columns[column]?.note ?? '';
  return note ? `${unitName} after ${note}` : unitName;
}

/**
 * The stages of one iteration: forward column by column, the loss, backward from the output down to the
 * gradient reaching the inputs (what the Why view's explanations are made of), the update.
 */
export function stagesOf(columns: readonly StepColumn[]): Stage[] {
  const last = columns.length - 1;
  const forward = columns.map((c, i): Stage => ({
    phase: 'forward',
    column: i,
    title: i === 0 ? 'Forward · the inputs' : c.isOutput ? 'Forward · the output layer' : `Forward · layer ${c.title}`,
  }));
  const backward = columns
    .slice(1)
    .map((c, k) => ({ c, i: k + 1 }))
    .reverse()
    .map(({ c, i }): Stage => ({
      phase: 'backward',
      column: i,
      title: c.isOutput ? 'Backward · the output layer' : `Backward · layer ${c.title}`,
    }));
  const inputs: Stage = { phase: 'backward', column: 0, title: 'Backward · the inputs' };
  return [
    ...forward,
    { phase: 'loss', column: last, title: 'Loss' },
    ...backward,
    inputs,
    { phase: 'update', column: last, title: 'Update' },
  ];
}

/** The connection (from → to) into column `column` with the largest |∂L/∂w|. */
export function largestGradient(
  trace: WireStepTrace,
  columns: readonly StepColumn[],
  column: number,
): { column: number; from: number; to: number } | null {
  const col = columns[column];
  const kernel = col ? tensorOf(trace, col.id, 'kernel') : null;
  if (!col || !kernel || kernel.grad.length === 0) return null;
  let best = 0;
  for (let k = 1; k < kernel.grad.length; k++)
    if (Math.abs(kernel.grad[k] ?? 0) > Math.abs(kernel.grad[best] ?? 0)) best = k;
  return { column, from: Math.floor(best / col.units), to: best % col.units };
}

/** Which units of a column to draw: all when they fit, else the `max − 1` largest (plus `keep`), in index order. */
export function shownUnits(magnitude: Float64Array, max: number, keep: readonly number[] = []): number[] {
  const units = magnitude.length;
  if (units <= max) return Array.from({ length: units }, (_, i) => i);
  const room = Math.max(1, max - 1);
  const order = Array.from({ length: units }, (_, i) => i).sort(
    (a, b) => (magnitude[b] ?? 0) - (magnitude[a] ?? 0) || a - b,
  );
  const forced = keep.filter((k) => k >= 0 && k < units);
  const chosen = new Set(forced.slice(0, room));
  for (const i of order) {
    if (chosen.size >= room) break;
    chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The units not drawn, summarised: how many, and their mean and largest magnitude. */
export function aggregateOf(
  magnitude: Float64Array,
  shown: readonly number[],
): { count: number; mean: number; max: number } | null {
  const drawn = new Set(shown);
  let count = 0;
  let sum = 0;
  let max = 0;
  magnitude.forEach((m, i) => {
    if (drawn.has(i)) return;
    count++;
    sum += m;
    max = Math.max(max, m);
  });
  return count ? { count, mean: sum / count, max } : null;
}
