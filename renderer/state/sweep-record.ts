/**
 * The Sweep tab as the project file stores it (the search space being edited and the last sweep's result),
 * and its reader: a plain module (no runes), so the file format is read without the live sweep state.
 */
import type { DatasetSettings, NetworkSpec, WireError } from '../../engine/protocol/index.ts';
import type { Direction, StrategyName, SweepPlan, TrialRecord } from '../../engine/protocol/index.ts';
import { isRecord } from '../lib/is-record.ts';
import type { ParamDraft } from '../lib/sweep-drafts.ts';
import type { EpochPoint } from './sweep-trials.ts';

/** The editor's settings as saved in the project. */
export interface SpaceDraft {
  params: ParamDraft[];
  strategy: StrategyName;
  trials: string;
  seed: string;
  concurrency: string;
  metric: string;
  direction: Direction | '';
}

/** A finished (or stopped) sweep as stored in the project file. */
export interface SweepResultRecord {
  status: 'completed' | 'cancelled' | 'failed';
  plan: SweepPlan;
  trials: { record: TrialRecord; points: EpochPoint[] }[];
  best: number | null;
  durationMs: number;
  backend: string;
  rows: { train: number; validation: number };
  /** The network and data settings the sweep started from ("Use best" and "Retrain" apply trials to them). */
  spec: NetworkSpec;
  settings: DatasetSettings;
  error: WireError | null;
}

/** The Sweep tab in the project file. */
export interface SweepRecord {
  space: SpaceDraft;
  result: SweepResultRecord | null;
}

/** A project file's sweep, or null when it is missing or not one this app wrote (the rest of the project still opens). */
export function readSweepRecord(v: unknown): SweepRecord | null {
  if (!isRecord(v) || !isRecord(v.space) || !Array.isArray(v.space.params)) return null;
  const r = v.result;
  if (
    r !== null &&
    !(
      isRecord(r) &&
      isRecord(r.plan) &&
      Array.isArray(r.trials) &&
      isRecord(r.spec) &&
      isRecord(r.settings) &&
      r.trials.every(
        (t) => isRecord(t) && isRecord(t.record) && typeof t.record.trial === 'number' && Array.isArray(t.points),
      )
    )
  )
    return null;
  return v as unknown as SweepRecord;
}
