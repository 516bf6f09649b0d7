/**
 * The `network/check` answer: a network's structural problems, each layer's output shape and parameter count, and,
 * once a table and its settings are known, the problems of the network against the prepared data.
 */
import type { DatasetSettings } from '../data/index.ts';
import type { LayerShape, WireError } from '../protocol/index.ts';
import {
  checkResolve,
  checkSpecStructure,
  summarizeLayers,
  TRAINING_DEFAULTS,
  type NetworkSpec,
  type Task,
} from '../spec/index.ts';
import type { TableStore } from './table-store.ts';

/** What a network check finds. */
export interface NetworkCheck {
  problems: WireError['problems'];
  layers: LayerShape[];
  totalParams: number;
  task: Task | null;
}

/** The seed a spec trains with (the default when it sets none). */
export function seedOf(spec: NetworkSpec): number {
  return spec.training?.seed ?? TRAINING_DEFAULTS.seed;
}

/** Check network `raw`, against the loaded table prepared with `settings` when both are there. */
export function checkNetwork(raw: NetworkSpec, settings: DatasetSettings | null, tables: TableStore): NetworkCheck {
  const { spec, problems } = checkSpecStructure(raw);
  let inputs: number | null = null;
  let task: Task | null = null;
  if (settings && tables.table) {
    try {
      const prepared = tables.prepare(settings, seedOf(raw));
      inputs = prepared.featureNames.length;
      task = prepared.task;
    } catch {
      // The data view shows dataset problems; the network is checked without the data.
      inputs = null;
    }
  }
  if (spec && inputs !== null && task) problems.push(...checkResolve(spec, inputs, task).problems);
  let layers: LayerShape[] = [];
  try {
    layers = summarizeLayers(spec ?? raw, inputs, task).map((l) => ({
      id: l.id,
      outputShape: l.outputShape,
      params: Math.max(0, l.params),
    }));
  } catch {
    // A structurally broken layer has no shape; its problems above say why.
    layers = [];
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { problems: unique, layers, totalParams: layers.reduce((s, l) => s + l.params, 0), task };
}
