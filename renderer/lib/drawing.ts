/** The network drawing's columns and weights for the current network and a run's trained weights. */
import type { LayerShape, LayerSpec, Task, WireTensor } from '../../engine/protocol/index.ts';
import { dropoutNote, unitsText } from './layer-text.ts';

/** One column of neurons: the input features, or a dense layer's units. */
export interface DrawingColumn {
  id: string;
  title: string;
  /** Number of neurons (drawn up to `maxNeurons`, the rest summarised). */
  units: number;
  /** Per-neuron names (features, classes); shown beside the first and last column. */
  labels?: readonly string[];
  /** Shown under the title instead of the neuron count (a value the engine refuses, as typed). */
  caption?: string;
}

/** Columns (input + each dense layer), kernels between them (when the weights fit), and notes per gap. */
export function drawingOf(
  layers: readonly LayerSpec[],
  shapes: readonly LayerShape[],
  featureNames: readonly string[] | null,
  task: Task | null,
  weights: readonly WireTensor[] | null,
): { columns: DrawingColumn[]; kernels: (Float32Array | null)[]; notes: string[] } {
  const widths = new Map(shapes.map((s) => [s.id, s.outputShape.at(-1) ?? null]));
  const columns: DrawingColumn[] = [
    { id: '__input', title: 'Input', units: featureNames?.length ?? 0, labels: featureNames ?? [] },
  ];
  const notes: string[] = [];
  let pending: string[] = [];
  const dense = layers.filter((l) => l.type === 'dense');
  const last = dense.at(-1);
  for (const l of layers) {
    if (l.type !== 'dense') {
      pending.push(l.type === 'dropout' ? dropoutNote(l.rate) : l.type === 'batchNorm' ? 'batch norm' : l.activation);
      continue;
    }
    // Units the engine refuses are drawn as no neurons with the value as typed, never as the width it fell back to.
    const isInvalid = typeof l.units === 'number' && !(Number.isInteger(l.units) && l.units >= 1);
    // Typed units win over the last check's shapes, which lag an edit and are absent for a refused spec.
    const units = isInvalid ? 0 : typeof l.units === 'number' ? l.units : (widths.get(l.id) ?? 0);
    const isLast = l === last;
    let labels: string[] | undefined;
    if (isLast && task)
      labels =
        task.kind === 'regression'
          ? ['value']
          : task.classes.length === 2 && units === 1
            ? [`P(${task.classes[1]})`]
            : [...task.classes];
    columns.push({
      id: l.id,
      title: isLast ? 'Output' : l.id,
      units: units ?? 0,
      ...(labels ? { labels } : {}),
      ...(isInvalid && typeof l.units === 'number' ? { caption: unitsText(l.units) } : {}),
    });
    notes.push(pending.join(' · '));
    pending = [];
  }
  const kernels = columns.slice(1).map((col, i) => {
    const from = columns[i]?.units ?? 0;
    const w = weights?.find((t) => t.layer === col.id && t.name === 'kernel');
    return w && w.shape[0] === from && w.shape[1] === col.units ? w.data : null;
  });
  return { columns, kernels, notes };
}
