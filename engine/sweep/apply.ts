/**
 * Apply a trial's parameter values to the base network. Order: plain fields (when the optimizer type is
 * searched, fields the drawn type lacks are dropped), then fields of layers named by id, then `hiddenLayers` (copies carry the last hidden layer's values),
 * then `batchNorm` (adds or removes the hidden stack's batch-norm layers), then fields of every layer of a type
 * (so they reach the copies and added layers too). The result is not yet validated:
 * `trialSpec` validates it.
 */
import { parseSpec, type LayerSpec, type NetworkSpec, type OptimizerName } from '../spec/index.ts';
import { parsePath, type ParamTarget } from './path.ts';
import type { ParamValue, TrialParams } from './types.ts';

/** Fields each optimizer accepts besides `type`, `learningRate` and `clipNorm` (mirrors spec/validate.ts). */
const OPTIMIZER_FIELDS: Record<OptimizerName, readonly string[]> = {
  sgd: ['momentum', 'nesterov'],
  rmsprop: ['rho', 'epsilon', 'momentum'],
  adagrad: ['epsilon', 'initialAccumulator'],
  adam: ['beta1', 'beta2', 'epsilon'],
  adamw: ['beta1', 'beta2', 'epsilon', 'weightDecay'],
};
const COMMON_OPTIMIZER_FIELDS = ['type', 'learningRate', 'clipNorm'];

type Json = Record<string, unknown>;
/** Deep copy of plain JSON data (specs are plain JSON). */
const cloneJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Index of the output layer (the last dense layer), or -1. */
export function outputIndex(layers: readonly LayerSpec[]): number {
  return layers.map((l) => l.type).lastIndexOf('dense');
}

/** Indices of the hidden dense layers (every dense layer before the output layer). */
export function hiddenDenseIndices(layers: readonly LayerSpec[]): number[] {
  const out = outputIndex(layers);
  return layers.flatMap((l, i) => (l.type === 'dense' && i < out ? [i] : []));
}

function setField(spec: Json, keys: readonly string[], value: ParamValue): void {
  let at = spec;
  for (const k of keys.slice(0, -1)) {
    if (!isJson(at[k])) at[k] = {};
    at = at[k] as Json;
  }
  at[keys[keys.length - 1]] = value;
}

/** Set the optimizer type, dropping the fields the new type does not have (a searched `momentum` only applies to optimizers with momentum). */
function keepOptimizerFields(spec: Json, type: ParamValue): void {
  const training = isJson(spec.training) ? spec.training : (spec.training = {});
  const prev = isJson(training.optimizer) ? training.optimizer : {};
  const keep = [...COMMON_OPTIMIZER_FIELDS, ...(OPTIMIZER_FIELDS[type as OptimizerName] ?? [])];
  training.optimizer = Object.fromEntries([...Object.entries(prev).filter(([k]) => keep.includes(k)), ['type', type]]);
}

/** Copy of `id` not used yet: `dense-2` → `dense-3`, `dense-4`, …; other ids get `-2`, `-3`, …. */
function freshId(id: string, used: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  const stem = m ? m[1] : `${id}-`;
  let n = m ? Number(m[2]) + 1 : 2;
  while (used.has(`${stem}${n}`)) n++;
  const fresh = `${stem}${n}`;
  used.add(fresh);
  return fresh;
}

/** Keep `n` hidden blocks (a hidden dense layer and the non-dense layers after it), copying the last one to add more. */
export function resizeHidden(layers: readonly LayerSpec[], n: number): LayerSpec[] {
  const hidden = hiddenDenseIndices(layers);
  const out = outputIndex(layers);
  if (hidden.length === n || out < 0) return [...layers];
  const prefix = layers.slice(0, hidden[0] ?? out);
  const blocks = hidden.map((start, i) => layers.slice(start, hidden[i + 1] ?? out));
  const kept = blocks.slice(0, n);
  const used = new Set(layers.map((l) => l.id));
  const last = blocks[blocks.length - 1];
  while (kept.length < n && last) kept.push(last.map((l) => ({ ...cloneJson(l), id: freshId(l.id, used) })));
  return [...prefix, ...kept.flat(), ...layers.slice(out)];
}

/** With `on`, a batch-norm layer right after each hidden dense layer that lacks one (ids follow the dense layer's: `dense-2` → `batchnorm-2`); without, the hidden stack's batch-norm layers removed. */
function setBatchNorm(layers: readonly LayerSpec[], on: boolean): LayerSpec[] {
  const out = outputIndex(layers);
  if (!on) return layers.filter((l, i) => l.type !== 'batchNorm' || i > out);
  const used = new Set(layers.map((l) => l.id));
  return layers.flatMap((l, i) => {
    if (l.type !== 'dense' || i >= out || layers[i + 1]?.type === 'batchNorm') return [l];
    const n = /(\d+)$/.exec(l.id)?.[1];
    const id = n && !used.has(`batchnorm-${n}`) ? `batchnorm-${n}` : freshId('batchnorm-1', used);
    used.add(id);
    return [l, { id, type: 'batchNorm' as const }];
  });
}

function matchesType(layers: readonly LayerSpec[], i: number, type: string): boolean {
  if (layers[i].type !== type) return false;
  return type !== 'dense' || i < outputIndex(layers);
}

/** The base spec with the trial's values applied (not validated). */
export function applyParams(base: NetworkSpec, params: TrialParams): NetworkSpec {
  const spec = cloneJson(base) as unknown as Json;
  const targets = Object.entries(params)
    .map(([path, value]) => ({ target: parsePath(path), value }))
    .filter((t): t is { target: ParamTarget; value: ParamValue } => t.target !== null);
  const byKind = <K extends ParamTarget['kind']>(kind: K) =>
    targets.filter(
      (t): t is { target: Extract<ParamTarget, { kind: K }>; value: ParamValue } => t.target.kind === kind,
    );
  const fields = byKind('field');
  const type = fields.find((t) => t.target.keys.join('.') === 'training.optimizer.type');
  for (const t of fields) setField(spec, t.target.keys, t.value);
  if (type) keepOptimizerFields(spec, type.value);
  let layers = spec.layers as LayerSpec[];
  for (const t of byKind('layer')) {
    const layer = layers.find((l) => l.id === t.target.id);
    if (layer) (layer as unknown as Json)[t.target.field] = t.value;
  }
  for (const t of byKind('hiddenLayers')) if (typeof t.value === 'number') layers = resizeHidden(layers, t.value);
  for (const t of byKind('batchNorm')) if (typeof t.value === 'boolean') layers = setBatchNorm(layers, t.value);
  for (const t of byKind('layerType')) {
    layers.forEach((l, i) => {
      if (matchesType(layers, i, t.target.layerType)) (l as unknown as Json)[t.target.field] = t.value;
    });
  }
  spec.layers = layers;
  return spec as unknown as NetworkSpec;
}

/** The validated spec one trial trains: the values applied, its seed, and (for halving rungs) its epochs. */
export function trialSpec(base: NetworkSpec, params: TrialParams, seed: number, epochs?: number): NetworkSpec {
  const spec = applyParams(base, params);
  spec.training = { ...(spec.training ?? {}), seed, ...(epochs === undefined ? {} : { epochs }) };
  return parseSpec(spec);
}
