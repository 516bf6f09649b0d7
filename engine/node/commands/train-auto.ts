/**
 * `train DATA.csv --target COL --auto [--budget SECONDS]`: a budgeted search for a good network through the sweep
 * engine (TPE over engine/sweep/auto.ts's space, trials in worker threads, scored on the validation rows), the best
 * configuration refitted on training + validation rows, and a linear baseline trained beside it.
 */
import { availableParallelism } from 'node:os';
import { createBackend } from '../../backend/index.ts';
import { TrainingError } from '../../errors.ts';
import type { PreparedDataset } from '../../data/index.ts';
import { stringifyModelFile, type ModelFile } from '../../export/index.ts';
import { trainingDataOf, trainRun, yieldToEventLoop } from '../../run/index.ts';
import type { BackendChoice } from '../../spec/index.ts';
import {
  autoBaseSpec, autoSearchSpace, linearBaselineSpec, prepareSweep, retrainBest, runSweep, SweepControl, type SweepEvent,
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
  return t.kind === 'classification' ? `accuracy ${num(t.accuracy)}, balanced accuracy ${num(t.balancedAccuracy)}` : `R² ${num(t.r2)}`;
}

/** Search, refit the winner, train the linear baseline, print the leaderboard and both scores; save the winner. */
export async function trainAuto(o: AutoOptions): Promise<void> {
  const started = Date.now();
  const deadline = started + o.budgetSeconds * 1000 * SEARCH_SHARE;
  const info = (s: string) => { if (!o.quiet) process.stderr.write(s); };
  const data = trainingDataOf(o.prepared);
  const space = autoSearchSpace(data.task, o.seed);
  const spec = autoBaseSpec(data.task, data.train.rows, o.seed);
  const setup = prepareSweep({
    space, spec, data: { inputs: data.train.features, task: data.task }, hasValidation: data.validation !== null,
    cores: availableParallelism(), overrides: {},
  });
  const pool = createNodeTrialPool({ size: setup.settings.concurrency, data, backend: o.backend });
  const control = new SweepControl();
  const tick = (): void => {
    const share = Math.min(1, (Date.now() - started) / (deadline - started));
    info(`\rSearching [${'#'.repeat(Math.round(share * BAR)).padEnd(BAR)}] ${Math.round(share * 100)}%  ${done} trials done`);
  };
  let done = 0;
  // At the deadline the search stops, but not before one trial has finished (on a busy machine that may take longer).
  const timer = setInterval(() => (Date.now() >= deadline && done > 0 ? control.cancel() : tick()), 250);
  let result;
  try {
    await pool.ready;
    info(`Finding a good network in ${o.budgetSeconds} s: TPE over depth, width, activation, dropout, L2, learning rate, batch size` +
      `${data.task.kind === 'classification' ? ' and class weights' : ''}; ${setup.settings.concurrency} trial(s) at once, seed ${o.seed}.\n`);
    result = await runSweep({ setup, executor: pool, control, onEvent: (e: SweepEvent) => { if (e.type === 'trial/done') done++; } });
  } finally {
    clearInterval(timer);
    await pool.close();
  }
  tick();
  info('\n');
  const names = shortNames(space.parameters.map((p) => p.path));
  process.stdout.write(`\nLeaderboard (${done} trials in ${(result.durationMs / 1000).toFixed(1)} s, scored on ${o.prepared.validation.rows} validation rows):\n`);
  process.stdout.write(`${resultTable({ ...result, trials: result.trials.filter((t) => t.status === 'done') }, names).split('\n').slice(0, 12).join('\n')}\n`);
  const best = result.best;
  if (!best) {
    throw new TrainingError({ code: 'auto/no-trial', path: 'budget', message: 'No trial of the search finished. Look at the data warnings above, or give --auto a larger --budget.' });
  }
  const { backend } = await createBackend(o.backend);
  try {
    const winner = await retrainBest({ setup, trial: best, prepared: o.prepared, backend, yieldToHost: yieldToEventLoop });
    const baseline = await trainRun({ spec: linearBaselineSpec(data.train.rows, o.seed), prepared: o.prepared, backend, scoreOn: backend, yieldToHost: yieldToEventLoop });
    writeFileAtomic(o.out, stringifyModelFile(winner.model));
    process.stdout.write(`\nBest network (trial ${best.trial}), refitted on train+validation for ${winner.result.history.length} epochs:\n`);
    for (const [name, m] of Object.entries(winner.metrics)) process.stdout.write(`${metricsBlock(name, m)}\n`);
    process.stdout.write(`\nOn the test rows: best network ${testScore(winner.model)}; linear baseline (no hidden layer) ${testScore(baseline.model)}.\n`);
    process.stdout.write(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s of a ${o.budgetSeconds} s budget. Model saved to ${o.out}\n`);
  } finally {
    backend.destroy();
  }
}
