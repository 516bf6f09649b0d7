/**
 * The fields a sweep can search, read from the current network and training settings, with a starting
 * range for each; and the parameter rows of the editor turned into a search-space file's `parameters`.
 */
import type { LayerSpec, SpaceParameterJson, TrainingSpec } from '../../engine/protocol/index.ts';
import { formatDuration } from './format.ts';
import type { DistributionName, ParamValue } from '../../engine/protocol/index.ts';

/** What values a field takes: any number, whole numbers, or names. */
export type FieldKind = 'number' | 'int' | 'name';

/** A starting distribution for a field. */
export interface FieldStart {
  distribution: DistributionName;
  min?: number;
  max?: number;
  log?: boolean;
  values?: readonly ParamValue[];
}

/** One searchable field. */
export interface SweepField {
  path: string;
  label: string;
  /** Where it lives, for grouping the menu: 'Training', 'Whole network', or a layer id. */
  group: string;
  kind: FieldKind;
  /** Its value in the current model, as text ('' when unset). */
  current: string;
  start: FieldStart;
}

/** One parameter row of the editor (texts as typed, so the engine can say what is wrong with them). */
export interface ParamDraft {
  /** Stable key for the list. */
  key: number;
  path: string;
  distribution: DistributionName;
  min: string;
  max: string;
  /** Choice values, separated by commas. */
  values: string;
  /** Int ranges: spread on a log scale. */
  log: boolean;
}

/** Distribution names in words. */
export const DISTRIBUTION_LABELS: Readonly<Record<DistributionName, string>> = {
  uniform: 'Uniform', logUniform: 'Log-uniform', int: 'Integer', choice: 'Choice',
};

/** A round number near x (1, 2 or 5 times a power of ten). */
function nice(x: number): number {
  if (!(x > 0)) return x;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return Number(((m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p).toPrecision(2));
}

/** The hidden dense layers: every dense layer but the output (the last layer). */
function hiddenDense(layers: readonly LayerSpec[]): LayerSpec[] {
  return layers.slice(0, -1).filter((l) => l.type === 'dense');
}

function layerFields(l: LayerSpec): SweepField[] {
  const at = (field: string) => `layers[${l.id}].${field}`;
  if (l.type === 'dense') {
    const units = typeof l.units === 'number' ? l.units : 16;
    return [
      { path: at('units'), label: `Units · ${l.id}`, group: l.id, kind: 'int', current: String(l.units), start: { distribution: 'int', min: Math.max(1, Math.round(units / 4)), max: units * 4, log: true } },
      { path: at('activation'), label: `Activation · ${l.id}`, group: l.id, kind: 'name', current: l.activation ?? 'relu', start: { distribution: 'choice', values: ['relu', 'tanh', 'sigmoid'] } },
      { path: at('l2'), label: `L2 · ${l.id}`, group: l.id, kind: 'number', current: l.l2 === undefined ? '' : String(l.l2), start: { distribution: 'logUniform', min: 0.00001, max: 0.01 } },
      { path: at('l1'), label: `L1 · ${l.id}`, group: l.id, kind: 'number', current: l.l1 === undefined ? '' : String(l.l1), start: { distribution: 'logUniform', min: 0.00001, max: 0.01 } },
    ];
  }
  if (l.type === 'dropout') return [{ path: at('rate'), label: `Dropout rate · ${l.id}`, group: l.id, kind: 'number', current: String(l.rate), start: { distribution: 'uniform', min: 0, max: 0.5 } }];
  if (l.type === 'batchNorm') return [{ path: at('momentum'), label: `Momentum · ${l.id}`, group: l.id, kind: 'number', current: String(l.momentum ?? 0.99), start: { distribution: 'uniform', min: 0.9, max: 0.999 } }];
  return [{ path: at('activation'), label: `Activation · ${l.id}`, group: l.id, kind: 'name', current: l.activation, start: { distribution: 'choice', values: ['relu', 'tanh'] } }];
}

/** Every field a sweep can search in this network (hidden layers and the output layer last in `layers`) and these training settings. */
export function sweepFields(layers: readonly LayerSpec[], training: TrainingSpec): SweepField[] {
  const opt = training.optimizer ?? { type: 'adam', learningRate: 0.01 };
  const lr = opt.learningRate;
  const batch = training.batchSize ?? 32;
  const epochs = training.epochs ?? 100;
  const hidden = hiddenDense(layers);
  const units = hidden.map((l) => (l.type === 'dense' && typeof l.units === 'number' ? l.units : 16));
  const out: SweepField[] = [
    { path: 'training.optimizer.learningRate', label: 'Learning rate', group: 'Training', kind: 'number', current: String(lr), start: { distribution: 'logUniform', min: nice(lr / 10), max: nice(lr * 10) } },
    { path: 'training.batchSize', label: 'Batch size', group: 'Training', kind: 'int', current: String(batch), start: { distribution: 'choice', values: [...new Set([16, 32, 64, batch])].sort((a, b) => a - b) } },
    { path: 'training.optimizer.type', label: 'Optimizer', group: 'Training', kind: 'name', current: opt.type, start: { distribution: 'choice', values: ['adam', 'sgd', 'rmsprop'] } },
    { path: 'training.epochs', label: 'Epochs', group: 'Training', kind: 'int', current: String(epochs), start: { distribution: 'int', min: Math.max(1, Math.round(epochs / 2)), max: epochs * 2 } },
  ];
  if (opt.type === 'sgd' || opt.type === 'rmsprop') {
    out.push({ path: 'training.optimizer.momentum', label: 'Momentum', group: 'Training', kind: 'number', current: String(opt.momentum ?? 0), start: { distribution: 'uniform', min: 0, max: 0.95 } });
  }
  if (opt.type === 'adamw') {
    out.push({ path: 'training.optimizer.weightDecay', label: 'Weight decay', group: 'Training', kind: 'number', current: String(opt.weightDecay ?? 0.01), start: { distribution: 'logUniform', min: 0.0001, max: 0.1 } });
  }
  out.push(
    { path: 'training.optimizer.clipNorm', label: 'Gradient clipping (max norm)', group: 'Training', kind: 'number', current: opt.clipNorm === undefined ? '' : String(opt.clipNorm), start: { distribution: 'logUniform', min: 0.1, max: 10 } },
  );
  if (training.earlyStopping) {
    out.push({ path: 'training.earlyStopping.patience', label: 'Early-stopping patience', group: 'Training', kind: 'int', current: String(training.earlyStopping.patience ?? 10), start: { distribution: 'int', min: 3, max: 20 } });
  }
  out.push({ path: 'hiddenLayers', label: 'Number of hidden layers', group: 'Whole network', kind: 'int', current: String(hidden.length), start: { distribution: 'int', min: Math.max(1, hidden.length - 1), max: Math.max(2, hidden.length + 1) } });
  if (hidden.length) {
    const u = Math.max(...units);
    out.push(
      { path: 'layers[*dense].units', label: 'Units · every hidden layer', group: 'Whole network', kind: 'int', current: [...new Set(units)].join(', '), start: { distribution: 'int', min: Math.max(1, Math.round(u / 4)), max: u * 4, log: true } },
      { path: 'layers[*dense].activation', label: 'Activation · every hidden layer', group: 'Whole network', kind: 'name', current: [...new Set(hidden.map((l) => (l.type === 'dense' ? l.activation ?? 'relu' : '')))].join(', '), start: { distribution: 'choice', values: ['relu', 'tanh', 'sigmoid'] } },
      { path: 'layers[*dense].l2', label: 'L2 · every hidden layer', group: 'Whole network', kind: 'number', current: '', start: { distribution: 'logUniform', min: 0.00001, max: 0.01 } },
    );
  }
  const dropouts = layers.filter((l) => l.type === 'dropout');
  if (dropouts.length > 1) {
    out.push({ path: 'layers[*dropout].rate', label: 'Dropout rate · every dropout layer', group: 'Whole network', kind: 'number', current: [...new Set(dropouts.map((l) => (l.type === 'dropout' ? l.rate : 0)))].join(', '), start: { distribution: 'uniform', min: 0, max: 0.5 } });
  }
  for (const l of layers.slice(0, -1)) out.push(...layerFields(l));
  return out;
}

/** A new row for a field, with its starting range. */
export function draftFor(field: Pick<SweepField, 'path' | 'start'>, key: number): ParamDraft {
  const s = field.start;
  return {
    key, path: field.path, distribution: s.distribution, min: s.min === undefined ? '' : String(s.min), max: s.max === undefined ? '' : String(s.max),
    values: (s.values ?? []).join(', '), log: s.log ?? false,
  };
}

/** A typed number, or the text itself (so the engine's message quotes it), or nothing for an empty box. */
function numberOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A choice value as typed: a number, true/false, or a name. */
function choiceValue(text: string): ParamValue {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

/** The row as a search-space file entry (values left as typed where they are not numbers). */
export function draftJson(d: ParamDraft): SpaceParameterJson {
  if (d.distribution === 'choice') {
    const values = d.values.split(',').map((v) => v.trim()).filter((v) => v !== '').map(choiceValue);
    return { distribution: 'choice', values };
  }
  const range = { min: numberOrText(d.min), max: numberOrText(d.max) } as { min: number; max: number };
  if (d.distribution === 'int') return { distribution: 'int', ...range, ...(d.log ? { log: true } : {}) };
  return { distribution: d.distribution, ...range };
}

/** Switch a row's distribution, keeping what still makes sense (a range's ends become choices and back). */
export function withDistribution(d: ParamDraft, distribution: DistributionName): ParamDraft {
  if (distribution === d.distribution) return d;
  if (distribution === 'choice') {
    const values = d.values.trim() || [d.min, d.max].filter((v) => v.trim() !== '').join(', ');
    return { ...d, distribution, values };
  }
  if (d.distribution === 'choice') {
    const nums = d.values.split(',').map((v) => Number(v.trim())).filter((v) => Number.isFinite(v));
    const min = nums.length ? String(Math.min(...nums)) : d.min;
    const max = nums.length ? String(Math.max(...nums)) : d.max;
    return { ...d, distribution, min, max, log: distribution === 'int' ? d.log : false };
  }
  return { ...d, distribution, log: distribution === 'int' ? d.log : false };
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  learningRate: 'Learning rate', batchSize: 'Batch size', epochs: 'Epochs', type: 'Optimizer', momentum: 'Momentum',
  weightDecay: 'Weight decay', clipNorm: 'Clip norm', patience: 'Patience', units: 'Units', activation: 'Activation',
  rate: 'Dropout rate', l1: 'L1', l2: 'L2', gamma: 'Gamma', beta1: 'β₁', beta2: 'β₂', rho: 'Rho', epsilon: 'Epsilon',
};

/** A short name for a parameter path, for table headers and chart axes. */
export function paramLabel(path: string): string {
  if (path === 'hiddenLayers') return 'Hidden layers';
  const layer = /^layers\[(\*?)([^\]]+)\]\.(\w+)$/.exec(path);
  if (layer) {
    const [, star, name, field] = layer;
    const word = FIELD_WORDS[field ?? ''] ?? field ?? '';
    if (star) return `${word} (all ${name === 'dense' ? 'hidden' : name})`;
    return `${word} · ${name}`;
  }
  const last = path.split('.').at(-1) ?? path;
  if (path === 'training.schedule.type') return 'Schedule';
  return FIELD_WORDS[last] ?? last.replace(/([A-Z])/g, (c) => ` ${c.toLowerCase()}`).replace(/^./, (c) => c.toUpperCase());
}

/** A parameter value as the tables show it (numbers to 3 significant digits). */
export function formatValue(v: ParamValue | undefined): string {
  if (v === undefined) return '—';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

/** A duration that may be short (small networks train a trial in milliseconds): ms, tenths of a second, then minutes. */
export function shortDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms);
}
