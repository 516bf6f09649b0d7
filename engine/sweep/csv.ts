/** The trial table as CSV (the CLI's --out and the Sweep view's export): one row per trial, by trial number. */
import { sortTrials } from './objective.ts';
import type { SweepResult, TrialRecord } from './types.ts';

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Metric names over all trials: training ones, then validation ones. */
function metricNames(trials: readonly TrialRecord[]): string[] {
  const names = new Set<string>();
  for (const t of trials) for (const k of Object.keys(t.metrics)) names.add(k);
  return [...names].sort((a, b) => Number(a.startsWith('val')) - Number(b.startsWith('val')) || a.localeCompare(b));
}

/** CSV text: trial, rank, status, objective, each parameter, epochs, kept epoch, metrics at it, bracket and rung (Hyperband, halving), seed, duration, error. */
export function trialsCsv(result: SweepResult): string {
  const { trials, plan } = result;
  const params = plan.parameters.map((p) => p.path);
  const metrics = metricNames(trials);
  const rank = new Map(sortTrials(trials, plan.objective).filter((t) => t.status === 'done').map((t, i) => [t.trial, i + 1]));
  const header = ['trial', 'rank', 'status', `objective (${plan.objective.metric})`, ...params, 'epochs', 'keptEpoch', ...metrics, 'bracket', 'rung', 'seed', 'durationMs', 'error'];
  const rows = trials.map((t) => [
    t.trial, rank.get(t.trial) ?? '', t.status, t.objective, ...params.map((p) => t.params[p]), t.epochs, t.keptEpoch,
    ...metrics.map((m) => t.metrics[m]), t.bracket, t.rung, t.seed, Math.round(t.durationMs), t.error?.message,
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
