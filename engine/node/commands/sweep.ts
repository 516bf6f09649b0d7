/** `sweep DATA.csv --target COL --space SPACE.json`: search hyperparameters with trials in parallel worker threads. */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { createBackend } from '../../backend/index.ts';
import { prepareDataset } from '../../data/index.ts';
import { stringifyModelFile } from '../../export/index.ts';
import { trainingDataOf, yieldToEventLoop } from '../../run/index.ts';
import {
  BACKEND_NAMES,
  defaultSpec,
  MONITOR_NAMES,
  parseSpec,
  type BackendChoice,
  type MonitorName,
  type NetworkSpec,
} from '../../spec/index.ts';
import {
  compareTrials,
  parseSearchSpace,
  prepareSweep,
  retrainBest,
  runSweep,
  STRATEGY_NAMES,
  SweepControl,
  trialsCsv,
  type StrategyName,
  type SweepEvent,
  type TrialRecord,
} from '../../sweep/index.ts';
import { MAX_EPOCHS, MAX_SEED, numberFlag, parseFlags } from '../args.ts';
import { csvOptionsOf } from '../csv-flags.ts';
import { loadCsv } from '../dataset.ts';
import { readJson } from '../files.ts';
import { checkOutputs, writeFileAtomic, type OutputFile } from '../outputs.ts';
import { metricsBlock, num } from '../format.ts';
import { createNodeTrialPool } from '../sweep-pool.ts';
import { checkStudyFolder, exportOptuna } from './sweep-optuna.ts';
import { MAX_CONCURRENCY, MAX_TRIALS, sweepFlags as flags, sweepHelp } from './sweep-flags.ts';
import { replacedLine } from '../out-path.ts';
import { openTrialsCsv } from './sweep-open.ts';
import { bracketLines, paramsText, resultTable, shortNames, trialLine } from '../sweep-report.ts';
import { UsageError } from '../usage-error.ts';

function choiceFlag<T extends string>(value: unknown, name: string, valid: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!valid.includes(value as T))
    throw new UsageError('cli/bad-choice', `--${name} must be one of ${valid.join(', ')}, got '${String(value)}'.`);
  return value as T;
}

/** Run the command. */
export async function sweepCommand(argv: string[]): Promise<void> {
  const opening = argv.some((a) => a === '--open' || a.startsWith('--open='));
  const { values, positionals } = parseFlags('sweep', argv, flags, opening ? [] : ['DATA.csv']);
  if (values.help) return void process.stdout.write(sweepHelp);
  if (typeof values.open === 'string') return openTrialsCsv(values.open, argv);
  const [dataPath] = positionals;
  const target = values.target;
  if (typeof target !== 'string')
    throw new UsageError(
      'cli/missing-target',
      "sweep needs --target COL: the name of the column to predict. Run 'backprop-studio profile DATA.csv' to list the columns.",
    );
  if (typeof values.space !== 'string')
    throw new UsageError(
      'cli/missing-space',
      'sweep needs --space SPACE.json: the parameters to search. See resources/examples/wine-space.json.',
    );
  const strategy = choiceFlag<StrategyName>(values.strategy, 'strategy', STRATEGY_NAMES);
  const metric = choiceFlag<MonitorName>(values.objective, 'objective', MONITOR_NAMES);
  const backendFlag = choiceFlag<BackendChoice>(values.backend, 'backend', BACKEND_NAMES);
  const trials = numberFlag(values, 'trials', { integer: true, min: 1, max: MAX_TRIALS });
  const concurrency = numberFlag(values, 'concurrency', { integer: true, min: 1, max: MAX_CONCURRENCY });
  const seedFlag = numberFlag(values, 'seed', { integer: true, min: 0, max: MAX_SEED });
  const epochs = numberFlag(values, 'epochs', { integer: true, min: 1, max: MAX_EPOCHS });
  const validation =
    numberFlag(values, 'validation-split', { min: 0, max: 1, minExclusive: true, maxExclusive: true }) ?? 0.2;
  const test = numberFlag(values, 'test-split', { min: 0, max: 1, maxExclusive: true }) ?? 0.2;
  if (validation + test >= 0.9)
    throw new UsageError(
      'cli/splits-too-large',
      `--validation-split ${validation} and --test-split ${test} leave less than 10% of the rows for training. Lower them.`,
    );
  const csvOptions = csvOptionsOf(values);
  const outputs: OutputFile[] = [];
  if (typeof values.out === 'string') outputs.push({ flag: '--out', path: values.out, example: 'trials.csv' });
  if (typeof values['best-model'] === 'string')
    outputs.push({ flag: '--best-model', path: values['best-model'], example: 'best.model.json' });
  const optunaDir = values['export-optuna'];
  if (values.force === true && typeof optunaDir !== 'string') {
    throw new UsageError(
      'cli/force-not-folder',
      '--force applies to --export-optuna only: it lets the study replace the files of an existing folder. ' +
        'Remove --force.',
    );
  }
  const force = values.force === true;
  const replaced = typeof optunaDir === 'string' ? checkStudyFolder(optunaDir, argv, dataPath, force) : [];
  checkOutputs(outputs, [
    { what: 'the CSV file', path: dataPath },
    { what: 'the search space', path: values.space },
    ...(typeof values.spec === 'string' ? [{ what: 'the spec file', path: values.spec }] : []),
  ]);

  const space = parseSearchSpace(readJson(values.space, 'Search space'));
  const given: NetworkSpec | null =
    typeof values.spec === 'string' ? parseSpec(readJson(values.spec, 'Spec file')) : (space.spec ?? null);
  const seed = seedFlag ?? space.seed ?? given?.training?.seed ?? 42;
  const table = loadCsv(dataPath, csvOptions);
  const prepared = prepareDataset(table, { target, split: { validation, test } }, seed);
  const quiet = !!values.quiet;
  const info = (s: string) => {
    if (!quiet) process.stderr.write(`${s}\n`);
  };
  for (const w of [...table.warnings, ...prepared.warnings]) process.stderr.write(`warning: ${w.message}\n`);
  const data = trainingDataOf(prepared);
  let spec = given ?? defaultSpec(data.task, data.train.features, 'simple', data.train.rows);
  if (epochs !== undefined) spec = parseSpec({ ...spec, training: { ...spec.training, epochs } });
  const setup = prepareSweep({
    space,
    spec,
    data: { inputs: data.train.features, task: data.task },
    hasValidation: data.validation !== null,
    trainingData: data,
    cores: availableParallelism(),
    overrides: { strategy, trials, seed, concurrency, objective: metric ? { metric } : undefined },
  });
  const { settings } = setup;
  const backendChoice = backendFlag ?? spec.training?.backend ?? 'auto';
  if (typeof optunaDir === 'string') {
    const lines = await exportOptuna({
      dir: optunaDir,
      dataPath,
      setup,
      prepared,
      validationSplit: validation,
      backend: backendChoice,
    });
    process.stderr.write(replacedLine(replaced));
    return void process.stdout.write(`${lines.join('\n')}\n`);
  }
  const names = shortNames(space.parameters.map((p) => p.path));
  info(
    `Data: ${basename(dataPath)} — ${prepared.train.rows} train / ${prepared.validation.rows} validation / ${prepared.test.rows} test rows, ${data.train.features} features`,
  );
  const pool = createNodeTrialPool({
    size: Math.min(settings.concurrency, settings.trials),
    data,
    backend: backendChoice,
  });
  const control = new SweepControl();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write(
      "\nCancelling the sweep after the running trials' current batch (press Ctrl+C again to quit now)…\n",
    );
    control.cancel();
  };
  process.on('SIGINT', onSigint);
  let result;
  try {
    const backendLabel = await pool.ready;
    info(
      `Sweep: ${settings.strategy}, ${settings.trials} trials, ${settings.concurrency} at once (worker threads, ${backendLabel}), seed ${settings.seed}; objective: ${settings.objective.direction} ${settings.objective.metric}`,
    );
    if (settings.strategy === 'hyperband') info(bracketLines(settings.halving, settings.trials).join('\n'));
    let best: TrialRecord | null = null;
    result = await runSweep({
      setup,
      executor: pool,
      control,
      onEvent: (e: SweepEvent) => {
        if (e.type === 'trial/start' && (e.rung ?? 0) === 0)
          info(
            `trial ${String(e.trial).padStart(String(settings.trials).length)}/${settings.trials} started${e.label ? ` (${e.label})` : ''}    ${paramsText(e.params, names)}`,
          );
        if (
          e.type === 'trial/done' ||
          e.type === 'trial/rung' ||
          e.type === 'trial/pruned' ||
          e.type === 'trial/failed' ||
          e.type === 'trial/cancelled'
        ) {
          const isBest =
            e.type === 'trial/done' &&
            e.record.objective !== null &&
            (!best || compareTrials(e.record, best, settings.objective) < 0);
          if (isBest) best = e.record;
          info(trialLine(e.record, settings.trials, settings.objective, isBest));
        }
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    await pool.close();
  }
  const done = result.trials.filter((t) => t.status === 'done').length;
  process.stdout.write(
    `\nSweep ${result.status === 'cancelled' ? 'cancelled' : 'finished'}: ${done} of ${result.plan.trials} trials done in ${(result.durationMs / 1000).toFixed(1)} s (${settings.strategy}, seed ${settings.seed}).\n\n`,
  );
  process.stdout.write(`${resultTable(result, names)}\n\n`);
  const best = result.best;
  if (best)
    process.stdout.write(
      `Best: trial ${best.trial} — ${settings.objective.metric} ${num(best.objective)} with ${paramsText(best.params, names)}\n`,
    );
  else
    process.stdout.write(
      'No trial finished, so there is no best configuration. Look at the failures above (a lower learning rate often helps).\n',
    );
  if (typeof values.out === 'string') {
    writeFileAtomic(values.out, trialsCsv(result));
    process.stdout.write(`Trials written to ${values.out}\n`);
  }
  const modelPath = values['best-model'];
  if (typeof modelPath === 'string' && best) {
    const { backend } = await createBackend(backendChoice);
    try {
      const {
        model,
        metrics,
        result: trained,
      } = await retrainBest({
        setup,
        trial: best,
        prepared,
        backend,
        yieldToHost: yieldToEventLoop,
      });
      writeFileAtomic(modelPath, stringifyModelFile(model));
      process.stdout.write(`\nBest configuration retrained on train+validation (${trained.history.length} epochs):\n`);
      for (const [name, m] of Object.entries(metrics)) process.stdout.write(`${metricsBlock(name, m)}\n`);
      process.stdout.write(`Model saved to ${modelPath}\n`);
    } finally {
      backend.destroy();
    }
  }
}
