/** The layer stack being edited: add, remove, duplicate, reorder, edit, with undo/redo. */
import type { DenseLayerSpec, LayerSpec, LayerType, TrainingSpec } from '../../engine/protocol/index.ts';
import { defaultLayer, defaultOutput, splitOutput } from '../lib/layers.ts';

const ID_PREFIX: Readonly<Record<LayerType, string>> = {
  dense: 'dense',
  activation: 'activation',
  dropout: 'dropout',
  batchNorm: 'batchnorm',
};
/** Edits of the same field within this time merge into one undo step. */
const MERGE_MS = 1200;
const MAX_HISTORY = 200;
/** An undo step: the layers, and the training settings when the step changed them too ("Use best"). */
interface Snapshot {
  hidden: LayerSpec[];
  output: DenseLayerSpec;
  training?: TrainingSpec;
}

/** Where the project's training settings live, for steps that change layers and settings together. */
export interface TrainingPort {
  get(): TrainingSpec;
  set(training: TrainingSpec): void;
}

/**
 * Editor state: the hidden layers (what the user drags around), the fixed output layer that ends every
 * network, the selection, and undo/redo.
 */
export class NetworkEditor {
  layers = $state<LayerSpec[]>([]);
  output = $state<DenseLayerSpec>(defaultOutput());
  selectedId = $state<string | null>(null);
  #past = $state.raw<Snapshot[]>([]);
  #future = $state.raw<Snapshot[]>([]);
  #mergeKey: string | null = null;
  #mergeAt = 0;
  readonly #onChange: () => void;
  readonly #training: TrainingPort | null;

  readonly canUndo = $derived(this.#past.length > 0);
  readonly canRedo = $derived(this.#future.length > 0);
  /** Every layer, in order: the hidden layers, then the output layer. */
  readonly allLayers = $derived<LayerSpec[]>([...this.layers, this.output]);
  readonly selected = $derived(this.allLayers.find((l) => l.id === this.selectedId) ?? null);

  constructor(onChange: () => void, training: TrainingPort | null = null) {
    this.#onChange = onChange;
    this.#training = training;
  }

  /** A fresh id for a new layer of `type`, unique in the network and in `also`. */
  newId(type: LayerType, also: readonly LayerSpec[] = []): string {
    const taken = new Set([...this.allLayers, ...also].map((l) => l.id));
    for (let n = 1; ; n++) {
      const id = `${ID_PREFIX[type]}_${n}`;
      if (!taken.has(id)) return id;
    }
  }

  #snapshot(withTraining = false): Snapshot {
    const s: Snapshot = { hidden: $state.snapshot(this.layers), output: $state.snapshot(this.output) };
    if (withTraining && this.#training) s.training = structuredClone($state.snapshot(this.#training.get()));
    return s;
  }

  /** Apply `mutate` as one undoable step; same `mergeKey` within a moment merges steps (typing). */
  #commit(mutate: () => void, mergeKey: string | null = null, withTraining = false): void {
    const now = performance.now();
    const merge = mergeKey !== null && mergeKey === this.#mergeKey && now - this.#mergeAt < MERGE_MS;
    if (!merge) this.#past = [...this.#past.slice(-MAX_HISTORY + 1), this.#snapshot(withTraining)];
    this.#future = [];
    this.#mergeKey = mergeKey;
    this.#mergeAt = now;
    mutate();
    this.#onChange();
  }

  /** Replace the hidden layers (templates, reorders). */
  setLayers(layers: LayerSpec[], selectId: string | null = this.selectedId): void {
    this.#commit(() => {
      this.layers = layers;
      this.selectedId = selectId;
    });
  }

  /**
   * Replace the layers and the training settings as one undo step (a sweep trial's configuration): Undo
   * restores both, so the learning rate and the rest come back with the layers.
   */
  applyConfiguration(
    hidden: LayerSpec[],
    output: DenseLayerSpec,
    training: TrainingSpec,
    selectId: string | null = hidden[0]?.id ?? null,
  ): void {
    this.#commit(
      () => {
        this.layers = hidden;
        this.output = output;
        this.selectedId = selectId;
        this.#training?.set(training);
      },
      null,
      true,
    );
  }

  /** The result of a drag and drop: existing layers in their new order, and layer types dropped from the palette. */
  applyDrop(entries: readonly (LayerSpec | LayerType)[]): void {
    const next: LayerSpec[] = [];
    let added: string | null = null;
    for (const e of entries) {
      if (typeof e === 'string') {
        const layer = defaultLayer(e, this.newId(e, next));
        next.push(layer);
        added = layer.id;
      } else {
        next.push(e);
      }
    }
    const same = next.length === this.layers.length && next.every((l, i) => l.id === this.layers[i]?.id);
    if (!same) this.setLayers(next, added ?? this.selectedId);
  }

  /** Insert a new layer of `type` at `index` (end of the hidden layers by default) and select it. */
  add(type: LayerType, index = this.layers.length): string {
    const layer = defaultLayer(type, this.newId(type));
    this.#commit(() => {
      this.layers.splice(index, 0, layer);
      this.selectedId = layer.id;
    });
    return layer.id;
  }

  /** Remove a hidden layer; the selection moves to its neighbour. */
  remove(id: string): void {
    const i = this.layers.findIndex((l) => l.id === id);
    if (i < 0) return;
    this.#commit(() => {
      this.layers.splice(i, 1);
      if (this.selectedId === id) this.selectedId = (this.layers[i] ?? this.layers[i - 1])?.id ?? null;
    });
  }

  /** Insert a copy of a hidden layer right after it. */
  duplicate(id: string): void {
    const i = this.layers.findIndex((l) => l.id === id);
    const layer = this.layers[i];
    if (!layer) return;
    const copy: LayerSpec = { ...$state.snapshot(layer), id: this.newId(layer.type) };
    this.#commit(() => {
      this.layers.splice(i + 1, 0, copy);
      this.selectedId = copy.id;
    });
  }

  /** Move a hidden layer up (−1) or down (+1). */
  move(id: string, delta: number): void {
    const i = this.layers.findIndex((l) => l.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= this.layers.length) return;
    this.#commit(() => {
      const [layer] = this.layers.splice(i, 1);
      if (layer) this.layers.splice(j, 0, layer);
    });
  }

  /** Change fields of any layer (typing into one field merges into one undo step); undefined removes a field. */
  update(id: string, patch: Record<string, unknown>): void {
    const layer = this.allLayers.find((l) => l.id === id);
    if (!layer) return;
    this.#commit(
      () => {
        const target = (id === this.output.id ? this.output : this.layers.find((l) => l.id === id)) as unknown as
          Record<string, unknown> | undefined;
        if (!target) return;
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined) delete target[k];
          else target[k] = v;
        }
      },
      `${id}:${Object.keys(patch).join(',')}`,
    );
  }

  /** Select a layer (or nothing). */
  select(id: string | null): void {
    this.selectedId = id;
  }

  #restoreSnapshot(s: Snapshot): void {
    this.layers = s.hidden;
    this.output = s.output;
    if (s.training) this.#training?.set(s.training);
    this.#mergeKey = null;
    if (!this.allLayers.some((l) => l.id === this.selectedId)) this.selectedId = s.hidden.at(-1)?.id ?? null;
    this.#onChange();
  }

  undo(): void {
    const prev = this.#past.at(-1);
    if (!prev) return;
    this.#past = this.#past.slice(0, -1);
    this.#future = [...this.#future, this.#snapshot(prev.training !== undefined)];
    this.#restoreSnapshot(prev);
  }

  redo(): void {
    const next = this.#future.at(-1);
    if (!next) return;
    this.#future = this.#future.slice(0, -1);
    this.#past = [...this.#past, this.#snapshot(next.training !== undefined)];
    this.#restoreSnapshot(next);
  }

  /** Replace every layer (a full list ending with the output) without an undo step: opening a project. */
  restore(all: LayerSpec[]): void {
    const { hidden, output } = splitOutput(all);
    this.layers = hidden;
    this.output = output;
    this.selectedId = hidden[0]?.id ?? null;
    this.#past = [];
    this.#future = [];
  }
}
