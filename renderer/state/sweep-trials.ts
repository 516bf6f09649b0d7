/**
 * The trial table of a sweep as the UI keeps it: one entry per trial with its record, its learning curve
 * (one point per epoch) and its live progress, built from the engine's sweep events. Pure, so it is
 * unit-tested without a worker.
 */
import type { SweepEvent, SweepPlan, TrialRecord } from '../../engine/protocol/index.ts';

/** One epoch of a trial's learning curve. */
export interface EpochPoint {
  epoch: number;
  loss: number;
  valLoss: number | null;
  /** The objective metric at this epoch. */
  objective: number | null;
}

/** Progress inside the epoch a running trial is at. */
export interface TrialProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
}

/** A trial as the Sweep tab shows it. */
export interface TrialView {
  /** The engine's record (its `history` is left empty: `points` has the curve). */
  record: TrialRecord;
  points: EpochPoint[];
  /** Epochs the current step trains to (halving rungs raise it). */
  target: number;
  progress: TrialProgress | null;
}

/** A filter on one axis of the parallel-coordinates chart: a numeric range, or the choices kept. */
export type AxisFilter = { kind: 'range'; min: number; max: number } | { kind: 'values'; values: string[] };

/** A curve longer than this is thinned to half as many points (a chart shows a few hundred at most). */
const MAX_CURVE_POINTS = 4000;

/** The axis key of the objective (parameters use their path). */
export const OBJECTIVE_AXIS = '#objective';

function fresh(e: Extract<SweepEvent, { type: 'trial/start' }>): TrialRecord {
  return {
    trial: e.trial,
    params: e.params,
    status: 'running',
    objective: null,
    metrics: {},
    epochs: 0,
    keptEpoch: 0,
    durationMs: 0,
    seed: e.seed,
    rung: e.rung,
    bracket: e.bracket,
    error: null,
    history: [],
    ...(e.label === undefined ? {} : { label: e.label }),
  };
}

/** What a batch of events changed. */
export interface Applied {
  trials: Map<number, TrialView>;
  best: number | null;
}

/**
 * Apply events to the trials (entries are copied before they change, so the old map stays valid);
 * `best` is the best trial so far.
 */
export function applyEvents(
  prev: ReadonlyMap<number, TrialView>,
  best: number | null,
  events: readonly SweepEvent[],
): Applied {
  const trials = new Map(prev);
  const copied = new Set<number>();
  const entry = (trial: number): TrialView | undefined => {
    const t = trials.get(trial);
    if (!t || copied.has(trial)) return t;
    const copy: TrialView = { ...t, points: [...t.points] };
    trials.set(trial, copy);
    copied.add(trial);
    return copy;
  };
  for (const e of events) {
    switch (e.type) {
      case 'trial/start': {
        const t = entry(e.trial);
        if (t) {
          t.record = { ...t.record, status: 'running', rung: e.rung, bracket: e.bracket };
          t.target = e.epochs;
        } else {
          trials.set(e.trial, { record: fresh(e), points: [], target: e.epochs, progress: null });
          copied.add(e.trial);
        }
        break;
      }
      case 'trial/progress': {
        const t = entry(e.trial);
        if (t && t.record.status === 'running')
          t.progress = { epoch: e.epoch, epochs: e.epochs, batch: e.batch, batches: e.batches };
        break;
      }
      case 'trial/epoch': {
        const t = entry(e.trial);
        if (!t) break;
        const s = e.summary;
        const point = { epoch: s.epoch, loss: s.loss, valLoss: s.valLoss, objective: e.objective };
        // Epochs arrive in order (numbered on across halving rungs); an epoch seen again replaces the later ones.
        if ((t.points.at(-1)?.epoch ?? 0) >= s.epoch) t.points = t.points.filter((p) => p.epoch < s.epoch);
        t.points.push(point);
        if (t.points.length > MAX_CURVE_POINTS) t.points = thinPoints(t.points, MAX_CURVE_POINTS / 2);
        t.record = { ...t.record, epochs: s.epoch };
        t.progress =
          t.record.status === 'running'
            ? { epoch: Math.min(s.epoch + 1, t.target), epochs: t.target, batch: 0, batches: 1 }
            : null;
        break;
      }
      case 'trial/rung':
      case 'trial/done':
      case 'trial/pruned':
      case 'trial/failed':
      case 'trial/cancelled': {
        const t = entry(e.record.trial);
        const record = { ...e.record, history: [] };
        if (t) {
          t.record = record;
          t.progress = null;
          // The record's epochs are the truth (a failed step may have dropped an unfinished epoch).
          t.points = t.points.filter((p) => p.epoch <= record.epochs);
        } else {
          trials.set(record.trial, { record, points: [], target: record.epochs, progress: null });
        }
        break;
      }
      case 'sweep/best':
        best = e.record.trial;
        break;
      case 'sweep/done':
        best = e.result.best?.trial ?? null;
        break;
      default:
        break;
    }
  }
  return { trials, best };
}

/** At most `max` points of a curve, evenly spaced, always with the last: enough to draw it, small enough to save. */
export function thinPoints(points: readonly EpochPoint[], max: number): EpochPoint[] {
  if (points.length <= max) return [...points];
  const step = points.length / max;
  const out = Array.from({ length: max }, (_, i) => points[Math.floor(i * step)] as EpochPoint);
  if (out.at(-1) !== points.at(-1)) out.push(points.at(-1) as EpochPoint);
  return out;
}

/** Whether a trial passes every axis filter (a trial without an objective fails an objective filter). */
export function passesFilters(t: TrialRecord, filters: Readonly<Record<string, AxisFilter>>): boolean {
  for (const [axis, f] of Object.entries(filters)) {
    const v = axis === OBJECTIVE_AXIS ? t.objective : t.params[axis];
    if (v === null || v === undefined) return false;
    if (f.kind === 'range') {
      if (typeof v !== 'number' || v < f.min || v > f.max) return false;
    } else if (!f.values.includes(String(v))) {
      return false;
    }
  }
  return true;
}

/** How far a sweep is: 0–1 of the work planned (epochs when the plan knows them, else trials) or of its time
 * budget, whichever is further, and the milliseconds left from the pace so far or the budget (null until there
 * is a pace to go by). */
export function sweepProgress(
  plan: SweepPlan | null,
  phase: string,
  epochsDone: number,
  finished: number,
  elapsedMs: number,
): { fraction: number | null; etaMs: number | null } {
  if (!plan) return { fraction: null, etaMs: null };
  const budgetMs = plan.budgetSeconds ? plan.budgetSeconds * 1000 : null;
  const [done, planned] = plan.epochBudget ? [epochsDone, plan.epochBudget] : [finished, Math.max(1, plan.trials)];
  const work = Math.min(1, done / planned);
  const fraction = phase === 'completed' ? 1 : Math.max(work, budgetMs ? Math.min(1, elapsedMs / budgetMs) : 0);
  if (phase !== 'running' || elapsedMs < 1000) return { fraction, etaMs: null };
  const paced = done > 0 ? ((planned - done) * elapsedMs) / done : null;
  const left = budgetMs === null ? null : Math.max(0, budgetMs - elapsedMs);
  return { fraction, etaMs: paced === null ? left : left === null ? paced : Math.min(paced, left) };
}

/** A trial as a project file keeps it, ready to show (projects saved before Hyperband have no bracket). */
export function savedTrialView(t: { record: TrialRecord; points: EpochPoint[] }): TrialView {
  return {
    record: { ...t.record, bracket: t.record.bracket ?? null },
    points: t.points,
    target: t.record.epochs,
    progress: null,
  };
}
