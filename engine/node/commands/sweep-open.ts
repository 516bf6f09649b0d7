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
    const many = others.length > 1;
    throw new UsageError(
      'cli/open-alone',
      `--open shows a trials CSV and runs nothing, so ${others.join(', ')} ` +
        `${many ? 'have' : 'has'} no use with it. Remove ${many ? 'them' : 'it'}.`,
    );
  }
  const result = parseTrialsCsv(new TextDecoder().decode(readBytes(path, 'Trials CSV', MAX_TRIALS_CSV_BYTES)));
  const names = shortNames(result.plan.parameters.map((p) => p.path));
  const { objective } = result.plan;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const count = (s: string) => `${result.trials.filter((t) => t.status === s).length} ${s}`;
  out(
    `${path}: ${result.trials.length} trials (${['done', 'pruned', 'failed'].map(count).join(', ')}); ` +
      `objective: ${objective.direction} ${objective.metric}\n`,
  );
  out(`${resultTable(result, names)}\n`);
  const best = result.best;
  const params = best ? paramsText(best.params, names) : '';
  const score = best ? `${objective.metric} ${num(best.objective)}` : '';
  out(best ? `Best: trial ${best.trial} — ${score} with ${params}` : 'No trial finished.');
  const importance = parameterImportance(result.trials, result.plan.parameters, objective.direction);
  const known = importance.parameters.filter((p) => p.importance !== null);
  if (!known.length) return;
  out(
    `\nImportance (share of the ${objective.metric} variance each parameter explains, ` +
      `from ${importance.trials} trials):`,
  );
  for (const p of known) {
    const better = p.better ? `  (${p.better} is better)` : '';
    out(`  ${(names.get(p.path) ?? p.path).padEnd(24)} ${num(p.importance)}${better}`);
  }
}
