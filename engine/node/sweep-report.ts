/** Plain-text output of the `sweep` command: progress lines and the final table. */
import {
  halvingBudget,
  hyperbandBrackets,
  hyperbandSizes,
  sortTrials,
  type HalvingSettings,
  type Objective,
  type SweepResult,
  type TrialParams,
  type TrialRecord,
} from '../sweep/index.ts';
import { num } from './format.ts';

/** Short column names for parameter paths (`learningRate`, `dense-1.units`, `*dropout.rate`), full paths where two would clash. */
export function shortNames(paths: readonly string[]): Map<string, string> {
  const short = (p: string) =>
    p.startsWith('layers[')
      ? p.replace(/^layers\[([^\]]+)\]\./, '$1.')
      : p.startsWith('training.')
        ? p.slice(p.lastIndexOf('.') + 1)
        : p;
  const names = paths.map(short);
  return new Map(paths.map((p, i) => [p, names.indexOf(names[i]) === names.lastIndexOf(names[i]) ? names[i] : p]));
}

/** A parameter value for tables. */
export function showValue(v: TrialParams[string] | undefined): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : num(v)) : String(v ?? '—');
}

/** `learningRate=0.003 dense-1.units=48`. */
export function paramsText(params: TrialParams, names: Map<string, string>): string {
  return Object.entries(params)
    .map(([p, v]) => `${names.get(p) ?? p}=${showValue(v)}`)
    .join(' ');
}

/** One progress line for a trial that stopped training (for now). */
export function trialLine(r: TrialRecord, trials: number, objective: Objective, isBest: boolean): string {
  const head = `trial ${String(r.trial).padStart(String(trials).length)}/${trials}`;
  const score = `${objective.metric} ${num(r.objective)}`;
  const secs = `${(r.durationMs / 1000).toFixed(1)} s`;
  switch (r.status) {
    case 'done':
      return `${head} done       ${score}  (${r.epochs} epochs, ${secs})${isBest ? '  ★ best so far' : ''}`;
    case 'waiting':
      return `${head} ${r.bracket === null ? '' : `bracket ${r.bracket} `}rung ${r.rung ?? 0}     ${score} after ${r.epochs} epochs`;
    case 'pruned':
      return `${head} pruned     ${score} after ${r.epochs} epochs`;
    case 'cancelled':
      return `${head} cancelled  after ${r.epochs} epochs`;
    case 'failed':
      return `${head} failed     ${r.error?.message ?? ''}`;
    case 'running':
      return `${head} running`;
  }
}

/** Hyperband's plan: how its trials are split over the brackets, and each bracket's rungs as trials × epochs. */
export function bracketLines(h: HalvingSettings, trials: number): string[] {
  const standard = hyperbandSizes(h);
  const total = standard.reduce((a, b) => a + b, 0);
  const runs = hyperbandBrackets(h, trials);
  const how = trials === total ? 'the standard plan' : `the standard ${standard.join(' + ')} = ${total} scaled`;
  return [
    `Hyperband: ${trials} trials in ${runs.length} brackets (${how}), epochs ${h.minEpochs} to ${h.maxEpochs}, eta ${h.eta}; trials × epochs at each rung:`,
    ...runs.map(
      (b) =>
        `  bracket ${b.bracket}: ${b.sizes.map((n, k) => `${n}×${b.epochs[k]}`).join(' → ')}  (trials ${b.first}–${b.first + b.sizes[0] - 1}, ${halvingBudget(b)} epochs)`,
    ),
  ];
}

/** The final table, best first. */
export function resultTable(result: SweepResult, names: Map<string, string>): string {
  const { plan } = result;
  const paths = plan.parameters.map((p) => p.path);
  const other = plan.objective.metric === 'valLoss' ? 'loss' : 'valLoss';
  const header = [
    'rank',
    'trial',
    'status',
    plan.objective.metric,
    other,
    'epochs',
    'time',
    ...paths.map((p) => names.get(p) ?? p),
  ];
  let rank = 0;
  const rows = sortTrials(result.trials, plan.objective).map((t) => [
    t.status === 'done' ? String(++rank) : '',
    t.label ? `${t.trial} (${t.label})` : String(t.trial),
    t.status,
    num(t.objective),
    num(t.metrics[other]),
    String(t.epochs),
    `${(t.durationMs / 1000).toFixed(1)} s`,
    ...paths.map((p) => showValue(t.params[p])),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
