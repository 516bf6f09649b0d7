/** `sweep --open TRIALS.csv`: the ranked table, best trial and parameter importance of trials that ran elsewhere. */
import { parameterImportance, parseTrialsCsv } from '../../sweep/index.ts';
import { readBytes } from '../files.ts';
import { num } from '../format.ts';
import { paramsText, resultTable, shortNames } from '../sweep-report.ts';
import { UsageError } from '../usage-error.ts';

/** Largest trials CSV read (10,000 trials of a few hundred bytes each, with room to spare). */
const MAX_TRIALS_CSV_BYTES = 64 * 1024 * 1024;

/** Print the trials of `path`; flags other than --open and --quiet are refused (they set up a sweep to run). */
export function openTrialsCsv(path: string, argv: readonly string[]): void {
  const others = argv.filter((a) => a.startsWith('--') && !/^--(open|quiet)(=|$)/.test(a));
  if (others.length) {
    throw new UsageError('cli/open-alone', `--open shows a trials CSV and runs nothing, so ${others.join(', ')} has no use with it. Remove ${others.length > 1 ? 'them' : 'it'}.`);
  }
  const result = parseTrialsCsv(new TextDecoder().decode(readBytes(path, 'Trials CSV', MAX_TRIALS_CSV_BYTES)));
  const names = shortNames(result.plan.parameters.map((p) => p.path));
  const { objective } = result.plan;
  const counts = ['done', 'pruned', 'failed'].map((s) => `${result.trials.filter((t) => t.status === s).length} ${s}`).join(', ');
  process.stdout.write(`${path}: ${result.trials.length} trials (${counts}); objective: ${objective.direction} ${objective.metric}\n\n`);
  process.stdout.write(`${resultTable(result, names)}\n\n`);
  const best = result.best;
  process.stdout.write(best ? `Best: trial ${best.trial} — ${objective.metric} ${num(best.objective)} with ${paramsText(best.params, names)}\n` : 'No trial finished.\n');
  const importance = parameterImportance(result.trials, result.plan.parameters, objective.direction);
  const known = importance.parameters.filter((p) => p.importance !== null);
  if (known.length) {
    process.stdout.write(`\nImportance (share of the ${objective.metric} variance each parameter explains, from ${importance.trials} trials):\n`);
    for (const p of known) process.stdout.write(`  ${(names.get(p.path) ?? p.path).padEnd(24)} ${num(p.importance)}${p.better ? `  (${p.better} is better)` : ''}\n`);
  }
}
