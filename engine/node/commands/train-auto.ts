/**
 * `train DATA.csv --target COL --auto [--budget SECONDS]`: a budgeted search for a good network through the sweep
 * engine (TPE over engine/sweep/auto.ts's space, trials in worker threads, scored on the validation rows); the best
 * trial, the default network and a linear baseline compete on the same validation rows, and the winner is refitted
 * on training + validation rows.
 */
import { availableParallelism } from 'node:os';
import { createBackend } from '../../backend/index.ts';
import { TrainingError } from '../../errors.ts';
import type { PreparedDataset } from '../../data/index.ts';
import { stringifyModelFile, type ModelFile } from '../../export/index.ts';
import { trainingDataOf, trainRun, yieldToEventLoop } from '../../run/index.ts';
import { defaultSpec, type BackendChoice, type MonitorName, type NetworkSpec } from '../../spec/index.ts';
import type { Metrics, TrainResult } from '../../train/index.ts';
import {
  autoBaseSpec,
  autoSearchSpace,
  linearBaselineSpec,
  prepareSweep,
  retrainBest,
  runSweep,
  SweepControl,
  type SweepEvent,
} from '../../sweep/index.ts';
import { metricsBlock, num } from '../format.ts';
import { writeFileAtomic } from '../outputs.ts';
import { createNodeTrialPool } from '../sweep-pool.ts';
import { resultTable, shortNames } from '../sweep-report.ts';

/** Share of the budget the search gets; the refit of the winner and the linear baseline take the rest. */
const SEARCH_SHARE = 0.7;
/** Width of the progress bar. */
const BAR = 30;

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

/** A run's validation score by the search's objective at the epoch it kept (null without one). */
function validationScore(r: TrainResult, metric: MonitorName): number | null {
  const h = r.history[r.bestEpoch - 1];
  if (!h) return null;
  const v =
    metric === 'valLoss'
      ? h.valLoss
      : metric.startsWith('val')
        ? h.valMetrics?.[metric.charAt(3).toLowerCase() + metric.slice(4)]
        : undefined;
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/** Search, refit the winner, train the linear baseline, print the leaderboard and both scores; save the winner. */
export async function trainAuto(o: AutoOptions): Promise<void> {
  const started = Date.now();
  const deadline = started + o.budgetSeconds * 1000 * SEARCH_SHARE;
  const info = (s: string) => {
    if (!o.quiet) process.stderr.write(s);
  };
  const data = trainingDataOf(o.prepared);
  const space = autoSearchSpace(data.task, o.seed);
  const spec = autoBaseSpec(data.task, data.train.rows, o.seed);
  const setup = prepareSweep({
    space,
    spec,
    data: { inputs: data.train.features, task: data.task },
    hasValidation: data.validation !== null,
    cores: availableParallelism(),
    overrides: {},
  });
  const pool = createNodeTrialPool({ size: setup.settings.concurrency, data, backend: o.backend });
  const control = new SweepControl();
  const tick = (): void => {
    const share = Math.min(1, (Date.now() - started) / (deadline - started));
    info(
      `\rSearching [${'#'.repeat(Math.round(share * BAR)).padEnd(BAR)}] ${Math.round(share * 100)}%  ${done} trials done`,
    );
  };
  let done = 0;
  // At the deadline the search stops, but not before one trial has finished (on a busy machine that may take longer).
  const timer = setInterval(() => (Date.now() >= deadline && done > 0 ? control.cancel() : tick()), 250);
  let result;
  try {
    await pool.ready;
    info(
      `Finding a good network in ${o.budgetSeconds} s: TPE over depth, width, activation, dropout, L2, learning rate, batch size` +
        `${data.task.kind === 'classification' ? ' and class weights' : ''}; ${setup.settings.concurrency} trial(s) at once, seed ${o.seed}.\n`,
    );
    result = await runSweep({
      setup,
      executor: pool,
      control,
      onEvent: (e: SweepEvent) => {
        if (e.type === 'trial/done') done++;
      },
    });
  } finally {
    clearInterval(timer);
    await pool.close();
  }
  tick();
  info('\n');
  const names = shortNames(space.parameters.map((p) => p.path));
  process.stdout.write(
    `\nLeaderboard (${done} trials in ${(result.durationMs / 1000).toFixed(1)} s, scored on ${o.prepared.validation.rows} validation rows):\n`,
  );
  process.stdout.write(
    `${resultTable({ ...result, trials: result.trials.filter((t) => t.status === 'done') }, names)
      .split('\n')
      .slice(0, 12)
      .join('\n')}\n`,
  );
  const best = result.best;
  if (!best) {
    throw new TrainingError({
      code: 'auto/no-trial',
      path: 'budget',
      message: 'No trial of the search finished. Look at the data warnings above, or give --auto a larger --budget.',
    });
  }
  const { backend } = await createBackend(o.backend);
  try {
    const run = (spec: NetworkSpec) =>
      trainRun({ spec, prepared: o.prepared, backend, scoreOn: backend, yieldToHost: yieldToEventLoop });
    const baseline = await run(linearBaselineSpec(data.train.rows, o.seed));
    // The default network competes too, on the same validation rows: a short search on noisy validation
    // scores can pick worse than the defaults, and the analyst should never get less from --auto.
    const defaults = await run(defaultSpec(data.task, data.train.features, 'simple', data.train.rows));
    const objective = setup.settings.objective;
    const better = (a: number | null, b: number | null): boolean =>
      a !== null && (b === null || (objective.direction === 'maximize' ? a > b : a < b));
    const candidates = [
      { name: `the searched network (trial ${best.trial})`, score: best.objective, model: null as ModelFile | null },
      { name: 'the default network', score: validationScore(defaults.result, objective.metric), model: defaults.model },
      { name: 'the linear baseline', score: validationScore(baseline.result, objective.metric), model: baseline.model },
    ];
    const pick = candidates.reduce((a, b) => (better(b.score, a.score) ? b : a));
    const model =
      pick.model ??
      (await retrainBest({ setup, trial: best, prepared: o.prepared, backend, yieldToHost: yieldToEventLoop })).model;
    writeFileAtomic(o.out, stringifyModelFile(model));
    process.stdout.write(
      `\nValidation ${objective.metric}: ${candidates.map((c) => `${c.name} ${c.score === null ? '–' : num(c.score)}`).join('; ')}.\n`,
    );
    const refitted = pick.model === null || model.training.refit !== undefined;
    process.stdout.write(`Best: ${pick.name}${refitted ? ', refitted on train+validation' : ''}:\n`);
    for (const [name, m] of Object.entries(model.metrics))
      if (m && 'kind' in m) process.stdout.write(`${metricsBlock(name, m as Metrics)}\n`);
    process.stdout.write(
      `\nOn the test rows: best ${testScore(model)}; linear baseline (no hidden layer) ${testScore(baseline.model)}.\n`,
    );
    process.stdout.write(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s of a ${o.budgetSeconds} s budget. Model saved to ${o.out}\n`,
    );
  } finally {
    backend.destroy();
  }
}
