/** The layer stack being edited: add, remove, duplicate, reorder, edit, with undo/redo. */
import type { LayerSpec, LayerType, Task } from '../../engine/protocol.ts';

/** Human name of each layer type (also the palette item's accessible name). */
export const LAYER_LABELS: Readonly<Record<LayerType, string>> = {
  dense: 'Dense',
  activation: 'Activation',
  dropout: 'Dropout',
  batchNorm: 'Batch normalization',
};

/** One sentence about each layer type, for the palette. */
export const LAYER_DESCRIPTIONS: Readonly<Record<LayerType, string>> = {
  dense: 'Fully connected neurons: weighted sum, bias, activation.',
  activation: 'Applies a non-linearity on its own.',
  dropout: 'Randomly silences inputs while training, against overfitting.',
  batchNorm: 'Normalizes each feature over the batch; steadier training.',
};

/** A network template offered on the model view. */
export interface Template {
  id: string;
  name: string;
  description: string;
  layers: LayerSpec[];
}

/** A layer of `type` with sensible defaults. */
export function defaultLayer(type: LayerType, id: string): LayerSpec {
  switch (type) {
    case 'dense': return { id, type, units: 16, activation: 'relu' };
    case 'activation': return { id, type, activation: 'relu' };
    case 'dropout': return { id, type, rate: 0.2 };
    case 'batchNorm': return { id, type };
  }
}

/** Starting networks sized from the data: width follows the number of features. */
export function templatesFor(task: Task | null, features: number | null): Template[] {
  const f = features ?? 8;
  const wide = Math.min(128, Math.max(16, 2 ** Math.ceil(Math.log2(f * 4))));
  const narrow = Math.max(8, wide / 2);
  const isRegression = task?.kind === 'regression';
  const what = isRegression ? 'regressor' : 'classifier';
  const out: LayerSpec = { id: 'output', type: 'dense', units: 'auto' };
  const list: Template[] = [
    {
      id: 'simple', name: `Simple ${what}`,
      description: `One hidden layer of ${narrow} ReLU neurons. A good first try.`,
      layers: [{ id: 'hidden_1', type: 'dense', units: narrow, activation: 'relu' }, out],
    },
    {
      id: 'deeper', name: 'Deeper network',
      description: `Two hidden layers (${wide} and ${narrow}) with dropout between them.`,
      layers: [
        { id: 'hidden_1', type: 'dense', units: wide, activation: 'relu' },
        { id: 'dropout_1', type: 'dropout', rate: 0.1 },
        { id: 'hidden_2', type: 'dense', units: narrow, activation: 'relu' },
        out,
      ],
    },
  ];
  if (isRegression) {
    list.unshift({ id: 'linear', name: 'Linear baseline', description: 'No hidden layer: a linear regression. Hard to beat on small data.', layers: [out] });
  } else {
    list.push({
      id: 'normalized', name: 'Normalized network',
      description: `Batch normalization after each hidden layer; trains fast at higher learning rates.`,
      layers: [
        { id: 'hidden_1', type: 'dense', units: wide, activation: 'relu' },
        { id: 'batchnorm_1', type: 'batchNorm' },
        { id: 'hidden_2', type: 'dense', units: narrow, activation: 'relu' },
        { id: 'batchnorm_2', type: 'batchNorm' },
        out,
      ],
    });
  }
  return list;
}

const ID_PREFIX: Readonly<Record<LayerType, string>> = { dense: 'dense', activation: 'activation', dropout: 'dropout', batchNorm: 'batchnorm' };
/** Edits of the same field within this time merge into one undo step. */
const MERGE_MS = 1200;
const MAX_HISTORY = 200;

/** Editor state: the layers, the selection, and the undo/redo history. */
export class NetworkEditor {
  layers = $state<LayerSpec[]>([]);
  selectedId = $state<string | null>(null);
  #past = $state.raw<LayerSpec[][]>([]);
  #future = $state.raw<LayerSpec[][]>([]);
  #mergeKey: string | null = null;
  #mergeAt = 0;
  readonly #onChange: () => void;

  readonly canUndo = $derived(this.#past.length > 0);
  readonly canRedo = $derived(this.#future.length > 0);
  readonly selected = $derived(this.layers.find((l) => l.id === this.selectedId) ?? null);

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /** A fresh id for a new layer of `type`, unique in the stack. */
  newId(type: LayerType): string {
    const taken = new Set(this.layers.map((l) => l.id));
    for (let n = 1; ; n++) {
      const id = `${ID_PREFIX[type]}_${n}`;
      if (!taken.has(id)) return id;
    }
  }

  /** Apply `mutate` as one undoable step; same `mergeKey` within a moment merges steps (typing). */
  #commit(mutate: () => void, mergeKey: string | null = null): void {
    const now = performance.now();
    const merge = mergeKey !== null && mergeKey === this.#mergeKey && now - this.#mergeAt < MERGE_MS;
    if (!merge) this.#past = [...this.#past.slice(-MAX_HISTORY + 1), $state.snapshot(this.layers)];
    this.#future = [];
    this.#mergeKey = mergeKey;
    this.#mergeAt = now;
    mutate();
    this.#onChange();
  }

  /** Replace every layer (templates, drops, reorders). */
  setLayers(layers: LayerSpec[], selectId: string | null = this.selectedId): void {
    this.#commit(() => {
      this.layers = layers;
      this.selectedId = selectId;
    });
  }

  /** Insert a new layer of `type` at `index` (end by default) and select it. */
  add(type: LayerType, index = this.layers.length): string {
    const layer = defaultLayer(type, this.newId(type));
    this.#commit(() => {
      this.layers.splice(index, 0, layer);
      this.selectedId = layer.id;
    });
    return layer.id;
  }

  /** Remove a layer; the selection moves to its neighbour. */
  remove(id: string): void {
    const i = this.layers.findIndex((l) => l.id === id);
    if (i < 0) return;
    this.#commit(() => {
      this.layers.splice(i, 1);
      if (this.selectedId === id) this.selectedId = (this.layers[i] ?? this.layers[i - 1])?.id ?? null;
    });
  }

  /** Insert a copy of a layer right after it. */
  duplicate(id: string): void {
    const i = this.layers.findIndex((l) => l.id === id);
    const layer = this.layers[i];
    if (!layer) return;
    const copy: LayerSpec = { ...$state.snapshot(layer), id: this.newId(layer.type) };
    if (copy.type === 'dense' && copy.units === 'auto') copy.units = 16;
    this.#commit(() => {
      this.layers.splice(i + 1, 0, copy);
      this.selectedId = copy.id;
    });
  }

  /** Move a layer up (−1) or down (+1). */
  move(id: string, delta: number): void {
    const i = this.layers.findIndex((l) => l.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= this.layers.length) return;
    this.#commit(() => {
      const [layer] = this.layers.splice(i, 1);
      if (layer) this.layers.splice(j, 0, layer);
    });
  }

  /** Change fields of a layer (typing into one field merges into one undo step). */
  update(id: string, patch: Record<string, unknown>): void {
    const layer = this.layers.find((l) => l.id === id);
    if (!layer) return;
    this.#commit(() => {
      const target = layer as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) delete target[k];
        else target[k] = v;
      }
    }, `${id}:${Object.keys(patch).join(',')}`);
  }

  /** Select a layer (or nothing). */
  select(id: string | null): void {
    this.selectedId = id;
  }

  undo(): void {
    const prev = this.#past.at(-1);
    if (!prev) return;
    this.#past = this.#past.slice(0, -1);
    this.#future = [...this.#future, $state.snapshot(this.layers)];
    this.layers = prev;
    this.#mergeKey = null;
    if (!prev.some((l) => l.id === this.selectedId)) this.selectedId = prev.at(-1)?.id ?? null;
    this.#onChange();
  }

  redo(): void {
    const next = this.#future.at(-1);
    if (!next) return;
    this.#future = this.#future.slice(0, -1);
    this.#past = [...this.#past, $state.snapshot(this.layers)];
    this.layers = next;
    this.#mergeKey = null;
    if (!next.some((l) => l.id === this.selectedId)) this.selectedId = next.at(-1)?.id ?? null;
    this.#onChange();
  }

  /** Replace the layers without an undo step (opening a project). */
  restore(layers: LayerSpec[]): void {
    this.layers = layers;
    this.selectedId = layers[0]?.id ?? null;
    this.#past = [];
    this.#future = [];
  }
}
