/**
 * Axes of the parallel-coordinates chart: one per searched parameter (its distribution's range, on a log
 * scale for log distributions; choices evenly spaced) and one for the objective (better at the top).
 * Positions run from 0 (bottom) to 1 (top); a brush between two positions becomes an axis filter.
 */
import type { Parameter, ParamValue, SweepPlan, TrialRecord } from '../../../../engine/protocol/index.ts';
import { OBJECTIVE_AXIS, type AxisFilter } from '../../../state/sweep-trials.ts';
import { formatValue, paramLabel } from '../../../lib/sweep-labels.ts';

/** One vertical axis. */
export interface Axis {
  key: string;
  label: string;
  kind: 'linear' | 'log' | 'category';
  min: number;
  max: number;
  /** Category axes: the values, bottom to top, as text. */
  categories: string[];
  /** The objective when minimized: larger values lower, so better is always up. */
  invert: boolean;
  /** Whole numbers only (ticks too). */
  isInt: boolean;
  ticks: { label: string; pos: number }[];
}

function categoriesOf(values: readonly ParamValue[]): string[] {
  const nums = values.every((v) => typeof v === 'number');
  const list = nums ? [...(values as number[])].sort((a, b) => a - b) : [...values];
  return list.map(String);
}

/** Where a value sits on an axis, 0 (bottom) to 1 (top); null when it has none there. */
export function position(axis: Axis, value: ParamValue | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (axis.kind === 'category') {
    const i = axis.categories.indexOf(String(value));
    if (i < 0) return null;
    return axis.categories.length === 1 ? 0.5 : 0.08 + (0.84 * i) / (axis.categories.length - 1);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  let t: number;
  if (axis.max === axis.min) t = 0.5;
  else if (axis.kind === 'log')
    t = (Math.log(Math.max(value, axis.min)) - Math.log(axis.min)) / (Math.log(axis.max) - Math.log(axis.min));
  else t = (value - axis.min) / (axis.max - axis.min);
  t = Math.min(1, Math.max(0, t));
  return axis.invert ? 1 - t : t;
}

/** The value at a position of a numeric axis. */
function valueAt(axis: Axis, pos: number): number {
  const t = axis.invert ? 1 - pos : pos;
  if (axis.kind === 'log') return Math.exp(Math.log(axis.min) + t * (Math.log(axis.max) - Math.log(axis.min)));
  return axis.min + t * (axis.max - axis.min);
}

/** A tick's text: powers of ten below 0.001 as 1e-4, other values to 3 significant digits. */
function tickLabel(v: number): string {
  const e = Math.log10(Math.abs(v));
  if (v !== 0 && Math.abs(v) < 1e-3 && Math.abs(e - Math.round(e)) < 1e-9) return `1e${Math.round(e)}`;
  return formatValue(Number(v.toPrecision(3)));
}

/** The ends of the range and the middle; on a log scale, the ends and each power of ten between them. */
function numericTicks(axis: Omit<Axis, 'ticks'>): Axis['ticks'] {
  if (axis.min === axis.max) return [{ label: tickLabel(axis.min), pos: 0.5 }];
  const a = { ...axis, ticks: [] };
  let values = [axis.min, (axis.min + axis.max) / 2, axis.max];
  if (axis.isInt && axis.kind === 'linear') {
    const span = axis.max - axis.min;
    values =
      span <= 6
        ? Array.from({ length: span + 1 }, (_, i) => axis.min + i)
        : [axis.min, Math.round((axis.min + axis.max) / 2), axis.max];
  }
  if (axis.kind === 'log') {
    const decades: number[] = [];
    for (let e = Math.ceil(Math.log10(axis.min) - 1e-9); e <= Math.floor(Math.log10(axis.max) + 1e-9); e++)
      decades.push(10 ** e);
    const inner = decades.filter((d) => d > axis.min * 1.2 && d < axis.max / 1.2);
    values = [axis.min, ...(inner.length ? inner : [Math.sqrt(axis.min * axis.max)]), axis.max];
  }
  return values.map((v) => ({ label: tickLabel(v), pos: position(a, v) ?? 0 }));
}

function parameterAxis(p: Parameter): Axis {
  const d = p.distribution;
  const base = { key: p.path, label: paramLabel(p.path), invert: false, isInt: d.type === 'int' };
  if (d.type === 'choice') {
    const categories = categoriesOf(d.values);
    const axis: Axis = { ...base, kind: 'category', min: 0, max: 1, categories, ticks: [] };
    return {
      ...axis,
      ticks: categories.map((c) => ({
        label: formatValue(Number.isFinite(Number(c)) && c.trim() !== '' ? Number(c) : c),
        pos: position(axis, c) ?? 0,
      })),
    };
  }
  const kind: Axis['kind'] = d.type === 'logUniform' || (d.type === 'int' && d.log) ? 'log' : 'linear';
  const axis: Omit<Axis, 'ticks'> = { ...base, kind, min: d.min, max: d.max, categories: [] };
  return { ...axis, ticks: numericTicks(axis) };
}

/** The objective's axis over the trials that have one (better at the top). */
function objectiveAxis(plan: SweepPlan, label: string, trials: readonly TrialRecord[]): Axis {
  const vs = trials.map((t) => t.objective).filter((v): v is number => v !== null && Number.isFinite(v));
  let min = vs.length ? Math.min(...vs) : 0;
  let max = vs.length ? Math.max(...vs) : 1;
  if (min === max) {
    const pad = Math.abs(min) * 0.05 || 0.5;
    min -= pad;
    max += pad;
  }
  const axis: Omit<Axis, 'ticks'> = {
    key: OBJECTIVE_AXIS,
    label,
    kind: 'linear',
    min,
    max,
    categories: [],
    invert: plan.objective.direction === 'minimize',
    isInt: false,
  };
  return { ...axis, ticks: numericTicks(axis) };
}

/** Every axis: the parameters in the plan's order, then the objective. */
export function axesFor(plan: SweepPlan, objectiveLabel: string, trials: readonly TrialRecord[]): Axis[] {
  return [...plan.parameters.map(parameterAxis), objectiveAxis(plan, objectiveLabel, trials)];
}

/** The filter a brush from position `a` to `b` sets on an axis. */
export function brushFilter(axis: Axis, a: number, b: number): AxisFilter {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (axis.kind === 'category') {
    return {
      kind: 'values',
      values: axis.categories.filter((c) => {
        const p = position(axis, c) ?? -1;
        return p >= lo && p <= hi;
      }),
    };
  }
  const [v1, v2] = [valueAt(axis, lo), valueAt(axis, hi)];
  return { kind: 'range', min: Math.min(v1, v2), max: Math.max(v1, v2) };
}

/** The span (positions) a filter covers on its axis, for drawing the brush. */
export function filterSpan(axis: Axis, f: AxisFilter): [number, number] | null {
  if (f.kind === 'range') {
    const a = position({ ...axis, kind: axis.kind === 'category' ? 'linear' : axis.kind }, f.min);
    const b = position({ ...axis, kind: axis.kind === 'category' ? 'linear' : axis.kind }, f.max);
    return a === null || b === null ? null : [Math.min(a, b), Math.max(a, b)];
  }
  const ps = f.values.map((v) => position(axis, v)).filter((p): p is number => p !== null);
  if (!ps.length) return null;
  const half = axis.categories.length > 1 ? 0.42 / (axis.categories.length - 1) : 0.1;
  return [Math.max(0, Math.min(...ps) - half), Math.min(1, Math.max(...ps) + half)];
}
