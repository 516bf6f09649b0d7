/**
 * `train DATA.csv --target COL --auto [--budget SECONDS]`: "find a good network" as an ordinary sweep
 * (engine/sweep/auto.ts: TPE, trials cross-validated on the training + validation rows, the default network and
 * a linear baseline enqueued, a time budget), run in worker threads; the best trial is then refitted on the
 * training + validation rows for its mean kept epochs.
 */
import { availableParallelism } from 'node:os';
import { createBackend } from '../../backend/index.ts';
import { TrainingError } from '../../errors.ts';
import type { PreparedDataset } from '../../data/index.ts';
import { stringifyModelFile, type ModelFile } from '../../export/index.ts';
import { trainingDataOf, yieldToEventLoop } from '../../run/index.ts';
import type { BackendChoice } from '../../spec/index.ts';
import type { Metrics } from '../../train/index.ts';
import {
  AUTO_LABELS,
  autoPick,
  autoRefitReserveMs,
  autoSweep,
  foldTargets,
  parseSearchSpace,
  prepareSweep,
  retrainBest,
  runSweep,
  type SweepResult,
  type TrialRecord,
} from '../../sweep/index.ts';
import { metricsBlock, num } from '../format.ts';
import { writeFileAtomic } from '../outputs.ts';
import { createNodeTrialPool } from '../sweep-pool.ts';
import { resultTable, shortNames } from '../sweep-report.ts';

/** Width of the progress bar. */
const BAR = 30;
/** Milliseconds after the refits' training: closing the trial workers, scoring, writing the model. */
const CLI_OVERHEAD_MS = 1000;

/** What `train --auto` needs from the train command. */
export interface AutoOptions {
  prepared: PreparedDataset;
  seed: number;
  budgetSeconds: number;
  backend: BackendChoice;
  out: string;
  quiet: boolean;
}

/** The test score line of a model file (accuracy or R²), or a dash without test rows. */
function testScore(model: ModelFile): string {
  const t = model.metrics.test;
  if (!t || !('kind' in t)) return '–';
  return t.kind === 'classification'
    ? `accuracy ${num(t.accuracy)}, balanced accuracy ${num(t.balancedAccuracy)}`
    : `R² ${num(t.r2)}`;
}

/** The leaderboard: finished trials, best first, the top 10 and the labelled ones. */
function leaderboard(result: SweepResult): string {
  const names = shortNames(result.plan.parameters.map((p) => p.path));
  const lines = resultTable({ ...result, trials: result.trials.filter((t) => t.status === 'done') }, names).split('\n');
  return lines.filter((line, i) => i <= 10 || / \((default network|linear baseline)\)/.test(line)).join('\n');
}

/** Search, refit the winner (and the linear baseline, for its test score), print the leaderboard and both scores; save the winner. */
export async function trainAuto(o: AutoOptions): Promise<void> {
  const info = (s: string) => {
    if (!o.quiet) process.stderr.write(s);
  };
  const data = trainingDataOf(o.prepared);
  const targets = foldTargets(data);
  const task = data.task;
  const classCounts =
    task.kind === 'classification' ? task.classes.map((_, c) => targets.filter((y) => y === c).length) : undefined;
  // the budget counts from the command's start: starting Node and reading the data took some of it
  const begun = Date.now() - process.uptime() * 1000;
  const end = begun + o.budgetSeconds * 1000;
  const auto = autoSweep({
    task,
    inputs: data.train.features,
    rows: targets.length,
    classCounts,
    seed: o.seed,
    budgetSeconds: o.budgetSeconds,
  });
  const setup = prepareSweep({
    space: parseSearchSpace(auto.space),
    spec: auto.spec,
    data: { inputs: data.train.features, task },
    hasValidation: data.validation !== null,
    cores: availableParallelism(),
    trainingData: data,
  });
  const { settings } = setup;
  let done = 0;
  const tick = (): void => {
    const share = Math.min(1, (Date.now() - begun) / (end - begun));
    info(
      `\rSearching [${'#'.repeat(Math.round(share * BAR)).padEnd(BAR)}] ${Math.round(share * 100)}%  ${done} trials done`,
    );
  };
  const pool = createNodeTrialPool({ size: settings.concurrency, data, backend: o.backend });
  let timer: ReturnType<typeof setInterval> | undefined;
  let result: SweepResult;
  try {
    await pool.ready;
    timer = setInterval(tick, 250);
    const scored =
      settings.folds === null
        ? `${o.prepared.validation.rows} validation rows`
        : `${settings.folds}-fold cross-validation of ${targets.length} training + validation rows`;
    info(
      `Finding a good network in ${o.budgetSeconds} s: TPE over depth, width, activation, dropout, L2, learning rate, batch size` +
        `${task.kind === 'classification' ? ' and class weights' : ''}, scored by ${scored}; ${settings.concurrency} trial(s) at once, seed ${o.seed}.\n`,
    );
    result = await runSweep({
      setup,
      executor: pool,
      budgetStartedAt: begun,
      // the search ends once what is left is what the refits will take
      reserveMs: (finished, best) => autoRefitReserveMs(finished, best, { linear: true, overheadMs: CLI_OVERHEAD_MS }),
      onEvent: (e) => {
        if (e.type === 'trial/done') done += 1;
      },
    });
  } finally {
    clearInterval(timer);
    await pool.close();
  }
  tick();
  info('\nRefitting the best network on training + validation rows…\n');
  const how =
    settings.folds === null
      ? `on ${o.prepared.validation.rows} validation rows`
      : `by ${settings.folds}-fold cross-validation (means)`;
  process.stdout.write(
    `\nLeaderboard (${done} trials in ${(result.durationMs / 1000).toFixed(1)} s, scored ${how}):\n${leaderboard(result)}\n`,
  );
  const pick = autoPick(result);
  if (!pick) {
    throw new TrainingError({
      code: 'auto/no-trial',
      path: 'budget',
      message: 'No trial of the search finished. Look at the data warnings above, or give --auto a larger --budget.',
    });
  }
  const labelled = (label: string) => result.trials.find((t) => t.label === label && t.status === 'done') ?? null;
  const { backend } = await createBackend(o.backend);
  try {
    const refit = async (trial: TrialRecord) =>
      (await retrainBest({ setup, trial, prepared: o.prepared, backend, yieldToHost: yieldToEventLoop })).model;
    const best = pick.trial;
    const model = await refit(best);
    writeFileAtomic(o.out, stringifyModelFile(model));
    const linear = labelled(AUTO_LABELS.linear);
    const linearModel = linear === null ? null : linear === best ? model : await refit(linear);
    const metric = settings.objective.metric;
    const score = (t: TrialRecord | null) => (t === null ? '–' : num(t.objective));
    const name = best.label ?? `the searched network (trial ${best.trial})`;
    process.stdout.write(
      `\n${how.startsWith('by') ? 'Cross-validated' : 'Validation'} ${metric}: best ${score(pick.best)}; ${AUTO_LABELS.defaults} ${score(labelled(AUTO_LABELS.defaults))}; ${AUTO_LABELS.linear} ${score(linear)}.\n`,
    );
    if (pick.margin) {
      const kept =
        pick.trial === pick.best ? 'so it is kept' : 'within one standard error, so the default network is kept';
      process.stdout.write(
        `The search's best (trial ${pick.best.trial}) beats the default network by ${num(pick.margin.mean)} ± ${num(pick.margin.se)} (standard error of the paired fold differences): ${kept}.\n`,
      );
    }
    process.stdout.write(`Best: ${name}, refitted on train+validation for ${Math.max(1, best.keptEpoch)} epochs:\n`);
    for (const [split, m] of Object.entries(model.metrics))
      if (m && 'kind' in m) process.stdout.write(`${metricsBlock(split, m as Metrics)}\n`);
    process.stdout.write(
      `\nOn the test rows: best ${testScore(model)}; linear baseline (no hidden layer) ${linearModel ? testScore(linearModel) : '–'}.\n`,
    );
    process.stdout.write(
      `Done in ${process.uptime().toFixed(1)} s of a ${o.budgetSeconds} s budget. Model saved to ${o.out}\n`,
    );
  } finally {
    backend.destroy();
  }
}
