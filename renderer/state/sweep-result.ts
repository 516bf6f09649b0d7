/** The app's sweep as plain data: its result (for the trials CSV), its saved form, and the engine-crash error. */
import type { DatasetSettings, NetworkSpec, SweepPlan, SweepResult, WireError } from '../../engine/protocol/index.ts';
import { parameterImportance, type ImportanceResult, type TrialRecord } from '../../engine/protocol/index.ts';
import type { SweepPhase } from './sweep-project.ts';
import type { SweepResultRecord } from './sweep-record.ts';
import { savedTrialView, thinPoints, type TrialView } from './sweep-trials.ts';

/** Points of each learning curve kept in the project file. */
const SAVED_POINTS = 500;

/** The parts of the live sweep its result and its saved form are made of. */
export interface SweepState {
  phase: SweepPhase;
  plan: SweepPlan | null;
  trials: readonly TrialView[];
  best: number | null;
  elapsedMs: number;
  backend: string;
  rows: { train: number; validation: number } | null;
  error: WireError | null;
}

/** The sweep as the engine's result (what the trials CSV is written from); null before it has a plan. */
export function sweepResult(s: SweepState): SweepResult | null {
  if (!s.plan) return null;
  return {
    status: s.phase === 'cancelled' || s.phase === 'failed' ? 'cancelled' : 'completed',
    plan: s.plan,
    trials: s.trials.map((t) => t.record),
    best: s.trials.find((t) => t.record.trial === s.best)?.record ?? null,
    durationMs: s.elapsedMs,
  };
}

/**
 * The sweep as the project file stores it: only a settled sweep with the network and data settings it started
 * from, each learning curve thinned to SAVED_POINTS points; null otherwise.
 */
export function savedResult(
  s: SweepState,
  spec: NetworkSpec | null,
  settings: DatasetSettings | null,
): SweepResultRecord | null {
  const settled = s.phase === 'completed' || s.phase === 'cancelled' || s.phase === 'failed';
  if (!settled || !s.plan || !spec || !settings) return null;
  return {
    status: s.phase as SweepResultRecord['status'],
    plan: s.plan,
    trials: s.trials.map((t) => ({ record: t.record, points: thinPoints(t.points, SAVED_POINTS) })),
    best: s.best,
    durationMs: s.elapsedMs,
    backend: s.backend,
    rows: s.rows ?? { train: 0, validation: 0 },
    spec,
    settings,
    error: s.error,
  };
}

/** The live sweep's fields showing a sweep saved in a project file (the inverse of `savedResult`). */
export function restoredSweep(r: SweepResultRecord): SweepState {
  const { status: phase, plan, best, durationMs: elapsedMs, backend, rows, error } = r;
  return { phase, plan, trials: r.trials.map(savedTrialView), best, elapsedMs, backend, rows, error };
}

/** The error a sweep shows when the engine's worker crashed under it. */
export function engineCrashed(message: string): WireError {
  return {
    name: 'EngineStoppedError',
    code: 'engine/crashed',
    path: '',
    message: `${message} The sweep stopped; the trials that finished are kept.`,
    problems: [],
  };
}

/** The live sweep's fields before a sweep has started: no plan, trials, filters or errors. */
export function blankSweep(): Omit<SweepState, 'phase'> & Record<'retrainError' | 'highlighted' | 'openedFrom', null> {
  const none = { plan: null, best: null, rows: null, error: null, retrainError: null, highlighted: null };
  return { ...none, trials: [], backend: '', elapsedMs: 0, openedFrom: null };
}

/** How much each parameter mattered to the objective (null before the sweep has a plan). */
export function importanceOf(plan: SweepPlan | null, records: readonly TrialRecord[]): ImportanceResult | null {
  return plan ? parameterImportance(records, plan.parameters, plan.objective.direction) : null;
}
