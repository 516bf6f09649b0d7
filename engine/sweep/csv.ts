/**
 * The trial table as CSV (the CLI's --out and the Sweep view's export): one row per trial, by trial number.
 * Cells go through the shared spreadsheet-safe writer (text that looks like a formula is neutralized).
 */
import { csvLine } from '../csv-cell.ts';
import { sortTrials } from './objective.ts';
import type { SweepResult, TrialRecord } from './types.ts';

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
  const rank = new Map(
    sortTrials(trials, plan.objective)
      .filter((t) => t.status === 'done')
      .map((t, i) => [t.trial, i + 1]),
  );
  // enqueued trials' labels and cross-validated trials' fold counts, when the sweep has them
  const extra = [
    { column: 'label', value: (t: TrialRecord) => t.label },
    { column: 'folds', value: (t: TrialRecord) => t.folds },
  ].filter((e) => trials.some((t) => e.value(t) !== undefined));
  const header = [
    'trial',
    'rank',
    'status',
    `objective (${plan.objective.metric})`,
    ...params,
    'epochs',
    'keptEpoch',
    ...metrics,
    'bracket',
    'rung',
    'seed',
    'durationMs',
    'error',
    ...extra.map((e) => e.column),
  ];
  const rows = trials.map((t) => [
    t.trial,
    rank.get(t.trial) ?? '',
    t.status,
    t.objective,
    ...params.map((p) => t.params[p]),
    t.epochs,
    t.keptEpoch,
    ...metrics.map((m) => t.metrics[m]),
    t.bracket,
    t.rung,
    t.seed,
    Math.round(t.durationMs),
    t.error?.message,
    ...extra.map((e) => e.value(t)),
  ]);
  return (
    [header, ...rows]
      .map((r) =>
        csvLine(
          r.map((v) =>
            v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean' ? v : String(v),
          ),
        ),
      )
      .join('\n') + '\n'
  );
}
