/** Words for sweep parameters and their values, as the editor, tables and charts show them. */
import type { DistributionName, ParamValue } from '../../engine/protocol/index.ts';
import { formatDuration } from './format.ts';

/** Distribution names in words. */
export const DISTRIBUTION_LABELS: Readonly<Record<DistributionName, string>> = {
  uniform: 'Uniform',
  logUniform: 'Log-uniform',
  int: 'Integer',
  choice: 'Choice',
};

const FIELD_WORDS: Readonly<Record<string, string>> = {
  learningRate: 'Learning rate',
  batchSize: 'Batch size',
  epochs: 'Epochs',
  type: 'Optimizer',
  momentum: 'Momentum',
  weightDecay: 'Weight decay',
  clipNorm: 'Clip norm',
  patience: 'Patience',
  units: 'Units',
  activation: 'Activation',
  rate: 'Dropout rate',
  l1: 'L1',
  l2: 'L2',
  gamma: 'Gamma',
  beta1: 'β₁',
  beta2: 'β₂',
  rho: 'Rho',
  epsilon: 'Epsilon',
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
  return (
    FIELD_WORDS[last] ?? last.replace(/([A-Z])/g, (c) => ` ${c.toLowerCase()}`).replace(/^./, (c) => c.toUpperCase())
  );
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
